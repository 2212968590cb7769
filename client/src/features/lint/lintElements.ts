// Finds the diagram element a finding names: the shape itself, or the pool that shows a process.
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { Element } from 'diagram-js/lib/model/Types';

export function resolveElement(registry: ElementRegistry, id: string): Element | undefined {
  const element = registry.get(id) as Element | undefined;
  if (element && !isRoot(element)) return element;
  // A finding on a process in a collaboration belongs to the pool drawing it.
  return registry.find((candidate) => is(candidate, 'bpmn:Participant') && candidate.businessObject?.processRef?.id === id) as Element | undefined;
}

/** Pools and lanes carry their badge in the header band, where it stays visible whatever lies in the lane. */
export function isContainer(element: Element): boolean {
  return is(element, 'bpmn:Participant') || is(element, 'bpmn:Lane');
}

function isRoot(element: Element): boolean {
  return !('parent' in element) || !element.parent;
}

export function elementLabel(registry: ElementRegistry, id: string): string {
  const element = resolveElement(registry, id);
  const name = element?.businessObject?.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : id;
}
