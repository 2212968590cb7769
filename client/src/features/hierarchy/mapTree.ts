// The map hierarchy as a tree of the maps a user may see (MAP-TYPES.md: codes 1, 1.2, 1.2.3 follow the tree).
import type { ProcessMap } from '../../api/types';

export interface TreeNode {
  map: ProcessMap;
  children: TreeNode[];
}

/** One visible row of the tree: its node, depth (0 at the top) and place among its siblings. */
export interface TreeRow {
  node: TreeNode;
  depth: number;
  /** 1-based position among its siblings, and how many siblings there are (aria-posinset, aria-setsize). */
  position: number;
  siblings: number;
  parentId: string | null;
}

/** Codes compared part by part, numbers as numbers: "1.2" before "1.10" (the server's order). */
export { compareCodes } from '../../../../server/domain/hierarchy';
import { compareCodes } from '../../../../server/domain/hierarchy';

const byCode = (a: TreeNode, b: TreeNode) => compareCodes(a.map.code, b.map.code);

/** The forest of `maps`: a map whose parent is not among them (another unit's, for example) is a root. */
export function buildTree(maps: readonly ProcessMap[]): TreeNode[] {
  const nodes = new Map(maps.map((map) => [map.id, { map, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.map.parentId === undefined ? undefined : nodes.get(node.map.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  for (const node of nodes.values()) node.children.sort(byCode);
  return roots.sort(byCode);
}

/** The rows shown when the nodes in `expanded` are open, in document order. */
export function visibleRows(roots: readonly TreeNode[], expanded: ReadonlySet<string>, keep: (node: TreeNode) => boolean = () => true): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly TreeNode[], depth: number, parentId: string | null) => {
    const shown = nodes.filter(keep);
    shown.forEach((node, i) => {
      rows.push({ node, depth, position: i + 1, siblings: shown.length, parentId });
      if (expanded.has(node.map.id)) walk(node.children, depth + 1, node.map.id);
    });
  };
  walk(roots, 0, null);
  return rows;
}

/** The ids of `id` and every map beneath it. */
export function subtreeIds(maps: readonly ProcessMap[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const map of maps) {
      if (map.parentId && ids.has(map.parentId) && !ids.has(map.id)) {
        ids.add(map.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** The ids of `matches` and of all their ancestors among `maps`: what a filtered tree must show to keep its shape. */
export function withAncestors(maps: readonly ProcessMap[], matches: Iterable<string>): Set<string> {
  const byId = new Map(maps.map((map) => [map.id, map]));
  const ids = new Set<string>();
  for (const id of matches) {
    for (let map = byId.get(id); map && !ids.has(map.id); map = map.parentId ? byId.get(map.parentId) : undefined) ids.add(map.id);
  }
  return ids;
}
