// One map model per linted map, shared by every rule that asks (rules never parse lane names themselves).
import type { ModdleElement } from 'bpmn-moddle';
import { readMapKind, type KindReading } from '../../bpmn/map-kind';
import type { KamusSynonym } from '../map-model/kamus-synonyms';
import { readMap, type MapModel } from '../map-model/map-model';

const models = new WeakMap<ModdleElement, MapModel & { kind: KindReading }>();
const synonymsOf = new WeakMap<ModdleElement, readonly KamusSynonym[]>();

/** The repository synonyms of the kamus the model of these definitions reads lane names with (set by the engine per lint). */
export function useKamusSynonyms(definitions: ModdleElement, synonyms: readonly KamusSynonym[] | undefined): void {
  const current = synonymsOf.get(definitions);
  if (current === synonyms || (!current?.length && !synonyms?.length)) return;
  if (synonyms?.length) synonymsOf.set(definitions, synonyms);
  else synonymsOf.delete(definitions);
  models.delete(definitions);
}

export function mapModelOf(definitions: ModdleElement): MapModel & { kind: KindReading } {
  let model = models.get(definitions);
  if (!model) {
    model = Object.assign(readMap(definitions, synonymsOf.get(definitions)), { kind: readMapKind(definitions) });
    models.set(definitions, model);
  }
  return model;
}

/** Maps that say who does what: their lanes are jabatan or roles (MAP-TYPES.md). */
export const isRoleMap = (model: { kind: KindReading }) => model.kind.kind === 'lintas-fungsi' || model.kind.kind === 'mekanisme-kerja';
