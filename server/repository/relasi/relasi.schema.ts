// Inputs and answers of the peta relasi routes (docs/relasi.md); the client takes its types from here.
import { z } from 'zod';
import type { ProcessMap } from '../../store/records';
import { MapId } from '../../store/records';
import type { Relation, RelationComparison } from '../relations';

/** Where the generated peta relasi goes: a new child map of the process, or a new revision of one of its relasi maps. */
export const SaveRelasiBody = z.union([
  z.strictObject({ target: z.literal('baru') }),
  z.strictObject({ target: MapId, baseRevision: z.number().int().min(1) }),
]);
export type SaveRelasiBody = z.infer<typeof SaveRelasiBody>;

/** A lintas fungsi (or mekanisme kerja) map beneath the process, at its current revision, with its relations. */
export interface RelasiSourceView {
  map: ProcessMap;
  revision: number;
  relations: Relation[];
}

/** A peta relasi beneath the process as drawn, compared with the relations its hand-offs realise. */
export interface RelasiDrawnView {
  map: ProcessMap;
  revision: number;
  relations: Relation[];
  comparison: RelationComparison;
}

export interface RelasiView {
  process: ProcessMap;
  sources: RelasiSourceView[];
  /** The peta relasi generated from every source: its XML and the relations it draws. */
  generated: { xml: string; relations: Relation[] };
  drawn: RelasiDrawnView[];
}
