// Which map a call activity (or a collapsed sub-process) of a map stands for (MAP-TYPES.md: a process's parts have
// their own maps). In order: `sk:calledMap` (a map id), `calledElement` naming a map by id or code, else a child map
// of the calling map with the same name — the inference from names that must work without the sk: extension.
import { childrenByParent, descendantsOf } from '../domain/hierarchy';
import type { MapKind } from '../domain/vocabulary';
import type { CallFacts } from './map-facts';

export interface RepoMapRef {
  id: string;
  code: string;
  name: string;
  kind: MapKind;
  level: number;
  parentId?: string;
  unit: string;
}

/** How a call was resolved: by the attribute, by code or id in calledElement, or by the name of a child map. */
export type LinkBasis = 'sk:calledMap' | 'calledElement' | 'nama';

export interface ResolvedCall {
  target: RepoMapRef;
  basis: LinkBasis;
}

/** The repository's maps indexed for resolving calls. */
export class MapIndex<T extends RepoMapRef = RepoMapRef> {
  readonly byId = new Map<string, T>();
  readonly byCode = new Map<string, T>();
  private readonly children: Map<string, T[]>;

  constructor(maps: Iterable<T>) {
    const all = [...maps];
    for (const map of all) {
      this.byId.set(map.id, map);
      this.byCode.set(map.code, map);
    }
    this.children = childrenByParent(all);
  }

  childrenOf(id: string): readonly T[] {
    return this.children.get(id) ?? [];
  }

  /** Every map beneath `id`, breadth first. */
  descendantsOf(id: string): T[] {
    return descendantsOf(this.children, id);
  }
}

/** Names compared without case, punctuation or runs of spaces. */
export const sameName = (a: string, b: string): boolean => foldName(a) !== '' && foldName(a) === foldName(b);
const foldName = (name: string) => name.toLocaleLowerCase('id').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** `calledElement` may carry a prefix (`map:…`, a QName `ns:…`): the part after the last colon is tried too. */
const candidates = (value: string): string[] => {
  const trimmed = value.trim();
  const tail = trimmed.slice(trimmed.lastIndexOf(':') + 1);
  return tail === trimmed ? [trimmed] : [trimmed, tail];
};

export function resolveCall(call: CallFacts, owner: Pick<RepoMapRef, 'id'>, index: MapIndex): ResolvedCall | undefined {
  if (call.calledMap) {
    const target = index.byId.get(call.calledMap.trim());
    return target ? { target, basis: 'sk:calledMap' } : undefined;
  }
  if (call.calledElement) {
    for (const value of candidates(call.calledElement)) {
      const target = index.byId.get(value) ?? index.byCode.get(value);
      if (target) return { target, basis: 'calledElement' };
    }
  }
  const named = index.childrenOf(owner.id).find((child) => sameName(child.name, call.name));
  return named ? { target: named, basis: 'nama' } : undefined;
}
