// A one-pool BPMN document with lanes and no diagram, written from a short description: for layout tests.

export interface LaneSpec {
  lanes: Array<[string, string[]]>;
  nodes: Array<[id: string, type: string, name?: string, extra?: string]>;
  flows: Array<[source: string, target: string, name?: string]>;
}

export function laneBpmn({ lanes, nodes, flows }: LaneSpec): string {
  const laneXml = lanes.map(([name, refs], i) => `<bpmn:lane id="Lane_${i}" name="${name}">${refs.map((ref) => `<bpmn:flowNodeRef>${ref}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`).join('');
  const nodeXml = nodes.map(([id, type, name, extra]) => `<bpmn:${type} id="${id}"${name ? ` name="${name}"` : ''}>${extra ?? ''}</bpmn:${type}>`).join('');
  const flowXml = flows.map(([source, target, name], i) => `<bpmn:sequenceFlow id="Flow_${i}" sourceRef="${source}" targetRef="${target}"${name ? ` name="${name}"` : ''} />`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:collaboration id="C"><bpmn:participant id="Pool" name="Dinas" processRef="P" /></bpmn:collaboration>
  <bpmn:process id="P" isExecutable="false"><bpmn:laneSet id="LS">${laneXml}</bpmn:laneSet>${nodeXml}${flowXml}</bpmn:process>
</bpmn:definitions>`;
}
