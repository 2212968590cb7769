// What the read-only views tell about a diagram element: its kind, name, Petakerja (sk:) data and documentation.
import type { Element, ModdleElement } from 'bpmn-js/lib/model/Types';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { fieldSetFor, type SkField } from '../../features/sk-properties/fields';
import type { SkVocabulary } from '../../features/sk-properties/vocabulary';
import { translate } from '../../i18n';

export interface ElementFact {
  label: string;
  value: string;
  /** False for what every element has (its kind and name); true for Petakerja data and documentation. */
  data: boolean;
}

/** "Kejadian Awal" for bpmn:StartEvent, through the same dictionary as the modeller. */
export function elementTypeLabel(type: string): string {
  const words = type.replace(/^bpmn:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
  return translate(words);
}

function definitionsOf(element: Element): ModdleElement | undefined {
  let node: ModdleElement | undefined = element.businessObject;
  while (node && !is(node, 'bpmn:Definitions')) node = node.$parent;
  return node;
}

function fieldValue(field: SkField, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  switch (field.type) {
    case 'checkbox':
      return value === true ? 'Ya' : null;
    case 'select':
      return field.options.find((option) => option.value === String(value))?.label ?? String(value);
    default:
      return String(value);
  }
}

export function elementFacts(element: Element, vocabulary: SkVocabulary): ElementFact[] {
  const business: ModdleElement = element.businessObject;
  const facts: ElementFact[] = [{ label: 'Jenis elemen', value: elementTypeLabel(business.$type), data: false }];
  const name = business.get('name') as unknown;
  if (typeof name === 'string' && name.trim()) facts.push({ label: 'Nama', value: name, data: false });
  const fieldSet = fieldSetFor(element, vocabulary);
  const target = fieldSet?.scope === 'definitions' ? definitionsOf(element) : business;
  for (const field of fieldSet && target ? fieldSet.fields : []) {
    const value = fieldValue(field, target!.get(`sk:${field.property}`));
    if (value !== null) facts.push({ label: field.label, value, data: true });
  }
  const documentation = (business.get('documentation') as { text?: string }[] | undefined) ?? [];
  const text = documentation.map((entry) => entry.text?.trim()).filter(Boolean).join('\n\n');
  if (text) facts.push({ label: 'Dokumentasi', value: text, data: true });
  return facts;
}
