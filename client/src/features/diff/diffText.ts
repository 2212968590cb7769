// How the changes of a revision diff read in Bahasa Indonesia: change names, element kinds, and "old → new" lines.
// Pure: no DOM, no bpmn-js (the element-type dictionary is passed in), so that it is tested on its own.
import type { ElementChange, ElementChangeKind, FlowEnds, IdentityFieldChange, SopRenumbering, SopRowChange } from '../../api/types';

export const CHANGE_LABELS: Record<ElementChangeKind, string> = {
  added: 'Ditambahkan',
  removed: 'Dihapus',
  changed: 'Diubah',
  moved: 'Dipindahkan',
};

/** The legend: what each colour on the two diagrams means. */
export const LEGEND: ReadonlyArray<{ kind: ElementChangeKind; label: string }> = [
  { kind: 'added', label: 'Ditambahkan (hanya di revisi baru)' },
  { kind: 'removed', label: 'Dihapus (hanya di revisi lama)' },
  { kind: 'changed', label: 'Diubah' },
  { kind: 'moved', label: 'Dipindahkan (lajur atau posisi)' },
];

const quoted = (value: string | string[] | undefined): string =>
  value === undefined ? '(kosong)' : Array.isArray(value) ? value.map((item) => `“${item}”`).join('; ') : `“${value}”`;

/** "Nama: “lama” → “baru”". */
export function valueChangeLine(label: string, oldValue: string | string[] | undefined, newValue: string | string[] | undefined): string {
  return `${label}: ${quoted(oldValue)} → ${quoted(newValue)}`;
}

/** A flow's end: the server's label (its name, or kind and place when unnamed), never a bare id when it has one. */
const endName = (ends: FlowEnds, end: 'source' | 'target'): string => {
  const label = end === 'source' ? ends.sourceLabel : ends.targetLabel;
  if (label) return label;
  const name = end === 'source' ? ends.sourceName : ends.targetName;
  const id = end === 'source' ? ends.sourceId : ends.targetId;
  return quoted(name ?? id ?? '(tidak tersambung)');
};

/** The detail lines of an element's change, in the order a reader checks them. */
export function elementChangeLines(change: ElementChange, typeLabel: (type: string) => string): string[] {
  const lines = change.attributes.map((attribute) =>
    attribute.property === '$type'
      ? valueChangeLine(attribute.label, attribute.oldValue && typeLabel(attribute.oldValue), attribute.newValue && typeLabel(attribute.newValue))
      : valueChangeLine(attribute.label, attribute.oldValue, attribute.newValue),
  );
  if (change.reconnected) {
    const { from, to } = change.reconnected;
    if (from.sourceId !== to.sourceId) lines.push(`Sumber alur: ${endName(from, 'source')} → ${endName(to, 'source')}`);
    if (from.targetId !== to.targetId) lines.push(`Tujuan alur: ${endName(from, 'target')} → ${endName(to, 'target')}`);
  }
  if (change.lane) {
    lines.push(`Lajur: ${quoted(change.lane.from.laneName ?? change.lane.from.laneId ?? '(tanpa lajur)')} → ${quoted(change.lane.to.laneName ?? change.lane.to.laneId ?? '(tanpa lajur)')}`);
  }
  if (change.layoutChanged) lines.push('Posisi atau ukuran di diagram berubah');
  return lines;
}

const FLOW_TYPES = new Set(['bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Association', 'bpmn:DataInputAssociation', 'bpmn:DataOutputAssociation']);

/**
 * "Tugas “Memeriksa berkas”"; a flow by its ends ("Alur Urutan: “Menyusun …” → “Memeriksa …”", its name first when it
 * has one); an unnamed element by its kind and place ("Gerbang tanpa nama ke-1"). The id only when nothing else is known.
 */
export function elementTitle(change: ElementChange, typeLabel: (type: string) => string): string {
  const kind = typeLabel(change.type);
  if (FLOW_TYPES.has(change.type) && change.label) return `${kind}${change.name ? ` “${change.name}”` : ''}: ${change.label}`;
  if (change.name) return `${kind} “${change.name}”`;
  return change.label ?? `${kind} (${change.elementId})`;
}

/** "“lama” → “baru”": the field's label is the entry's title already. */
export function identityChangeLine(change: IdentityFieldChange): string {
  return `${quoted(change.oldValue)} → ${quoted(change.newValue)}`;
}

/** "No. 3 → 4: “Menerbitkan surat tugas”". */
export function rowTitle(row: SopRowChange): string {
  const no = row.oldNo !== undefined && row.newNo !== undefined && row.oldNo !== row.newNo ? `No. ${row.oldNo} → ${row.newNo}` : `No. ${row.newNo ?? row.oldNo}`;
  return `${no}: “${row.kegiatan}”`;
}

export function rowChangeLines(row: SopRowChange): string[] {
  return row.fields.filter((field) => field.column !== 'no').map((field) => valueChangeLine(field.label, field.oldValue, field.newValue));
}

/** "Baris SOP dinomori ulang: 5–12" (old numbers), one entry for a whole run of rows moved by one inserted step. */
export function renumberingTitle(run: SopRenumbering): string {
  return `Baris SOP dinomori ulang: ${run.fromNo === run.toNo ? run.fromNo : `${run.fromNo}–${run.toNo}`}`;
}

/** "Menjadi No. 6–13 (8 baris, nomor +1): ada baris yang ditambahkan atau dihapus sebelumnya". */
export function renumberingLine(run: SopRenumbering): string {
  const shift = run.newFromNo - run.fromNo;
  const to = run.newFromNo === run.newToNo ? `No. ${run.newFromNo}` : `No. ${run.newFromNo}–${run.newToNo}`;
  return `Menjadi ${to} (${run.count} baris, nomor ${shift > 0 ? '+' : '−'}${Math.abs(shift)}): ada baris yang ditambahkan atau dihapus sebelumnya`;
}
