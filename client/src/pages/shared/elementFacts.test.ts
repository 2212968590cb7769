import { BpmnModdle } from 'bpmn-moddle';
import type { Element } from 'bpmn-js/lib/model/Types';
import { describe, expect, it } from 'vitest';
import skDescriptor from '../../../../server/bpmn/sk-moddle.json';
import { elementFacts, elementTypeLabel } from './elementFacts';

const vocabulary = {
  mapKinds: [{ value: 'proses', label: 'Peta proses' }],
  profiles: [{ value: 'nasional', label: 'Nasional' }],
};

async function elements(xml: string): Promise<Map<string, Element>> {
  const moddle = new BpmnModdle({ sk: skDescriptor });
  const { elementsById } = await moddle.fromXML(xml);
  return new Map(Object.entries(elementsById).map(([id, businessObject]) => [id, { id, businessObject } as unknown as Element]));
}

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="${(skDescriptor as { uri: string }).uri}" id="D" sk:mapKind="proses" sk:unit="Dinas Kesehatan" targetNamespace="x">
  <bpmn:process id="P" name="Pelayanan">
    <bpmn:task id="T" name="&lt;img src=x onerror=alert(1)&gt;" sk:phase="pelaksanaan" sk:time="2 jam">
      <bpmn:documentation>Catatan</bpmn:documentation>
    </bpmn:task>
    <bpmn:startEvent id="S" />
  </bpmn:process>
</bpmn:definitions>`;

describe('elementFacts', () => {
  it('lists an activity\u2019s kind, name, Petakerja data with option labels, and documentation, as plain text', async () => {
    const byId = await elements(XML);
    expect(elementFacts(byId.get('T')!, vocabulary)).toEqual([
      { label: 'Jenis elemen', value: 'Tugas', data: false },
      { label: 'Nama', value: '<img src=x onerror=alert(1)>', data: false },
      { label: 'Tahap', value: 'Pelaksanaan', data: true },
      { label: 'Mutu baku: waktu', value: '2 jam', data: true },
      { label: 'Dokumentasi', value: 'Catatan', data: true },
    ]);
  });

  it('reads map-wide facts from the definitions for the process', async () => {
    const byId = await elements(XML);
    const facts = elementFacts(byId.get('P')!, vocabulary).map((fact) => `${fact.label}: ${fact.value}`);
    expect(facts).toEqual(['Jenis elemen: Proses', 'Nama: Pelayanan', 'Jenis peta: Peta proses', 'Unit kerja: Dinas Kesehatan']);
  });

  it('names element types through the modeller\u2019s dictionary', () => {
    expect(elementTypeLabel('bpmn:StartEvent')).toBe('Kejadian Awal');
    expect(elementTypeLabel('bpmn:ExclusiveGateway')).toBe('Gerbang Eksklusif');
  });
});
