// What a rendered SOP must show, read straight from the BPMN model: activity names and performer (lane) names.
import type { ModdleElement } from 'bpmn-moddle';
import { allElements } from '../../server/bpmn/moddle';

const is = (element: ModdleElement, type: string) => (element as { $instanceOf?: (t: string) => boolean }).$instanceOf?.(type) === true;

/** Names of the activities and of the innermost lanes, read from the model itself (not through the layout). */
export function namesOf(definitions: ModdleElement): { activities: string[]; lanes: string[] } {
  const activities: string[] = [];
  const lanes: string[] = [];
  for (const element of allElements(definitions)) {
    const name = (element as { name?: string }).name?.trim();
    if (!name) continue;
    if (is(element, 'bpmn:Activity') && !is(element, 'bpmn:SubProcess')) activities.push(name);
    if (is(element, 'bpmn:Lane') && !((element as { childLaneSet?: { lanes?: unknown[] } }).childLaneSet?.lanes?.length ?? 0)) lanes.push(name);
  }
  return { activities, lanes };
}
