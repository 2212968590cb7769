// Lanes matched to jabatan at import (issue 14 item 4): which lanes of an imported file the kamus jabatan (and the
// repository's synonyms) can place, what it suggests for the others, and the user's answers written as sk: attributes
// on the lanes and learnt as repository synonyms.
import type { ModdleElement } from 'bpmn-moddle';
import { z } from 'zod';
import { JABATAN, ROLES } from '../../client/src/features/sk-properties/vocabulary';
import { AppError } from '../errors';
import { EXTERNAL_LABEL, type LaneSuggestion } from '../lint/map-model/kamus-suggestions';
import { KamusAnswer, KamusSynonym, synonymKey } from '../lint/map-model/kamus-synonyms';
import { readMap, type LaneFacts } from '../lint/map-model/map-model';
import { allElements } from '../bpmn/moddle';

export interface LaneMatch {
  laneId: string;
  name: string;
  /** The kamus, a repository synonym or the lane's sk: attributes place it. */
  known: boolean;
  /** In Bahasa Indonesia: what the lane was read as ("Pejabat Administrator, Pimpinan Unit Organisasi"). */
  reading?: string;
  /** Jabatan or roles the kamus suggests for an unknown lane (never "bukan jabatan pemda": the dialog always offers it). */
  suggestions: LaneSuggestion[];
}

/** The answers of the import dialog: per lane id, its jabatan, role, level, or that it is an outside party. */
export const LaneAnswers = z
  .record(z.string().min(1).max(300), KamusAnswer)
  .refine((answers) => Object.keys(answers).length <= 500, { message: 'Paling banyak 500 jalur dijawab sekaligus.' });
export type LaneAnswers = z.infer<typeof LaneAnswers>;

const labelOf = (options: ReadonlyArray<{ value: string; label: string }>, value: string) => options.find((o) => o.value === value)?.label ?? value;

/** What a lane was read as, in Bahasa Indonesia; undefined when nothing. */
export function readingLabel(lane: LaneFacts): string | undefined {
  if (lane.external) return `${EXTERNAL_LABEL} (pihak luar)`;
  const jabatan = lane.jabatan ? [labelOf(JABATAN, lane.jabatan)] : (lane.jabatanChoices ?? []).map((j) => labelOf(JABATAN, j));
  const parts = [
    jabatan.join(' atau '),
    ...(lane.roles ?? (lane.role ? [lane.role] : [])).map((r) => labelOf(ROLES, r)),
    lane.level !== undefined ? `Level ${lane.level}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

const isKnown = (lane: LaneFacts) => Boolean(lane.jabatan || lane.jabatanChoices?.length || lane.role || lane.external);

/** Every lane of the map, whether the kamus (with the repository's synonyms) or its sk: attributes place it, and suggestions for those it cannot. */
export function matchLanes(definitions: ModdleElement, synonyms: readonly KamusSynonym[] = []): LaneMatch[] {
  return readMap(definitions, synonyms).lanes.map((lane) => {
    const known = isKnown(lane);
    const reading = known ? readingLabel(lane) : undefined;
    // "Bukan jabatan pemda" is a fixed choice of every lane in the dialog, not a suggestion of the list.
    const suggestions = known ? [] : (lane.suggestions ?? []).filter((s) => !s.external);
    return { laneId: lane.id, name: lane.name, known, ...(reading ? { reading } : {}), suggestions };
  });
}

function lanesById(definitions: ModdleElement): Map<string, ModdleElement> {
  const lanes = new Map<string, ModdleElement>();
  for (const element of allElements(definitions)) if (element.$type === 'bpmn:Lane' && element.id) lanes.set(element.id, element);
  return lanes;
}

export const laneNotFound = (ids: string[]) =>
  new AppError(400, 'LANE_NOT_FOUND', `Jalur ${ids.map((id) => `"${id}"`).join(', ')} tidak ada dalam berkas ini; jawaban jabatan hanya untuk jalur berkas.`, { laneIds: ids });

/**
 * Writes the answers as sk:jabatan, sk:role, sk:level and sk:external on the lanes (an answer replaces what the lane
 * declared; an outside party declares nothing else). 400 LANE_NOT_FOUND, changing nothing, when an id is no lane.
 */
export function applyLaneAnswers(definitions: ModdleElement, answers: LaneAnswers): void {
  const lanes = lanesById(definitions);
  const unknown = Object.keys(answers).filter((id) => !lanes.has(id));
  if (unknown.length > 0) throw laneNotFound(unknown);
  for (const [id, answer] of Object.entries(answers)) {
    const lane = lanes.get(id)!;
    lane.set('sk:jabatan', answer.jabatan);
    lane.set('sk:role', answer.role);
    lane.set('sk:level', answer.level);
    lane.set('sk:external', answer.external);
  }
}

/** The answered lanes' names as repository synonyms (unnamed lanes teach nothing; the last answer for a name wins). */
export function synonymsFromAnswers(definitions: ModdleElement, answers: LaneAnswers): KamusSynonym[] {
  const lanes = lanesById(definitions);
  const byName = new Map<string, KamusSynonym>();
  for (const [id, answer] of Object.entries(answers)) {
    const name = typeof lanes.get(id)?.name === 'string' ? (lanes.get(id)!.name as string).trim() : '';
    const synonym = KamusSynonym.safeParse({ name: name.slice(0, 120), ...answer });
    if (synonym.success) byName.set(synonymKey(synonym.data.name), synonym.data);
  }
  return [...byName.values()];
}

/**
 * The lane step of an import: the answers (if any) written onto the lanes, the answered names to learn, and every
 * lane matched afterwards (with the repository's synonyms) for the dialog. 400 LANE_NOT_FOUND for an unknown lane id.
 */
export function answerLanes(definitions: ModdleElement, answers?: LaneAnswers, synonyms?: readonly KamusSynonym[]): { lanes: LaneMatch[]; learnt: KamusSynonym[] } {
  if (answers) applyLaneAnswers(definitions, answers);
  const learnt = answers ? synonymsFromAnswers(definitions, answers) : [];
  return { lanes: matchLanes(definitions, synonyms), learnt };
}
