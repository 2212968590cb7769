// Planning hierarchy changes (MAP-TYPES.md: a map's level is its parent's plus one, codes follow the tree): which
// records change when a map moves under another parent or gets a new code by hand. Pure; every MapStore shares it.
import { childrenByParent, descendantsOf, nextChildCode } from '../domain/hierarchy';
import { AppError } from '../errors';
import { MapCode, type ProcessMap } from './records';
import { codeTaken, mapNotFound, parentNotFound } from './store-errors';

/** The deepest level a record may have (records.ts). */
const MAX_LEVEL = 20;

export const mapMoveCycle = (name: string) =>
  new AppError(400, 'MAP_MOVE_CYCLE', `Peta "${name}" tidak dapat dipindahkan ke bawah dirinya sendiri atau ke bawah turunannya.`);

const tooDeep = () =>
  new AppError(400, 'MAP_TOO_DEEP', `Hierarki peta paling dalam ${MAX_LEVEL + 1} tingkat (level 0 sampai ${MAX_LEVEL}); pilih induk yang lebih tinggi.`);

const codeInvalid = (code: string) =>
  new AppError(400, 'MAP_CODE_INVALID', `Kode "${code}" yang akan terbentuk tidak sah (paling panjang 40 karakter); pendekkan kode peta induknya.`);

/** The map `id` and all maps beneath it by parentId, the map first, then breadth first. */
export function subtreeOf(maps: readonly ProcessMap[], id: string): ProcessMap[] {
  const root = maps.find((m) => m.id === id);
  if (!root) throw mapNotFound(id);
  return [root, ...descendantsOf(childrenByParent(maps), id)];
}

/** The ancestors of `id`, the top-level map first; a parentId naming no map ends the chain. */
export function ancestorsOf(maps: readonly ProcessMap[], id: string): ProcessMap[] {
  const byId = new Map(maps.map((m) => [m.id, m]));
  const map = byId.get(id);
  if (!map) throw mapNotFound(id);
  const chain: ProcessMap[] = [];
  const seen = new Set([id]);
  for (let parent = map.parentId && byId.get(map.parentId); parent && !seen.has(parent.id); parent = parent.parentId && byId.get(parent.parentId)) {
    seen.add(parent.id);
    chain.unshift(parent);
  }
  return chain;
}


/** `code` with the prefix `from` replaced by `to` when it lies beneath it ("1.2.3" from "1.2" to "4" → "4.3"). */
function rebase(code: string, from: string, to: string): string | undefined {
  return code.startsWith(`${from}.`) ? to + code.slice(from.length) : undefined;
}

/**
 * The subtree of `root` with `root` recoded to `code` at `level` under `parentId`: every descendant whose code lies
 * beneath the root's old code follows the new one (a descendant coded by hand otherwise keeps its code), and every
 * level shifts by the same amount. Only records that actually change are returned.
 */
function rebasedSubtree(subtree: readonly ProcessMap[], code: string, level: number, parentId: string | undefined, now: string): ProcessMap[] {
  const [root, ...descendants] = subtree as [ProcessMap, ...ProcessMap[]];
  const delta = level - root.level;
  const next: ProcessMap[] = [];
  const { parentId: _old, ...rootRest } = root;
  const movedRoot: ProcessMap = { ...rootRest, code, level, ...(parentId ? { parentId } : {}) };
  if (movedRoot.code !== root.code || movedRoot.level !== root.level || movedRoot.parentId !== root.parentId) next.push({ ...movedRoot, updatedAt: now });
  for (const d of descendants) {
    const nextCode = rebase(d.code, root.code, code) ?? d.code;
    if (nextCode !== d.code || delta !== 0) next.push({ ...d, code: nextCode, level: d.level + delta, updatedAt: now });
  }
  return next;
}

/** A refusal when `records` would break the hierarchy's limits or take a code of a map outside them. */
function checkRecords(records: readonly ProcessMap[], maps: readonly ProcessMap[]): void {
  const changing = new Set(records.map((r) => r.id));
  const taken = new Set(maps.filter((m) => !changing.has(m.id)).map((m) => m.code));
  for (const r of records) {
    if (r.level > MAX_LEVEL) throw tooDeep();
    if (!MapCode.safeParse(r.code).success) throw codeInvalid(r.code);
    if (taken.has(r.code)) throw codeTaken(r.code);
  }
}

/**
 * The records that change when map `id` moves under `parentId` (null: the top level): it gets the first code free
 * under its new parent, such that none of its descendants' new codes is taken either; level = parent's + 1 (0 at the
 * top). Moving a map under itself or a descendant → MAP_MOVE_CYCLE; an unknown parent → PARENT_NOT_FOUND. Moving a
 * map to the parent it already has changes nothing (an empty list).
 */
export function planMove(maps: readonly ProcessMap[], id: string, parentId: string | null, now: string): ProcessMap[] {
  const subtree = subtreeOf(maps, id);
  const root = subtree[0]!;
  const parent = parentId === null ? undefined : maps.find((m) => m.id === parentId);
  if (parentId !== null && !parent) throw parentNotFound(parentId);
  if (parent && subtree.some((m) => m.id === parent.id)) throw mapMoveCycle(root.name);
  if ((root.parentId ?? null) === parentId) return [];
  const level = parent ? parent.level + 1 : 0;
  const inSubtree = new Set(subtree.map((m) => m.id));
  const taken = new Set(maps.filter((m) => !inSubtree.has(m.id)).map((m) => m.code));
  const tried = new Set(taken);
  for (;;) {
    const code = nextChildCode(parent?.code, tried);
    const records = rebasedSubtree(subtree, code, level, parent?.id, now);
    if (records.every((r) => !taken.has(r.code))) {
      checkRecords(records, maps);
      return records;
    }
    tried.add(code);
  }
}

/**
 * The records that change when map `id` gets `code` by hand: the map, and its descendants whose codes lie beneath its
 * old code ("1.2" → "7": "1.2.1" becomes "7.1"); levels and parents stay. MAP_CODE_TAKEN when any new code belongs
 * to a map outside them.
 */
export function planRecode(maps: readonly ProcessMap[], id: string, code: string, now: string): ProcessMap[] {
  const subtree = subtreeOf(maps, id);
  const root = subtree[0]!;
  if (code === root.code) return [];
  const records = rebasedSubtree(subtree, code, root.level, root.parentId, now);
  checkRecords(records, maps);
  return records;
}
