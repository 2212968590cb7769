// Properties panel entries that read and write one sk: attribute; an emptied field removes the attribute.
import {
  CheckboxEntry,
  NumberFieldEntry,
  SelectEntry,
  TextAreaEntry,
  TextFieldEntry,
  isCheckboxEntryEdited,
  isNumberFieldEntryEdited,
  isSelectEntryEdited,
  isTextAreaEntryEdited,
  isTextFieldEntryEdited,
  type DebounceInput,
} from '@bpmn-io/properties-panel';
import { h, type FunctionComponent } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type Modeling from 'bpmn-js/lib/features/modeling/Modeling';
import type { Element, ModdleElement } from 'bpmn-js/lib/model/Types';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import './sk-properties.css';
import { DURATION_UNITS, durationWarning, joinDuration, splitDuration, type DurationUnit } from './duration';
import type { SkField, SkScope } from './fields';
import type { SkOption } from './vocabulary';
import { performerChange, performerDescription, performerOptions, performerValue } from './lanePerformer';

type AttributeValue = string | number | boolean | undefined;

type FieldOfType<T extends SkField['type']> = Extract<SkField, { type: T }>;

interface SkEntryProps<F extends SkField = SkField> {
  id: string;
  element: Element;
  field: F;
  scope: SkScope;
}

type IsEdited = (node: HTMLElement | null) => boolean;

export interface PanelEntry extends SkEntryProps {
  component: FunctionComponent<SkEntryProps>;
  isEdited: IsEdited;
}

function definitionsOf(element: Element): ModdleElement {
  let node: ModdleElement = element.businessObject;
  while (node && !is(node, 'bpmn:Definitions')) node = node.$parent;
  return node;
}

/** Reads and writes `sk:<property>` through the command stack, so every change is undoable and marks the map dirty. */
function useAttribute(props: SkEntryProps): { value: AttributeValue; set: (value: AttributeValue) => void } {
  const modeling = useService<Modeling>('modeling');
  const { element, field, scope } = props;
  const target = scope === 'definitions' ? definitionsOf(element) : element.businessObject;
  const name = `sk:${field.property}`;
  return {
    value: target.get(name) as AttributeValue,
    set: (value) => modeling.updateModdleProperties(element, target, { [name]: value }),
  };
}

function textValue(value: AttributeValue): string {
  return value === undefined ? '' : String(value);
}

const TextEntry: FunctionComponent<SkEntryProps<FieldOfType<'text'>>> = (props) => {
  const { field } = props;
  const debounce = useService<DebounceInput>('debounceInput');
  const attribute = useAttribute(props);
  return h(TextFieldEntry, {
    id: props.id,
    element: props.element,
    label: field.label,
    description: field.description,
    debounce,
    validate: field.validate,
    getValue: () => textValue(attribute.value),
    setValue: (value: string, error?: string | null) => {
      if (!error) attribute.set(value === '' ? undefined : value);
    },
  });
};

const TextAreaAttributeEntry: FunctionComponent<SkEntryProps<FieldOfType<'textarea'>>> = (props) => {
  const { field } = props;
  const debounce = useService<DebounceInput>('debounceInput');
  const attribute = useAttribute(props);
  return h(TextAreaEntry, {
    id: props.id,
    element: props.element,
    label: field.label,
    description: field.description,
    debounce,
    rows: 2,
    autoResize: true,
    getValue: () => textValue(attribute.value),
    setValue: (value: string) => attribute.set(value === '' ? undefined : value),
  });
};

/** Keeps a value the list does not know (written by another tool) visible instead of showing it as empty. */
function selectOptions(options: SkOption[], current: string): SkOption[] {
  const known = current === '' || options.some((option) => option.value === current);
  return [
    { value: '', label: '— Belum ditentukan —' },
    ...options,
    ...(known ? [] : [{ value: current, label: `${current} (tidak dikenal)` }]),
  ];
}

const SelectAttributeEntry: FunctionComponent<SkEntryProps<FieldOfType<'select'>>> = (props) => {
  const { field } = props;
  const attribute = useAttribute(props);
  return h(SelectEntry, {
    id: props.id,
    element: props.element,
    label: field.label,
    description: field.description,
    getValue: () => textValue(attribute.value),
    getOptions: () => selectOptions(field.options, textValue(attribute.value)),
    setValue: (value: string) => attribute.set(value === '' ? undefined : field.integer ? Number(value) : value),
  });
};

const IntegerEntry: FunctionComponent<SkEntryProps<FieldOfType<'integer'>>> = (props) => {
  const { field } = props;
  const { min, max } = field;
  const debounce = useService<DebounceInput>('debounceInput');
  const attribute = useAttribute(props);
  return h(NumberFieldEntry, {
    id: props.id,
    element: props.element,
    label: field.label,
    description: field.description,
    debounce,
    min,
    max,
    step: 1,
    validate: (value: number | undefined) =>
      value === undefined || (Number.isInteger(value) && value >= min && value <= max)
        ? null
        : `Isi bilangan bulat ${min} sampai ${max}.`,
    getValue: () => attribute.value as number | undefined,
    setValue: (value: number | undefined, error?: string | null) => {
      if (!error) attribute.set(value);
    },
  });
};

