// Writes a library map (spec.ts) and its layout (layout.ts) as BPMN 2.0 XML with the sk: attributes of
// BPMN-CONVENTIONS.md and full DI. Plain string writing, so the output is stable byte for byte.
import type { Box, Layout, Point } from './layout';
import type { MapSpec, NodeSpec, PoolSpec, TaskSpec } from './spec';

const PHASE_LABELS = { perencanaan: 'Perencanaan', pelaksanaan: 'Pelaksanaan', evaluasi: 'Evaluasi' } as const;

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ` name="value"` for each defined value, in the order given. */
function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');
}

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
export const nodeId = (node: NodeSpec) =>
  `${{ start: 'StartEvent', end: 'EndEvent', task: 'Activity', xor: 'Gateway' }[node.type]}_${pascal(node.key)}`;

/** Width of a label in the modeller's 11 px font, roughly. */
const labelWidth = (text: string) => Math.min(120, Math.max(20, Math.round(text.length * 6.5)));

function bounds(box: Box): string {
  return `<dc:Bounds${attrs({ x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) })} />`;
}

function waypoints(points: Point[], indent: string): string[] {
  return points.map((p) => `${indent}<di:waypoint${attrs({ x: Math.round(p.x), y: Math.round(p.y) })} />`);
}

/** A label beside the first segment of an edge. */
function edgeLabel(points: Point[], text: string): Box {
  const [a, b] = [points[0]!, points[1]!];
  const width = labelWidth(text);
  if (a.x === b.x) return { x: a.x + 6, y: a.y + (b.y > a.y ? 4 : -18), width, height: 14 };
  return { x: a.x + (b.x > a.x ? 6 : -6 - width), y: a.y - 18, width, height: 14 };
}

