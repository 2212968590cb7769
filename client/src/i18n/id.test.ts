import { describe, expect, it } from 'vitest';
import translateModule, { translate } from './index';
import { id } from '../../../server/domain/translations-id';

// Keys of translations/en.js in the npm package bpmn-js-i18n@2.3.0 (not installed here).
const BPMN_JS_I18N_EN_KEYS: readonly string[] = [
  'Activate create/remove space tool',
  'Activate global connect tool',
  'Activate hand tool',
  'Activate lasso tool',
  'Ad-hoc',
  'Ad-hoc sub-process (collapsed)',
  'Ad-hoc sub-process (expanded)',
  'Add lane above',
  'Add lane below',
  'Add text annotation',
  'Align elements',
  'Align elements bottom',
  'Align elements center',
  'Align elements left',
  'Align elements middle',
  'Align elements right',
  'Align elements top',
  'Append compensation activity',
  'Append conditional intermediate catch event',
  'Append end event',
  'Append gateway',
  'Append intermediate/boundary event',
  'Append message intermediate catch event',
  'Append receive task',
  'Append signal intermediate catch event',
  'Append task',
  'Append text annotation',
  'Append timer intermediate catch event',
  'Business rule task',
  'Call activity',
  'Cancel boundary event',
  'Cancel end event',
  'Change element',
  'Change type',
  'Collection',
  'Compensation boundary event',
  'Compensation end event',
  'Compensation intermediate throw event',
  'Compensation start event',
  'Complex gateway',
  'Conditional boundary event',
  'Conditional boundary event (non-interrupting)',
  'Conditional flow',
  'Conditional intermediate catch event',
  'Conditional start event',
  'Conditional start event (non-interrupting)',
  'Connect to other element',
  'Connect using association',
  'Connect using data input association',
  'Connect using sequence/message flow or association',
  'Create data object reference',
  'Create data store reference',
  'Create end event',
  'Create expanded sub-process',
  'Create gateway',
  'Create group',
  'Create intermediate/boundary event',
  'Create pool/participant',
  'Create start event',
  'Create task',
  'Data object reference',
  'Data store reference',
  'Default flow',
  'Delete',
  'Distribute elements horizontally',
  'Distribute elements vertically',
  'Divide into three lanes',
  'Divide into two lanes',
  'Empty pool/participant',
  'Empty pool/participant (removes content)',
  'End event',
  'Error boundary event',
  'Error end event',
  'Error start event',
  'Escalation boundary event',
  'Escalation boundary event (non-interrupting)',
  'Escalation end event',
  'Escalation intermediate throw event',
  'Escalation start event',
  'Escalation start event (non-interrupting)',
  'Event sub-process',
  'Event-based gateway',
  'Exclusive gateway',
  'Inclusive gateway',
  'Intermediate throw event',
  'Link intermediate catch event',
  'Link intermediate throw event',
  'Loop',
  'Manual task',
  'Message boundary event',
  'Message boundary event (non-interrupting)',
  'Message end event',
  'Message intermediate catch event',
  'Message intermediate throw event',
  'Message start event',
  'Message start event (non-interrupting)',
  'Open {element}',
  'Parallel gateway',
  'Parallel multi-instance',
  'Participant multiplicity',
  'Receive task',
  'Remove',
  'Script task',
  'Search in diagram',
  'Send task',
  'Sequence flow',
  'Sequential multi-instance',
  'Service task',
  'Signal boundary event',
  'Signal boundary event (non-interrupting)',
  'Signal end event',
  'Signal intermediate catch event',
  'Signal intermediate throw event',
  'Signal start event',
  'Signal start event (non-interrupting)',
  'Start event',
  'Sub-process',
  'Sub-process (collapsed)',
  'Sub-process (expanded)',
  'Task',
  'Terminate end event',
  'Timer boundary event',
  'Timer boundary event (non-interrupting)',
  'Timer intermediate catch event',
  'Timer start event',
  'Timer start event (non-interrupting)',
  'Toggle non-interrupting',
  'Transaction',
  'User task',
  'already rendered {element}',
  'correcting missing bpmnElement on {plane} to {rootElement}',
  'diagram not part of bpmn:Definitions',
  'element required',
  'element {element} referenced by {referenced}#{property} not yet drawn',
  'failed to import {element}',
  'flow elements must be children of pools/participants',
  'missing {semantic}#attachedToRef',
  'more than {count} child lanes',
  'multiple DI elements defined for {element}',
  'no bpmnElement referenced in {element}',
  'no diagram to display',
  'no parent for {element} in {parent}',
  'no plane for {element}',
  'no process or collaboration to display',
  'no shape type specified',
  'out of bounds release',
  'unknown di {di} for element {semantic}',
  'unrecognized flowElement {element} in context {context}',
  'unsupported bpmnElement for {plane}: {rootElement}',
  '{semantic}#{side} Ref not specified'
];

// English keys whose Indonesian translation is genuinely the same word.
const SAME_IN_INDONESIAN: ReadonlySet<string> = new Set(['ID']);

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/{([^}]+)}/g)].map((m) => m[1] ?? ''))].sort();

describe('Indonesian dictionary', () => {
  it('fixture holds the full bpmn-js-i18n key list', () => {
    expect(BPMN_JS_I18N_EN_KEYS).toHaveLength(150);
  });

  it('covers every key of the bpmn-js-i18n English dictionary', () => {
    const missing = BPMN_JS_I18N_EN_KEYS.filter((key) => !Object.hasOwn(id, key));
    expect(missing).toEqual([]);
  });

  it('has no empty values', () => {
    const empty = Object.entries(id).filter(([, value]) => value.trim() === '');
    expect(empty).toEqual([]);
  });

  it('has no untranslated values outside the explicit allow-list', () => {
    const untranslated = Object.entries(id)
      .filter(([key, value]) => value === key && !SAME_IN_INDONESIAN.has(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('keeps exactly the placeholders of each key', () => {
    const mismatched = Object.entries(id)
      .filter(([key, value]) => placeholders(key).join() !== placeholders(value).join())
      .map(([key, value]) => `${key} -> ${value}`);
    expect(mismatched).toEqual([]);
  });
});

describe('translate', () => {
  it('translates and substitutes placeholders', () => {
    expect(translate('Append {type}', { type: 'X' })).toBe('Tambahkan X');
    expect(translate('{errors} Errors, {warnings} Warnings', { errors: '2', warnings: '0' }))
      .toBe('2 Kesalahan, 0 Peringatan');
  });

  it('falls back to the English template and keeps unknown placeholders', () => {
    expect(translate('Not in the dictionary {x}', { x: '1' })).toBe('Not in the dictionary 1');
    expect(translate('Open {element}')).toBe('Buka {element}');
    expect(translate('Open {element}', { element: '' })).toBe('Buka {element}');
    expect(translate('Open {element}', {})).toBe('Buka {element}');
  });

  it('ignores inherited properties of the dictionary and the replacements', () => {
    expect(translate('constructor')).toBe('constructor');
    expect(translate('Value: {toString}', {})).toBe('Value: {toString}');
  });

  it('is exposed as a didi value module', () => {
    expect(translateModule.translate).toEqual(['value', translate]);
  });
});
