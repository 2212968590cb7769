// The record of a new map, shared by every MapStore: its code and level come from the hierarchy (MAP-TYPES.md).
import { randomUUID } from 'node:crypto';
import { nextChildCode } from '../domain/hierarchy';
import type { NewMap } from './map-store';
import type { ProcessMap } from './records';
import { codeTaken, parentNotFound } from './store-errors';

/**
 * Builds the record of `input` as revision 1, created at `now`, among the maps `existing`; PARENT_NOT_FOUND or
 * MAP_CODE_TAKEN when the hierarchy does not allow it. Call it inside the store's serialised write.
 */
export function newMapRecord(input: NewMap, existing: readonly ProcessMap[], now: string): ProcessMap {
  const parent = input.parentId === undefined ? undefined : existing.find((m) => m.id === input.parentId);
  if (input.parentId !== undefined && !parent) throw parentNotFound(input.parentId);
  const taken = new Set(existing.map((m) => m.code));
  if (input.code !== undefined && taken.has(input.code)) throw codeTaken(input.code);
  return {
    id: randomUUID(),
    code: input.code ?? nextChildCode(parent?.code, taken),
    name: input.name,
    kind: input.kind,
    level: parent ? parent.level + 1 : 0,
    ...(parent ? { parentId: parent.id } : {}),
    unit: input.unit,
    profile: input.profile,
    createdAt: now,
    updatedAt: now,
    currentRevision: 1,
  };
}
