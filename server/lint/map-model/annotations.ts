// Text annotations joined to elements by an association (in either direction): where plain BPMN writes what our
// sk: attributes would say (mutu baku lines, the contents of a request letter; BPMN-CONVENTIONS.md).
import type { ModdleElement } from 'bpmn-moddle';

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Texts of the annotations associated with each element id. */
export function annotationTexts(elements: readonly ModdleElement[]): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const association of elements) {
    if (!association.$instanceOf('bpmn:Association')) continue;
    const ends = [association.get('sourceRef'), association.get('targetRef')] as Array<ModdleElement | undefined>;
    const annotation = ends.find((end) => end?.$instanceOf('bpmn:TextAnnotation'));
    const other = ends.find((end) => end && end !== annotation);
    const text = textOf(annotation?.get('text'));
    if (!annotation || !other?.id || !text) continue;
    texts.set(other.id, [...(texts.get(other.id) ?? []), text]);
  }
  return texts;
}
