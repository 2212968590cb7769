// The decisions on a request for involvement (surat permohonan pelibatan): the first exclusive gateway with a yes and
// a no exit on each path from where the request is received. Its yes exit is the approval — "apabila Pejabat
// Penilai Kinerja … menyetujui pelibatan …, maka … menyusun surat penugasan" (GMS Ps 14(3) huruf c–d): the decision
// that sets the assignment, which mk/assignment-letter follows to the surat penugasan and mk/request-decision
// checks for its refusal exit.
import type { ModdleElement } from 'bpmn-moddle';
import { flowGraphOf } from './flow-graph';
import type { MapModel } from '../map-model/map-model';
import { isNo, isYes } from './answers';

const idOf = (value: unknown) => (value as ModdleElement | undefined)?.id;
const exitsOf = (gateway: ModdleElement) => (gateway.get('outgoing') as ModdleElement[] | undefined) ?? [];

export interface RequestDecision {
  gateway: ModdleElement;
  /** Targets of the yes exits. */
  approvals: string[];
}

const cache = new WeakMap<ModdleElement, Map<string, RequestDecision>>();

/** The decisions on the map's requests for involvement, by gateway id (read once per map). */
export function requestDecisionsOf(definitions: ModdleElement, model: Pick<MapModel, 'letters'>): Map<string, RequestDecision> {
  const cached = cache.get(definitions);
  if (cached) return cached;
  const { sequenceNext: next, byId } = flowGraphOf(definitions);
  const decisions = new Map<string, RequestDecision>();
  const seen = new Set<string>();
  const queue = model.letters.filter((letter) => letter.kind === 'permohonan-pelibatan').flatMap((letter) => letter.receivers);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const element = byId.get(id);
    const exits = element?.$instanceOf('bpmn:ExclusiveGateway') ? exitsOf(element) : [];
    if (element && exits.some((flow) => isYes(flow.name)) && exits.some((flow) => isNo(flow.name))) {
      decisions.set(id, { gateway: element, approvals: exits.filter((flow) => isYes(flow.name)).flatMap((flow) => idOf(flow.get('targetRef')) ?? []) });
      continue; // the first decision on this path
    }
    queue.push(...(next.get(id) ?? []));
  }
  cache.set(definitions, decisions);
  return decisions;
}
