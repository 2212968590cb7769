// A real map and the same map with one step inserted early (issue 15, item 5): the RSUD work mechanism
// (processes/library/mk-rsud.bpmn, 13 SOP rows) with a task after row 4, so rows 5–13 move down one number.
import path from 'node:path';
import { readText, ROOT } from '../helpers/fixtures';

export const MK_RSUD_XML = readText(path.join(ROOT, 'processes/library/mk-rsud.bpmn'));

export function edit(xml: string, from: string, to: string): string {
  if (xml.split(from).length !== 2) throw new Error(`expected exactly one "${from}" in the map`);
  return xml.replace(from, to);
}

/** mk-rsud with one task inserted after row 4 (Merumuskan strategi): Flow_5 now ends at it, Flow_15 leads on. */
export function withInsertedStep(xml: string, name = 'Membahas strategi bersama Kepala Bidang'): string {
  const steps: Array<[string, string]> = [
    ['        <bpmn:flowNodeRef>Activity_Strategi</bpmn:flowNodeRef>\n', '        <bpmn:flowNodeRef>Activity_Strategi</bpmn:flowNodeRef>\n        <bpmn:flowNodeRef>Activity_Membahas</bpmn:flowNodeRef>\n'],
    [
      '    <bpmn:task id="Activity_RencanaKegiatan"',
      `    <bpmn:task id="Activity_Membahas" name="${name}" sk:phase="perencanaan" sk:time="1 hari">\n      <bpmn:incoming>Flow_5</bpmn:incoming>\n      <bpmn:outgoing>Flow_15</bpmn:outgoing>\n    </bpmn:task>\n    <bpmn:task id="Activity_RencanaKegiatan"`,
    ],
    ['<bpmn:sequenceFlow id="Flow_5" sourceRef="Activity_Strategi" targetRef="Activity_RencanaKegiatan" />', '<bpmn:sequenceFlow id="Flow_5" sourceRef="Activity_Strategi" targetRef="Activity_Membahas" />\n    <bpmn:sequenceFlow id="Flow_15" sourceRef="Activity_Membahas" targetRef="Activity_RencanaKegiatan" />'],
    ['<bpmn:incoming>Flow_5</bpmn:incoming>\n      <bpmn:outgoing>Flow_6</bpmn:outgoing>', '<bpmn:incoming>Flow_15</bpmn:incoming>\n      <bpmn:outgoing>Flow_6</bpmn:outgoing>'],
    [
      '      <bpmndi:BPMNShape id="Activity_RencanaKegiatan_di"',
      '      <bpmndi:BPMNShape id="Activity_Membahas_di" bpmnElement="Activity_Membahas">\n        <dc:Bounds x="1160" y="520" width="120" height="90" />\n      </bpmndi:BPMNShape>\n      <bpmndi:BPMNEdge id="Flow_15_di" bpmnElement="Flow_15">\n        <di:waypoint x="1280" y="565" />\n        <di:waypoint x="1300" y="710" />\n      </bpmndi:BPMNEdge>\n      <bpmndi:BPMNShape id="Activity_RencanaKegiatan_di"',
    ],
  ];
  return steps.reduce((text, [from, to]) => edit(text, from, to), xml);
}
