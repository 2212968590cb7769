// What bpmn-js warns about on opening a map, said in Indonesian: moddle's warnings from real parsing, and the
// importer's messages as bpmn-js writes them (bpmn-js itself runs only in the browser: see test/browser/open-warnings).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankCanvasMessage, countFlowNodes, describeOpenWarning, describeOpenWarnings } from '../../client/src/diagram/openWarnings';
import { createModdle } from '../../server/bpmn/moddle';

const fixture = path.resolve(import.meta.dirname, '../fixtures/foreign/crafted/client-open-warnings.bpmn');

describe('open warnings', () => {
  it("says moddle's warnings on a real file in Indonesian, naming the element", async () => {
    const { warnings, rootElement } = await createModdle().fromXML(readFileSync(fixture, 'utf8'), 'bpmn:Definitions');
    const described = describeOpenWarnings(warnings);
    expect(described).toContainEqual({ element: 'Alur_3', what: 'Rujukan ke “Tugas_Hilang” tidak menemukan elemen; rujukan itu dilewati.' });
    expect(described).toContainEqual({ element: 'Bentuk_Yatim', what: 'Rujukan ke “Tidak_Ada” tidak menemukan elemen; rujukan itu dilewati.' });
    expect(described).toContainEqual({ element: 'bpmn:fancyTask', what: 'Elemen bertipe bpmn:FancyTask tidak dikenal BPMN 2.0 dan dilewati.' });
    for (const { what } of described) expect(what).not.toMatch(/unresolved|unparsable|unrecognized/);
    expect(countFlowNodes(rootElement)).toBe(3);
  });

  it.each([
    ['multiple DI elements defined for <bpmn:Task id="Tugas_1" />', 'Tugas_1', /lebih dari sekali/],
    ['no bpmnElement referenced in <bpmndi:BPMNShape id="Bentuk_Yatim" />', 'Bentuk_Yatim', /tidak merujuk elemen BPMN/],
    ['element <bpmn:Task id="T" /> referenced by <bpmn:SequenceFlow id="F" />#targetRef not yet drawn', 'F', /ujungnya \(T\) tidak ada/],
    ['unknown di <bpmndi:BPMNEdge id="E" /> for element <bpmn:Task id="T" />', 'T', /tidak cocok/],
    ['correcting missing bpmnElement on <bpmndi:BPMNPlane id="P" /> to <bpmn:Process id="Proses_1" />', 'P', /Proses_1/],
  ])("says the importer's %s", (message, element, what) => {
    const described = describeOpenWarning({ message, context: {} });
    expect(described.element).toBe(element);
    expect(described.what).toMatch(what);
  });

  it('says an element bpmn-js failed to draw is left out', () => {
    const failed = { message: "Cannot read properties of undefined (reading 'length')", context: { element: { id: 'Asosiasi_1', $type: 'bpmn:Association' }, error: new TypeError('x') } };
    expect(describeOpenWarning(failed)).toEqual({ element: 'Asosiasi_1', what: "Elemen ini tidak dapat digambar dan tidak ditampilkan (Cannot read properties of undefined (reading 'length'))." });
  });

  it('keeps a message it does not know instead of dropping it, and merges repeated lines', () => {
    expect(describeOpenWarning({ message: 'something new\nsecond line' })).toEqual({ element: 'Diagram', what: 'Peringatan saat membuka: something new' });
    const same = { message: 'multiple DI elements defined for <bpmn:Task id="A" />' };
    expect(describeOpenWarnings([same, same])).toHaveLength(1);
  });

  it('counts flow nodes inside sub-processes, not flows or data', async () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x"><process id="P"><startEvent id="S"/><subProcess id="Sub"><task id="T"/></subProcess><sequenceFlow id="F" sourceRef="S" targetRef="Sub"/><dataObject id="O"/></process></definitions>`;
    const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions');
    expect(countFlowNodes(rootElement)).toBe(3);
    expect(blankCanvasMessage(3)).toContain('memuat 3 elemen alur');
  });
});
