// How the changes of a revision diff read in Bahasa Indonesia: change names, element kinds, and "old → new" lines.
// Pure: no DOM, no bpmn-js (the element-type dictionary is passed in), so that it is tested on its own.
import type { ElementChange, ElementChangeKind, IdentityFieldChange, SopRowChange } from '../../api/types';

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

const endName = (id: string | undefined, name: string | undefined) => name ?? id ?? '(tidak tersambung)';

/** The detail lines of an element's change, in the order a reader checks them. */
export function elementChangeLines(change: ElementChange, typeLabel: (type: string) => string): string[] {
  const lines = change.attributes.map((attribute) =>
    attribute.property === '$type'
      ? valueChangeLine(attribute.label, attribute.oldValue && typeLabel(attribute.oldValue), attribute.newValue && typeLabel(attribute.newValue))
      : valueChangeLine(attribute.label, attribute.oldValue, attribute.newValue),
  );
  if (change.reconnected) {
    const { from, to } = change.reconnected;
    if (from.sourceId !== to.sourceId) lines.push(`Sumber alur: ${quoted(endName(from.sourceId, from.sourceName))} → ${quoted(endName(to.sourceId, to.sourceName))}`);
    if (from.targetId !== to.targetId) lines.push(`Tujuan alur: ${quoted(endName(from.targetId, from.targetName))} → ${quoted(endName(to.targetId, to.targetName))}`);
  }
  if (change.lane) {
    lines.push(`Lajur: ${quoted(change.lane.from.laneName ?? change.lane.from.laneId ?? '(tanpa lajur)')} → ${quoted(change.lane.to.laneName ?? change.lane.to.laneId ?? '(tanpa lajur)')}`);
  }
  if (change.layoutChanged) lines.push('Posisi atau ukuran di diagram berubah');
  return lines;
}

/** "Tugas “Memeriksa berkas”", or the kind and id when the element has no name. */
export function elementTitle(change: ElementChange, typeLabel: (type: string) => string): string {
  return change.name ? `${typeLabel(change.type)} “${change.name}”` : `${typeLabel(change.type)} (${change.elementId})`;
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
