// Codes of maps in the process hierarchy: "1", "1.2", "1.2.3" (MAP-TYPES.md).

/** The first free code under `parentCode` (or at the top level), numbering children from 1. */
export function nextChildCode(parentCode: string | undefined, takenCodes: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const code = parentCode === undefined ? String(n) : `${parentCode}.${n}`;
    if (!takenCodes.has(code)) return code;
  }
}

/** Codes compared part by part ("1.2" < "1.10"), numbers as numbers. */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'id', { numeric: true });
}

interface TreeNode {
  id: string;
  parentId?: string;
}

/** The maps under each parent id, in the order given. */
export function childrenByParent<T extends TreeNode>(maps: Iterable<T>): Map<string, T[]> {
  const byParent = new Map<string, T[]>();
  for (const map of maps) if (map.parentId) byParent.set(map.parentId, [...(byParent.get(map.parentId) ?? []), map]);
  return byParent;
}

/** Every map beneath `rootId` by parentId, breadth first, each once: corrupt records with a cycle cannot loop. */
export function descendantsOf<T extends TreeNode>(children: ReadonlyMap<string, readonly T[]>, rootId: string): T[] {
  const result: T[] = [];
  const seen = new Set([rootId]);
  const queue = [rootId];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i]!) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      result.push(child);
      queue.push(child.id);
    }
  }
  return result;
}
