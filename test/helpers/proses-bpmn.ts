// A peta proses whose steps call other maps: call activities and collapsed sub-processes in a row, with DI, valid BPMN.

export interface CallStep {
  id: string;
  name: string;
  /** Default: a call activity. */
  type?: 'callActivity' | 'subProcess';
  /** sk:calledMap */
  calledMap?: string;
  calledElement?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Start → each step → end, left to right; a sub-process is drawn collapsed (it calls a map, it has no inner steps). */
export function prosesWithCalls(steps: CallStep[], name = 'Peta proses uji'): string {
  const x = (i: number) => 200 + i * 160;
  const nodes = steps
    .map((s) => {
      const tag = s.type ?? 'callActivity';
      const attrs = [
        `id="${s.id}"`,
        `name="${escape(s.name)}"`,
        s.calledElement ? `calledElement="${escape(s.calledElement)}"` : '',
        s.calledMap ? `sk:calledMap="${escape(s.calledMap)}"` : '',
      ].filter(Boolean);
      return `    <bpmn:${tag} ${attrs.join(' ')} />`;
    })
    .join('\n');
  const ids = ['Mulai', ...steps.map((s) => s.id), 'Selesai'];
  const flows = ids.slice(1).map((target, i) => ({ id: `Alur_${i + 1}`, source: ids[i]!, target }));
  const flowXml = flows.map((f) => `    <bpmn:sequenceFlow id="${f.id}" sourceRef="${f.source}" targetRef="${f.target}" />`).join('\n');
  const left = (i: number) => (i === 0 ? 100 : i === ids.length - 1 ? x(steps.length) : x(i - 1));
  const right = (i: number) => (i === 0 ? 136 : i === ids.length - 1 ? x(steps.length) + 36 : x(i - 1) + 100);
  const shapes = [
    `      <bpmndi:BPMNShape id="Mulai_di" bpmnElement="Mulai"><dc:Bounds x="100" y="182" width="36" height="36" /></bpmndi:BPMNShape>`,
    ...steps.map(
      (s, i) =>
        `      <bpmndi:BPMNShape id="${s.id}_di" bpmnElement="${s.id}"${s.type === 'subProcess' ? ' isExpanded="false"' : ''}><dc:Bounds x="${x(i)}" y="160" width="100" height="80" /></bpmndi:BPMNShape>`,
    ),
    `      <bpmndi:BPMNShape id="Selesai_di" bpmnElement="Selesai"><dc:Bounds x="${x(steps.length)}" y="182" width="36" height="36" /></bpmndi:BPMNShape>`,
  ];
  const edges = flows.map(
    (f, i) =>
      `      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}"><di:waypoint x="${right(i)}" y="200" /><di:waypoint x="${left(i + 1)}" y="200" /></bpmndi:BPMNEdge>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:sk="urn:petakerja:bpmn:1" id="Definitions_Proses" targetNamespace="http://bpmn.io/schema/bpmn" sk:mapKind="proses">
  <bpmn:process id="Proses_1" name="${escape(name)}" isExecutable="false">
    <bpmn:startEvent id="Mulai" name="Mulai" />
${nodes}
    <bpmn:endEvent id="Selesai" name="Selesai" />
${flowXml}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Proses_1">
${shapes.join('\n')}
${edges.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
