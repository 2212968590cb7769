// Types for the parts of the properties panel packages we use; neither package ships its own.

declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';

  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export function useService<T>(name: string, strict?: boolean): T;
}

declare module '@bpmn-io/properties-panel' {
  import type { FunctionComponent } from '@bpmn-io/properties-panel/preact';

  export type DebounceInput = <F extends (...args: never[]) => unknown>(fn: F) => F;

  interface EntryProps<T> {
    id: string;
    element: unknown;
    label: string;
    description?: string;
    getValue: (element: unknown) => T;
  }

  export const TextFieldEntry: FunctionComponent<
    EntryProps<string> & {
      debounce: DebounceInput;
      validate?: (value: string) => string | null;
      setValue: (value: string, error?: string | null) => void;
    }
  >;
  export const TextAreaEntry: FunctionComponent<
    EntryProps<string> & {
      debounce: DebounceInput;
      rows?: number;
      autoResize?: boolean;
      setValue: (value: string) => void;
    }
  >;
  export const SelectEntry: FunctionComponent<
    EntryProps<string> & {
      getOptions: (element: unknown) => { value: string; label: string }[];
      setValue: (value: string) => void;
    }
  >;
  export const NumberFieldEntry: FunctionComponent<
    EntryProps<number | undefined> & {
      debounce: DebounceInput;
      min?: number;
      max?: number;
      step?: number;
      validate?: (value: number | undefined) => string | null;
      setValue: (value: number | undefined, error?: string | null) => void;
    }
  >;
  export const CheckboxEntry: FunctionComponent<EntryProps<boolean> & { setValue: (value: boolean) => void }>;

  type IsEdited = (node: HTMLElement | null) => boolean;
  export const isTextFieldEntryEdited: IsEdited;
  export const isTextAreaEntryEdited: IsEdited;
  export const isSelectEntryEdited: IsEdited;
  export const isNumberFieldEntryEdited: IsEdited;
  export const isCheckboxEntryEdited: IsEdited;
}
