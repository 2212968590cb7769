// Two revisions of a real library map for the diff tests: penunjukan-dalam-unit.bpmn, and that map after a penyusun
// added a task (with its flow, reconnecting Flow_2), renamed one and changed its time, moved one into the other lane,
// documented one, and dragged the end event.
import path from 'node:path';
import { readText, ROOT } from '../helpers/fixtures';

export const ORIGINAL_XML = readText(path.join(ROOT, 'processes/library/penunjukan-dalam-unit.bpmn'));

/** Replaces `from` once, failing loudly when the map no longer holds it (the fixture would silently stop testing). */
function edit(xml: string, from: string, to: string): string {
  if (xml.split(from).length !== 2) throw new Error(`expected exactly one "${from}" in the map`);
  return xml.replace(from, to);
}

export const ADDED_TASK = 'Activity_Memeriksa';
export const ADDED_FLOW = 'Flow_5';
export const RECONNECTED_FLOW = 'Flow_2';
export const RENAMED_TASK = 'Activity_Menugaskan';
export const LANE_MOVED_TASK = 'Activity_Menerima';
export const DOCUMENTED_TASK = 'Activity_Memilih';
export const DRAGGED_EVENT = 'EndEvent_Selesai';

export function revisedXml(xml = ORIGINAL_XML): string {
  const steps: Array<[string, string]> = [
    // Add a task between Memilih and Menugaskan: Flow_2 now ends at it, Flow_5 leads on.
    ['<bpmn:flowNodeRef>Activity_Menugaskan</bpmn:flowNodeRef>', '<bpmn:flowNodeRef>Activity_Menugaskan</bpmn:flowNodeRef>\n        <bpmn:flowNodeRef>Activity_Memeriksa</bpmn:flowNodeRef>'],
    [
      '<bpmn:endEvent id="EndEvent_Selesai"',
      '<bpmn:task id="Activity_Memeriksa" name="Memeriksa kelengkapan berkas" sk:time="2 jam">\n      <bpmn:incoming>Flow_2</bpmn:incoming>\n      <bpmn:outgoing>Flow_5</bpmn:outgoing>\n    </bpmn:task>\n    <bpmn:endEvent id="EndEvent_Selesai"',
    ],
    ['sourceRef="Activity_Memilih" targetRef="Activity_Menugaskan" />', 'sourceRef="Activity_Memilih" targetRef="Activity_Memeriksa" />\n    <bpmn:sequenceFlow id="Flow_5" sourceRef="Activity_Memeriksa" targetRef="Activity_Menugaskan" />'],
    ['<bpmn:incoming>Flow_2</bpmn:incoming>\n      <bpmn:outgoing>Flow_3</bpmn:outgoing>', '<bpmn:incoming>Flow_5</bpmn:incoming>\n      <bpmn:outgoing>Flow_3</bpmn:outgoing>'],
    [
      '<bpmndi:BPMNEdge id="Flow_1_di"',
      '<bpmndi:BPMNShape id="Activity_Memeriksa_di" bpmnElement="Activity_Memeriksa">\n        <dc:Bounds x="520" y="250" width="100" height="60" />\n      </bpmndi:BPMNShape>\n      <bpmndi:BPMNEdge id="Flow_5_di" bpmnElement="Flow_5">\n        <di:waypoint x="620" y="280" />\n        <di:waypoint x="680" y="230" />\n      </bpmndi:BPMNEdge>\n      <bpmndi:BPMNEdge id="Flow_1_di"',
    ],
    // Rename Menugaskan and change its time.
    ['name="Menerbitkan surat penugasan" sk:activityKind="penetapan-penugasan" sk:requirements="Nama pejabat yang ditunjuk, target kinerja" sk:time="1 hari"', 'name="Menerbitkan surat tugas" sk:activityKind="penetapan-penugasan" sk:requirements="Nama pejabat yang ditunjuk, target kinerja" sk:time="3 hari"'],
    // Menerima moves from the Pejabat Fungsional lane into the Kepala Bidang lane.
    ['        <bpmn:flowNodeRef>Activity_Menerima</bpmn:flowNodeRef>\n', ''],
    ['<bpmn:flowNodeRef>Activity_Memilih</bpmn:flowNodeRef>', '<bpmn:flowNodeRef>Activity_Memilih</bpmn:flowNodeRef>\n        <bpmn:flowNodeRef>Activity_Menerima</bpmn:flowNodeRef>'],
    // Memilih gets a documentation (the SOP's keterangan).
    ['<bpmn:incoming>Flow_1</bpmn:incoming>\n      <bpmn:outgoing>Flow_2</bpmn:outgoing>', '<bpmn:documentation>Dipilih dari peta jabatan</bpmn:documentation>\n      <bpmn:incoming>Flow_1</bpmn:incoming>\n      <bpmn:outgoing>Flow_2</bpmn:outgoing>'],
    // The end event is dragged to the right.
    ['<dc:Bounds x="1042" y="357" width="36" height="36" />', '<dc:Bounds x="1120" y="357" width="36" height="36" />'],
  ];
  return steps.reduce((text, [from, to]) => edit(text, from, to), xml);
}
