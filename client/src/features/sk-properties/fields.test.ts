import { BpmnModdle } from 'bpmn-moddle';
import type { Element } from 'bpmn-js/lib/model/Types';
import { describe, expect, it } from 'vitest';
import skDescriptor from '../../../../server/bpmn/sk-moddle.json';
import { fieldSetFor } from './fields';

const moddle = new BpmnModdle({ sk: skDescriptor });
const vocabulary = { mapKinds: [{ value: 'relasi', label: 'Peta relasi' }], profiles: [] };

function fieldsOf(type: string) {
  const set = fieldSetFor({ businessObject: moddle.create(type) } as unknown as Element, vocabulary);
  return set && { scope: set.scope, properties: set.fields.map((field) => field.property) };
}

describe('fieldSetFor', () => {
  it('puts map-wide facts of a process or collaboration on bpmn:Definitions', () => {
    expect(fieldsOf('bpmn:Collaboration')).toEqual({ scope: 'definitions', properties: ['mapKind', 'unit', 'profile'] });
    expect(fieldsOf('bpmn:Process')?.scope).toBe('definitions');
  });

  it('offers the jabatan / peran choice, role, level and unit on a lane', () => {
    expect(fieldsOf('bpmn:Lane')).toEqual({ scope: 'element', properties: ['jabatan', 'role', 'level', 'unit'] });
  });

  it('offers stage, kinds and the mutu baku on every activity', () => {
    const expected = ['phase', 'processType', 'activityKind', 'requirements', 'time', 'output', 'note'];
    expect(fieldsOf('bpmn:UserTask')?.properties).toEqual(expected);
    expect(fieldsOf('bpmn:Task')?.properties).toEqual(expected);
  });

  it('offers the map a call activity or sub-process opens (sk:calledMap) first', () => {
    const expected = ['calledMap', 'phase', 'processType', 'activityKind', 'requirements', 'time', 'output', 'note'];
    expect(fieldsOf('bpmn:CallActivity')?.properties).toEqual(expected);
    expect(fieldsOf('bpmn:SubProcess')?.properties).toEqual(expected);
  });

  it('offers the letter fields on message flows and data object references', () => {
    const expected = ['letter', 'purpose', 'competence', 'target', 'duration'];
    expect(fieldsOf('bpmn:MessageFlow')?.properties).toEqual(expected);
    expect(fieldsOf('bpmn:DataObjectReference')?.properties).toEqual(expected);
  });

  it('only offers attributes the sk: descriptor defines for that element', () => {
    for (const type of ['bpmn:Collaboration', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:Task', 'bpmn:CallActivity', 'bpmn:SubProcess', 'bpmn:MessageFlow', 'bpmn:DataObjectReference']) {
      const set = fieldsOf(type);
      const owner = moddle.create(set?.scope === 'definitions' ? 'bpmn:Definitions' : type);
      const { propertiesByName } = owner.$descriptor as { propertiesByName: Record<string, unknown> };
      for (const property of set?.properties ?? []) {
        expect(propertiesByName[`sk:${property}`], `${type} sk:${property}`).toBeDefined();
      }
    }
  });

  it('adds nothing to gateways and events', () => {
    expect(fieldsOf('bpmn:ExclusiveGateway')).toBeNull();
    expect(fieldsOf('bpmn:StartEvent')).toBeNull();
  });
});
