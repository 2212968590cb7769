// A draft map from an SOP's flowchart table (issue 17): one pool for the unit, a lane per Pelaksana column in order,
// a task per activity row in its performer's lane, an exclusive gateway per decision with its answers, start and end
// events from the terminators, mutu baku as sk: attributes, Keterangan as documentation; then laid out with the
// import's layout (bpmn-auto-layout and one band per lane). Reading the map's SOP back gives the table again
// (test/sop-documents/table-to-map.test.ts).
import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';
import { createModdle } from '../bpmn/moddle';
import { generateDiagram } from '../bpmn/import/diagram-layout';
import { ANSWER_TEXT } from '../sop/layout/procedure';
import { SopTable, type TableRow } from './sop-table.schema';

export interface TableToMapOptions {
  /** The pool's name: the unit whose SOP it is. */
  unit: string;
  /** The map's (and the process's) name when the table has none. */
  name: string;
}

const MUTU_BAKU_ATTRIBUTE = { kelengkapan: 'sk:requirements', waktu: 'sk:time', output: 'sk:output' } as const;

interface Built {
  /** The element the row's incoming arrows reach. */
  entry: ModdleElement;
  /** The element the row's outgoing arrows leave. */
  exit: ModdleElement;
}

/** Whether a terminator row starts or ends the procedure: as the table says, else by its arrows. */
function terminatorEnd(row: TableRow, index: number, table: SopTable): 'start' | 'end' {
  if (row.terminal) return row.terminal;
  return table.links.some((link) => link.to === index) ? 'end' : 'start';
}

class MapBuilder {
  readonly process: ModdleElement;
  private readonly flowElements: ModdleElement[] = [];
  private readonly laneNodes: ModdleElement[][];
  private flows = 0;

  constructor(
    private readonly moddle: BpmnModdle,
    private readonly table: SopTable,
    name: string,
  ) {
    this.process = moddle.create('bpmn:Process', { id: 'Process_1', name, isExecutable: false });
    this.laneNodes = table.columns.map(() => []);
  }

  private documentation(text: string): ModdleElement[] {
    return [this.moddle.create('bpmn:Documentation', { text })];
  }

  private node(type: string, id: string, column: number, attributes: Record<string, unknown> = {}): ModdleElement {
    const element = this.moddle.create(type, { id, ...attributes });
    element.$parent = this.process;
    this.flowElements.push(element);
    this.laneNodes[column]!.push(element);
    return element;
  }

  flow(source: ModdleElement, target: ModdleElement, name?: string, note?: string): ModdleElement {
    this.flows += 1;
    const flow = this.moddle.create('bpmn:SequenceFlow', {
      id: `Flow_${this.flows}`,
      sourceRef: source,
      targetRef: target,
      ...(name ? { name } : {}),
      ...(note ? { documentation: this.documentation(note) } : {}),
    });
    flow.$parent = this.process;
    this.flowElements.push(flow);
    (source.get('outgoing') as ModdleElement[]).push(flow);
    (target.get('incoming') as ModdleElement[]).push(flow);
    return flow;
  }

  row(row: TableRow, index: number): Built {
    const n = index + 1;
    if (row.kind === 'terminator') {
      const end = terminatorEnd(row, index, this.table);
      const event = this.node(end === 'start' ? 'bpmn:StartEvent' : 'bpmn:EndEvent', `${end === 'start' ? 'Start' : 'End'}_${n}`, row.column, { name: row.kegiatan });
      return { entry: event, exit: event };
    }
    const quality = Object.fromEntries(
      (Object.keys(MUTU_BAKU_ATTRIBUTE) as Array<keyof typeof MUTU_BAKU_ATTRIBUTE>).flatMap((part) => (row.mutuBaku[part] ? [[MUTU_BAKU_ATTRIBUTE[part], row.mutuBaku[part]]] : [])),
    );
    if (row.kind === 'decision') {
      // A decision's Keterangan goes on its "Tidak" exit (see links()), where the SOP reads it back.
      const gateway = this.node('bpmn:ExclusiveGateway', `Gateway_${n}`, row.column, { name: row.kegiatan });
      for (const [key, value] of Object.entries(quality)) gateway.set(key, value);
      return { entry: gateway, exit: gateway };
    }
    const task = this.node('bpmn:Task', `Activity_${n}`, row.column, {
      name: row.kegiatan,
      ...(row.keterangan ? { documentation: this.documentation(row.keterangan) } : {}),
    });
    for (const [key, value] of Object.entries(quality)) task.set(key, value);
    // An activity drawn as a kapsul carries the procedure's start or end event; arrows from and to other rows still
    // join the activity itself (a row of a second pool can start its own pool and be reached by a message).
    if (row.terminal === 'start') this.flow(this.node('bpmn:StartEvent', `Start_${n}`, row.column), task);
    else if (row.terminal === 'end') this.flow(task, this.node('bpmn:EndEvent', `End_${n}`, row.column));
    return { entry: task, exit: task };
  }

  links(built: Built[]): void {
    for (const link of this.table.links) {
      const from = this.table.rows[link.from]!;
      const label = link.label ?? (link.answer ? ANSWER_TEXT[link.answer] : undefined);
      // The decision's Keterangan explains its "Tidak" answer (SOP-FORMAT.md §2).
      const note = from.kind === 'decision' && link.answer === 'tidak' ? from.keterangan : undefined;
      this.flow(built[link.from]!.exit, built[link.to]!.entry, label, note);
    }
  }

  finish(): ModdleElement[] {
    this.process.set('flowElements', this.flowElements);
    const lanes = this.table.columns.map((name, index) => {
      const lane = this.moddle.create('bpmn:Lane', { id: `Lane_${index + 1}`, name, flowNodeRef: this.laneNodes[index] });
      return lane;
    });
    const laneSet = this.moddle.create('bpmn:LaneSet', { id: 'LaneSet_1', lanes });
    for (const lane of lanes) lane.$parent = laneSet;
    laneSet.$parent = this.process;
    this.process.set('laneSets', [laneSet]);
    return lanes;
  }
}

/** The map of an SOP table as BPMN XML, laid out: one pool (the unit), a lane per performer column. */
export async function tableToMap(input: SopTable, options: TableToMapOptions): Promise<string> {
  const table = SopTable.parse(input);
  const moddle = createModdle();
  const name = table.name ?? options.name;
  const builder = new MapBuilder(moddle, table, name);
  const built = table.rows.map((row, index) => builder.row(row, index));
  builder.links(built);
  builder.finish();
  const participant = moddle.create('bpmn:Participant', { id: 'Participant_1', name: options.unit, processRef: builder.process });
  const collaboration = moddle.create('bpmn:Collaboration', { id: 'Collaboration_1', participants: [participant] });
  participant.$parent = collaboration;
  const definitions = moddle.create('bpmn:Definitions', {
    id: 'Definitions_1',
    name,
    targetNamespace: 'http://bpmn.io/schema/bpmn',
    exporter: 'Petakerja',
    rootElements: [collaboration, builder.process],
  });
  collaboration.$parent = definitions;
  builder.process.$parent = definitions;
  await generateDiagram(moddle, definitions, false);
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}
