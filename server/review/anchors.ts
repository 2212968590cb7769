// What an annotation points at, read from one map revision: whether the element is still there, a fingerprint of it
// (so a thread written on an earlier revision is marked usang when its element or field changed), the SOP row the
// element becomes, and a label a reader understands.
import type { ModdleElement } from 'bpmn-moddle';
import { readProcedure } from '../sop/layout/procedure';
import type { SopIdentityDraft } from '../sop/identity.schema';
import { IDENTITY_FIELDS, type Anchor, type IdentityFieldPath } from './review.schema';


const TYPE_LABELS: Record<string, string> = {
  'bpmn:Task': 'Tugas',
  'bpmn:UserTask': 'Tugas',
  'bpmn:ManualTask': 'Tugas',
  'bpmn:ServiceTask': 'Tugas',
  'bpmn:SendTask': 'Tugas',
  'bpmn:ReceiveTask': 'Tugas',
  'bpmn:ScriptTask': 'Tugas',
  'bpmn:BusinessRuleTask': 'Tugas',
  'bpmn:CallActivity': 'Aktivitas panggil',
  'bpmn:SubProcess': 'Subproses',
  'bpmn:ExclusiveGateway': 'Keputusan',
  'bpmn:ParallelGateway': 'Percabangan',
  'bpmn:InclusiveGateway': 'Percabangan',
  'bpmn:StartEvent': 'Awal',
  'bpmn:EndEvent': 'Akhir',
  'bpmn:IntermediateThrowEvent': 'Peristiwa',
  'bpmn:IntermediateCatchEvent': 'Peristiwa',
  'bpmn:Lane': 'Lajur',
  'bpmn:Participant': 'Kolam',
  'bpmn:SequenceFlow': 'Alur',
  'bpmn:MessageFlow': 'Alur pesan',
  'bpmn:DataObjectReference': 'Objek data',
  'bpmn:TextAnnotation': 'Catatan',
};

/** The loosely typed moddle tree, read defensively. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = ModdleElement & Record<string, any>;

/** One revision of a map, indexed for reading anchors. */
export class RevisionAnchors {
  private readonly elements = new Map<string, Node>();
  private readonly laneOf = new Map<string, string>();
  private rows: Map<string, number> | undefined;

  constructor(
    private readonly definitions: ModdleElement,
    private readonly identity: SopIdentityDraft | undefined,
  ) {
    const visit = (element: Node | undefined): void => {
      if (!element || typeof element !== 'object' || !element.$type) return;
      if (element.id && !element.$type.startsWith('bpmndi:') && !element.$type.startsWith('dc:')) this.elements.set(element.id, element);
      if (element.$type === 'bpmn:Lane') for (const node of element.flowNodeRef ?? []) this.laneOf.set(String(node.id), String(element.id));
      for (const key of ['rootElements', 'participants', 'messageFlows', 'flowElements', 'laneSets', 'lanes', 'artifacts']) {
        for (const child of (element[key] as Node[] | undefined) ?? []) visit(child);
      }
      if (element.childLaneSet) visit(element.childLaneSet);
    };
    visit(definitions as Node);
  }

  has(anchor: Anchor): boolean {
    return anchor.kind === 'identitas' || this.elements.has(anchor.elementId);
  }

  /** What the anchor is at this revision: name, type, lane, attributes and connections, or the field's value. */
  fingerprint(anchor: Anchor): string {
    if (anchor.kind === 'identitas') return JSON.stringify(readField(this.identity, anchor.field) ?? null);
    const element = this.elements.get(anchor.elementId);
    if (!element) return '';
    const ids = (list: Node[] | undefined) => (list ?? []).map((e) => String(e.id)).sort();
    return JSON.stringify({
      type: element.$type,
      name: element.name ?? element.text ?? '',
      documentation: ((element.documentation as Node[] | undefined) ?? []).map((d) => d.text ?? ''),
      attrs: element.$attrs ?? {},
      lane: this.laneOf.get(String(element.id)) ?? null,
      incoming: ids(element.incoming),
      outgoing: ids(element.outgoing),
      source: element.sourceRef?.id ?? null,
      target: element.targetRef?.id ?? null,
      condition: element.conditionExpression?.body ?? null,
    });
  }

  /** The SOP row number the element becomes at this revision, or null. */
  sopRow(anchor: Anchor): number | null {
    if (anchor.kind !== 'elemen') return null;
    if (!this.rows) {
      this.rows = new Map();
      try {
        for (const row of readProcedure(this.definitions).rows) if (row.no !== undefined && !this.rows.has(row.elementId)) this.rows.set(row.elementId, row.no);
      } catch {
        // A map the SOP layout cannot read (no process) has no rows; the thread still shows on the diagram.
      }
    }
    return this.rows.get(anchor.elementId) ?? null;
  }

  label(anchor: Anchor): string {
    if (anchor.kind === 'identitas') return `Identitas SOP: ${IDENTITY_FIELDS.find((f) => f.path === anchor.field)?.label ?? anchor.field}`;
    const element = this.elements.get(anchor.elementId);
    if (!element) return `Elemen ${anchor.elementId} (sudah dihapus)`;
    const type = TYPE_LABELS[element.$type] ?? 'Elemen';
    const name = String(element.name ?? element.text ?? '').trim();
    const row = this.sopRow(anchor);
    return `${type} ${name ? `“${name}”` : anchor.elementId}${row === null ? '' : ` (baris SOP ${row})`}`;
  }
}

function readField(identity: SopIdentityDraft | undefined, field: IdentityFieldPath): unknown {
  if (!identity) return undefined;
  if (field.startsWith('disahkanOleh.')) return identity.disahkanOleh?.[field.slice('disahkanOleh.'.length) as keyof NonNullable<SopIdentityDraft['disahkanOleh']>];
  return identity[field as Exclude<IdentityFieldPath, `disahkanOleh.${string}`>];
}
