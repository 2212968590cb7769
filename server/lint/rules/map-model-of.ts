// One map model per linted map, shared by every rule that asks (rules never parse lane names themselves).
import type { ModdleElement } from 'bpmn-moddle';
import { readMapKind, type KindReading } from '../../bpmn/map-kind';
import { readMap, type MapModel } from '../map-model/map-model';

const models = new WeakMap<ModdleElement, MapModel & { kind: KindReading }>();

export function mapModelOf(definitions: ModdleElement): MapModel & { kind: KindReading } {
  let model = models.get(definitions);
  if (!model) {
    model = Object.assign(readMap(definitions), { kind: readMapKind(definitions) });
    models.set(definitions, model);
  }
  return model;
}

/** Maps that say who does what: their lanes are jabatan or roles (MAP-TYPES.md). */
export const isRoleMap = (model: { kind: KindReading }) => model.kind.kind === 'lintas-fungsi' || model.kind.kind === 'mekanisme-kerja';
