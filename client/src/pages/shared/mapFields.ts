// Form controls and labels for a map's metadata, shared by the create and edit dialogs and the headers.
import type { LabelledOption, Meta, ProcessMap } from '../../api/types';
import type { SkVocabulary } from '../../features/sk-properties/vocabulary';
import { h, uniqueId, type Attrs } from '../../ui/dom';

export function selectControl(options: LabelledOption[], selected: string, attrs: Attrs = {}): HTMLSelectElement {
  return h(
    'select',
    attrs,
    options.map((option) => h('option', { value: option.id, selected: option.id === selected }, option.label)),
  );
}

/** A free-text unit field that suggests the units already in use. */
export function unitControl(units: string[], value: string): { input: HTMLInputElement; datalist: HTMLDataListElement } {
  const listId = uniqueId('units');
  const input = h('input', { type: 'text', name: 'unit', maxlength: 200, autocomplete: 'off', list: listId, value, placeholder: 'Mis. Bagian Organisasi Setda' });
  const datalist = h('datalist', { id: listId }, units.map((unit) => h('option', { value: unit })));
  return { input, datalist };
}

export function nameControl(value: string, attrs: Attrs = {}): HTMLInputElement {
  return h('input', { type: 'text', name: 'name', required: true, maxlength: 200, autocomplete: 'off', value, ...attrs });
}

export function kindLabel(meta: Meta, kind: ProcessMap['kind']): string {
  return meta.kinds.find((option) => option.id === kind)?.label ?? kind;
}

export function profileLabel(meta: Meta, profile: ProcessMap['profile']): string {
  return meta.profiles.find((option) => option.id === profile)?.label ?? profile;
}

/** "Kabupaten Jembrana" out of "Kabupaten Jembrana (Perbup 35/2023)", for narrow places. */
export function shortProfileLabel(meta: Meta, profile: ProcessMap['profile']): string {
  return profileLabel(meta, profile).replace(/\s*\(.*\)$/, '');
}

/** The server's map kinds and profiles as the diagram's Petakerja fields list them. */
export function skVocabulary(meta: Meta): SkVocabulary {
  return {
    mapKinds: meta.kinds.map((kind) => ({ value: kind.id, label: kind.label })),
    profiles: meta.profiles.map((profile) => ({ value: profile.id, label: profile.label })),
  };
}
