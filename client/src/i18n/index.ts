/** Indonesian translate() for bpmn-js (as a didi module replacing diagram-js's default `translate` service) and for the rest of the Petakerja UI. */
import { id } from '../../../server/domain/translations-id';

export { id };

/** Placeholder values for translate(), e.g. `{ element: 'Task_1' }` for `'Open {element}'`. */
export type TranslateReplacements = Record<string, string>;

const PLACEHOLDER = /{([^}]+)}/g;

/**
 * Looks `template` up in the Indonesian dictionary (falling back to the English
 * template) and substitutes `{name}` placeholders like diagram-js's own translate():
 * unknown or empty replacements leave the placeholder in place.
 */
export function translate(template: string, replacements?: TranslateReplacements): string {
  const values: TranslateReplacements = replacements ?? {};
  const text = (Object.hasOwn(id, template) ? id[template] : undefined) || template;

  return text.replace(PLACEHOLDER, (_match: string, key: string): string => {
    const value = Object.hasOwn(values, key) ? values[key] : undefined;

    return value || '{' + key + '}';
  });
}

/** didi module: add to bpmn-js `additionalModules` to override the `translate` service. */
const translateModule = {
  translate: ['value', translate] as ['value', typeof translate]
};

export default translateModule;
