// The activities that are rows of the SOP: tasks, call activities and collapsed sub-processes; an expanded
// sub-process is a frame whose inner activities are the rows.
import type { ModdleElement } from 'bpmn-moddle';
import { flowContent } from '../../map-model/flow-content';

export interface SopActivity {
  id: string;
  name: string;
}

const holdsActivities = (element: ModdleElement) =>
  ((element.get('flowElements') as ModdleElement[] | undefined) ?? []).some((child) => child.$instanceOf('bpmn:Activity'));

export function sopActivities(definitions: ModdleElement): SopActivity[] {
  return flowContent(definitions).elements
    .filter((element) => element.$instanceOf('bpmn:Activity') && element.id && !(element.$instanceOf('bpmn:SubProcess') && holdsActivities(element)))
    .map((element) => ({ id: element.id!, name: typeof element.name === 'string' ? element.name.replace(/\s+/g, ' ').trim() : '' }));
}
