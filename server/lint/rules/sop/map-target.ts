// Where a finding on the whole SOP goes: the pool that owns the performance, else the first process, else the
// definitions (bpmn-js shows a badge on the first two).
import type { ModdleElement } from 'bpmn-moddle';
import { mapModelOf } from '../map-model-of';

export function mapTarget(definitions: ModdleElement): string | undefined {
  const model = mapModelOf(definitions);
  const owner = model.performanceOwner ?? model.pools[0]?.id;
  if (owner) return owner;
  const roots = (definitions.get('rootElements') as ModdleElement[] | undefined) ?? [];
  return roots.find((root) => root.$instanceOf('bpmn:Process'))?.id ?? definitions.id;
}