const CheckboxAttributeEntry: FunctionComponent<SkEntryProps<FieldOfType<'checkbox'>>> = (props) => {
  const { field } = props;
  const attribute = useAttribute(props);
  return h(CheckboxEntry, {
    id: props.id,
    element: props.element,
    label: field.label,
    description: field.description,
    getValue: () => attribute.value === true,
    // Only a true flag is written: the conventions read a missing attribute as "not the owner".
    setValue: (checked: boolean) => attribute.set(checked ? true : undefined),
  });
};

/** The lane's "Jabatan / peran" (lanePerformer.ts): several sk: attributes change in one undoable command. */
const PerformerEntry: FunctionComponent<SkEntryProps<FieldOfType<'performer'>>> = (props) => {
  const { field, element } = props;
  const modeling = useService<Modeling>('modeling');
  const lane = element.businessObject;
  const attributes = () => ({ jabatan: lane.get('sk:jabatan'), role: lane.get('sk:role'), external: lane.get('sk:external') });
  const name = typeof lane.name === 'string' ? lane.name : '';
  return h(SelectEntry, {
    id: props.id,
    element,
    label: field.label,
    description: performerDescription(name, attributes(), field.synonyms),
    getValue: () => performerValue(attributes()),
    // The panel renders an option with `children` as an optgroup; its typings know only flat options.
    getOptions: () => performerOptions(name, performerValue(attributes()), field.synonyms) as SkOption[],
    setValue: (value: string) => modeling.updateModdleProperties(element, lane, performerChange(value, attributes())),
  });
};

/**
 * Mutu baku waktu: a number and a unit ("2" + "jam" is stored as "2 jam"), and the stored text itself, free to edit
 * for what the two cannot say ("1 jam 30 menit", "PT2H"); a text the linter cannot read gets its warning here.
 */
const DurationEntry: FunctionComponent<SkEntryProps<FieldOfType<'duration'>>> = (props) => {
  const { field, id } = props;
  const debounce = useService<DebounceInput>('debounceInput');
  const attribute = useAttribute(props);
  const text = textValue(attribute.value);
  const split = splitDuration(text);
  const row = (event: Event) => (event.target as HTMLElement).closest('.sk-duration-row')!;
  const commit = (event: Event) => {
    const amountInput = row(event).querySelector('input') as HTMLInputElement;
    const unit = (row(event).querySelector('select') as HTMLSelectElement).value as DurationUnit;
    if (amountInput.value.trim() === '') {
      amountInput.setCustomValidity('');
      return attribute.set(undefined);
    }
    const joined = joinDuration(amountInput.value, unit);
    amountInput.setCustomValidity(joined ? '' : 'Isi angka, mis. 2 atau 1,5.');
    amountInput.setAttribute('aria-invalid', String(!joined));
    if (joined) attribute.set(joined);
  };
  return h(
    'div',
    { class: 'sk-duration' },
    h(
      'div',
      { class: 'bio-properties-panel-entry sk-duration-row' },
      h('label', { for: `${id}-amount`, class: 'bio-properties-panel-label' }, field.label),
      h('input', {
        id: `${id}-amount`,
        name: `${id}-amount`,
        type: 'text',
        inputMode: 'decimal',
        autoComplete: 'off',
        class: 'bio-properties-panel-input sk-duration-amount',
        'aria-label': `${field.label}: angka`,
        value: split?.amount ?? '',
        onChange: commit,
      }),
      h(
        'select',
        { id: `${id}-unit`, name: `${id}-unit`, 'aria-label': `${field.label}: satuan`, class: 'bio-properties-panel-input sk-duration-unit', value: split?.unit ?? 'jam', onChange: commit },
        DURATION_UNITS.map((unit) => h('option', { value: unit }, unit)),
      ),
    ),
    // The stored text, free to edit; a text the linter cannot read shows its warning but is kept (imported maps).
    h(TextFieldEntry, {
      id,
      element: props.element,
      label: 'Tertulis sebagai',
      description: field.description,
      debounce,
      validate: (value: string) => durationWarning(value),
      getValue: () => text,
      setValue: (value: string) => attribute.set(value.trim() === '' ? undefined : value.trim()),
    }),
  );
};

const ENTRY_KINDS: { [T in SkField['type']]: { component: FunctionComponent<SkEntryProps<FieldOfType<T>>>; isEdited: IsEdited } } = {
  text: { component: TextEntry, isEdited: isTextFieldEntryEdited },
  textarea: { component: TextAreaAttributeEntry, isEdited: isTextAreaEntryEdited },
  select: { component: SelectAttributeEntry, isEdited: isSelectEntryEdited },
  integer: { component: IntegerEntry, isEdited: isNumberFieldEntryEdited },
  checkbox: { component: CheckboxAttributeEntry, isEdited: isCheckboxEntryEdited },
  performer: { component: PerformerEntry, isEdited: isSelectEntryEdited },
  duration: { component: DurationEntry, isEdited: isTextFieldEntryEdited },
};

export function panelEntry(element: Element, field: SkField, scope: SkScope): PanelEntry {
  const { component, isEdited } = ENTRY_KINDS[field.type];
  // The table pairs each field type with its component, so the field handed over always matches.
  return { id: `sk-${field.property}`, element, field, scope, component: component as FunctionComponent<SkEntryProps>, isEdited };
}
