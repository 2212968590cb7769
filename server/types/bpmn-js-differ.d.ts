// bpmn-js-differ 3.2 ships no types; this declares the part Petakerja uses (server/review/diff/semantic-diff.ts).
declare module 'bpmn-js-differ' {
  import type { ModdleElement } from 'bpmn-moddle';

  export interface ChangeSet {
    /** Elements of the newer model not in the older one, by id. */
    _added: Record<string, ModdleElement>;
    /** Elements of the older model not in the newer one, by id. */
    _removed: Record<string, ModdleElement>;
    /**
     * Elements present in both whose properties differ, by id. In 3.2.0 `oldValue` and `newValue` are swapped
     * (TECH-NOTES.md): read values from the two models instead.
     */
    _changed: Record<string, { model: ModdleElement; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    /** Elements whose diagram shape or edge changed, by id. */
    _layoutChanged: Record<string, ModdleElement>;
  }

  export function diff(oldDefinitions: ModdleElement, newDefinitions: ModdleElement): ChangeSet;
}
