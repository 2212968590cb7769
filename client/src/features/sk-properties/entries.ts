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

const ENTRY_KINDS: { [T in SkField['type']]: { component: FunctionComponent<SkEntryProps<FieldOfType<T>>>; isEdited: IsEdited } } = {
  text: { component: TextEntry, isEdited: isTextFieldEntryEdited },
  textarea: { component: TextAreaAttributeEntry, isEdited: isTextAreaEntryEdited },
  select: { component: SelectAttributeEntry, isEdited: isSelectEntryEdited },
  integer: { component: IntegerEntry, isEdited: isNumberFieldEntryEdited },
  checkbox: { component: CheckboxAttributeEntry, isEdited: isCheckboxEntryEdited },
  performer: { component: PerformerEntry, isEdited: isSelectEntryEdited },
};

export function panelEntry(element: Element, field: SkField, scope: SkScope): PanelEntry {
  const { component, isEdited } = ENTRY_KINDS[field.type];
  // The table pairs each field type with its component, so the field handed over always matches.
  return { id: `sk-${field.property}`, element, field, scope, component: component as FunctionComponent<SkEntryProps>, isEdited };
}