export function toXml(spec: MapSpec, layout: Layout): string {
  const name = pascal(spec.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));
  const nodeById = new Map(spec.nodes.map((node) => [node.key, node]));
  const flowId = (index: number) => `Flow_${index + 1}`;
  const processId = (pool: PoolSpec) => `Process_${pascal(pool.key)}`;
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);

  out('<?xml version="1.0" encoding="UTF-8"?>');
  out(
    `<bpmn:definitions xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ` +
      `xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" ` +
      `xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:sk="urn:petakerja:bpmn:1"` +
      attrs({ id: `Definitions_${name}`, targetNamespace: 'http://bpmn.io/schema/bpmn', exporter: 'Petakerja', exporterVersion: '0.1.0', 'sk:mapKind': spec.kind, 'sk:profile': spec.profile }) +
      '>',
  );
  out(`  <!-- Dibangkitkan oleh scripts/processes/build.ts dari deskripsi peta "${escape(spec.id)}"; jangan disunting langsung. -->`);
  for (const phase of layout.groups.keys()) {
    out(`  <bpmn:category id="Category_${pascal(phase)}">`);
    out(`    <bpmn:categoryValue id="CategoryValue_${pascal(phase)}" value="${PHASE_LABELS[phase]}" />`);
    out('  </bpmn:category>');
  }
  out(`  <bpmn:collaboration id="Collaboration_${name}">`);
  for (const pool of spec.pools) {
    out(
      `    <bpmn:participant${attrs({
        id: `Participant_${pascal(pool.key)}`,
        name: pool.name,
        processRef: processId(pool),
        'sk:unit': pool.name,
        'sk:unitKind': pool.unitKind,
        'sk:orgType': pool.orgType,
        'sk:performanceOwner': pool.performanceOwner === true,
      })} />`,
    );
  }
  for (const message of spec.messages ?? []) {
    out(
      `    <bpmn:messageFlow${attrs({
        id: `MessageFlow_${pascal(message.key)}`,
        name: message.name,
        sourceRef: nodeId(nodeById.get(message.from)!),
        targetRef: nodeId(nodeById.get(message.to)!),
        'sk:letter': message.letter,
        'sk:purpose': message.purpose,
        'sk:competence': message.competence,
        'sk:target': message.target,
        'sk:duration': message.duration,
      })} />`,
    );
  }
  for (const phase of layout.groups.keys()) {
    out(`    <bpmn:group id="Group_${pascal(phase)}" categoryValueRef="CategoryValue_${pascal(phase)}" />`);
  }
  out('  </bpmn:collaboration>');

  for (const pool of spec.pools) {
    const laneKeys = new Set(pool.lanes.map((lane) => lane.key));
    const nodes = spec.nodes.filter((node) => laneKeys.has(node.lane));
    const keys = new Set(nodes.map((node) => node.key));
    const flows = spec.flows.map((flow, index) => ({ ...flow, index })).filter((flow) => keys.has(flow.from));
    const letters = (spec.data ?? []).filter((letter) => keys.has(letter.from));
    out(`  <bpmn:process id="${processId(pool)}" isExecutable="false">`);
    out(`    <bpmn:laneSet id="LaneSet_${pascal(pool.key)}">`);
    for (const lane of pool.lanes) {
      out(`      <bpmn:lane${attrs({ id: `Lane_${pascal(lane.key)}`, name: lane.name, 'sk:jabatan': lane.jabatan, 'sk:role': lane.role, 'sk:level': lane.level })}>`);
      for (const node of nodes.filter((n) => n.lane === lane.key)) out(`        <bpmn:flowNodeRef>${nodeId(node)}</bpmn:flowNodeRef>`);
      out('      </bpmn:lane>');
    }
    out('    </bpmn:laneSet>');
    for (const node of nodes) {
      const incoming = spec.flows.flatMap((flow, index) => (flow.to === node.key ? [flowId(index)] : []));
      const outgoing = spec.flows.flatMap((flow, index) => (flow.from === node.key ? [flowId(index)] : []));
      const tag = { start: 'bpmn:startEvent', end: 'bpmn:endEvent', task: 'bpmn:task', xor: 'bpmn:exclusiveGateway' }[node.type];
      out(`    <${tag}${attrs({ id: nodeId(node), name: node.name, ...(node.type === 'task' ? taskAttrs(node) : {}) })}>`);
      for (const id of incoming) out(`      <bpmn:incoming>${id}</bpmn:incoming>`);
      for (const id of outgoing) out(`      <bpmn:outgoing>${id}</bpmn:outgoing>`);
      const reads = (spec.data ?? []).filter((letter) => letter.to === node.key);
      for (const letter of reads) out(`      <bpmn:property id="Property_${pascal(letter.key)}" name="__targetRef_placeholder" />`);
      for (const letter of reads) {
        out(`      <bpmn:dataInputAssociation id="DataInputAssociation_${pascal(letter.key)}">`);
        out(`        <bpmn:sourceRef>DataObjectReference_${pascal(letter.key)}</bpmn:sourceRef>`);
        out(`        <bpmn:targetRef>Property_${pascal(letter.key)}</bpmn:targetRef>`);
        out('      </bpmn:dataInputAssociation>');
      }
      for (const letter of (spec.data ?? []).filter((l) => l.from === node.key)) {
        out(`      <bpmn:dataOutputAssociation id="DataOutputAssociation_${pascal(letter.key)}">`);
        out(`        <bpmn:targetRef>DataObjectReference_${pascal(letter.key)}</bpmn:targetRef>`);
        out('      </bpmn:dataOutputAssociation>');
      }
      if (node.type === 'start' && node.message) out(`      <bpmn:messageEventDefinition id="MessageEventDefinition_${pascal(node.key)}" />`);
      out(`    </${tag}>`);
    }
    for (const letter of letters) {
      out(
        `    <bpmn:dataObjectReference${attrs({
          id: `DataObjectReference_${pascal(letter.key)}`,
          name: letter.name,
          dataObjectRef: `DataObject_${pascal(letter.key)}`,
          'sk:letter': letter.letter,
          'sk:purpose': letter.purpose,
          'sk:competence': letter.competence,
          'sk:target': letter.target,
          'sk:duration': letter.duration,
        })} />`,
      );
      out(`    <bpmn:dataObject id="DataObject_${pascal(letter.key)}" />`);
    }
    for (const flow of flows) {
      out(`    <bpmn:sequenceFlow${attrs({ id: flowId(flow.index), name: flow.name, sourceRef: nodeId(nodeById.get(flow.from)!), targetRef: nodeId(nodeById.get(flow.to)!) })} />`);
    }
    out('  </bpmn:process>');
  }

  out(`  <bpmndi:BPMNDiagram id="BPMNDiagram_${name}">`);
  out(`    <bpmndi:BPMNPlane id="BPMNPlane_${name}" bpmnElement="Collaboration_${name}">`);
  const shape = (element: string, box: Box, extra: Record<string, string | boolean> = {}, label?: Box) => {
    out(`      <bpmndi:BPMNShape${attrs({ id: `${element}_di`, bpmnElement: element, ...extra })}>`);
    out(`        ${bounds(box)}`);
    if (label) {
      out('        <bpmndi:BPMNLabel>');
      out(`          ${bounds(label)}`);
      out('        </bpmndi:BPMNLabel>');
    }
    out('      </bpmndi:BPMNShape>');
  };
  const edge = (element: string, points: Point[], label?: Box) => {
    out(`      <bpmndi:BPMNEdge id="${element}_di" bpmnElement="${element}">`);
    lines.push(...waypoints(points, '        '));
    if (label) {
      out('        <bpmndi:BPMNLabel>');
      out(`          ${bounds(label)}`);
      out('        </bpmndi:BPMNLabel>');
    }
    out('      </bpmndi:BPMNEdge>');
  };
  for (const pool of spec.pools) {
    shape(`Participant_${pascal(pool.key)}`, layout.pools.get(pool.key)!, { isHorizontal: true });
    for (const lane of pool.lanes) shape(`Lane_${pascal(lane.key)}`, layout.lanes.get(lane.key)!, { isHorizontal: true });
  }
  for (const node of spec.nodes) {
    const box = layout.nodes.get(node.key)!;
    if (node.type === 'task') shape(nodeId(node), box);
    else if (node.type === 'xor') {
      // The name sits above the diamond, or below it when an exit leaves from the top (its answer is written there).
      const exitsUp = spec.flows.some((flow, index) => flow.from === node.key && layout.flows[index]![0]!.y < box.y + 1);
      const y = exitsUp ? box.y + box.height + 8 : box.y - 22;
      const label = node.name ? { x: box.x + box.width / 2 - labelWidth(node.name) / 2, y, width: labelWidth(node.name), height: 14 } : undefined;
      shape(nodeId(node), box, { isMarkerVisible: true }, label);
    } else {
      const width = Math.min(labelWidth(node.name), 100);
      shape(nodeId(node), box, {}, { x: box.x + box.width / 2 - width / 2, y: box.y + box.height + 6, width, height: 27 });
    }
  }
  for (const letter of spec.data ?? []) {
    const box = layout.data.get(letter.key)!;
    const width = labelWidth(letter.name);
    shape(`DataObjectReference_${pascal(letter.key)}`, box, {}, { x: box.x + box.width / 2 - width / 2, y: box.y - 18, width, height: 14 });
  }
  spec.flows.forEach((flow, index) => {
    const points = layout.flows[index]!;
    edge(flowId(index), points, flow.name ? edgeLabel(points, flow.name) : undefined);
  });
  for (const [index, message] of (spec.messages ?? []).entries()) {
    const points = layout.messages.get(message.key)!;
    // Messages to one activity run side by side: after the first, each label sits by its last run, into the target's
    // pool, a step higher than the one before, so none covers another.
    const rank = (spec.messages ?? []).slice(0, index).filter((other) => other.to === message.to).length;
    edge(`MessageFlow_${pascal(message.key)}`, points, messageLabel(points, message.name, index % 2 === 1, rank));
  }
  for (const letter of spec.data ?? []) {
    edge(`DataOutputAssociation_${pascal(letter.key)}`, layout.dataOut.get(letter.key)!);
    if (letter.to) edge(`DataInputAssociation_${pascal(letter.key)}`, layout.dataIn.get(letter.key)!);
  }
  for (const [phase, box] of layout.groups) {
    const width = labelWidth(PHASE_LABELS[phase]);
    shape(`Group_${pascal(phase)}`, box, {}, { x: box.x + box.width / 2 - width / 2, y: box.y + 6, width, height: 14 });
  }
  out('    </bpmndi:BPMNPlane>');
  out('  </bpmndi:BPMNDiagram>');
  out('</bpmn:definitions>');
  return `${lines.join('\n')}\n`;
}

function taskAttrs(task: TaskSpec): Record<string, string | undefined> {
  return {
    'sk:phase': task.phase,
    'sk:activityKind': task.activityKind,
    'sk:requirements': task.requirements,
    'sk:time': task.time,
    'sk:output': task.output,
    'sk:note': task.note,
    'sk:step': task.step?.id,
  };
}

/**
 * A message flow's label beside its longest vertical run, else its longest run; the `rank`-th message (from 0) to the
 * same activity beside its last run instead, `rank` steps above its middle.
 */
function messageLabel(points: Point[], text: string, onLeft: boolean, rank = 0): Box {
  let best = 0;
  let length = -1;
  for (let i = 1; i < points.length; i += 1) {
    const run = Math.abs(points[i]!.y - points[i - 1]!.y) * 2 + Math.abs(points[i]!.x - points[i - 1]!.x);
    if (run > length) [best, length] = [i, run];
  }
  if (rank > 0) best = points.length - 1;
  const shift = -30 * rank + (rank > 0 ? 30 : 0);
  const a = points[best - 1]!, b = points[best]!;
  const width = Math.min(labelWidth(text), 110);
  return { x: onLeft ? (a.x + b.x) / 2 - 6 - width : (a.x + b.x) / 2 + 6, y: (a.y + b.y) / 2 - 14 + shift, width, height: 28 };
}
