// The SOP procedure part of a revision diff: rows (SOP-FORMAT.md §2) matched by the BPMN element they stand for,
// added, removed, or changed in their number, kegiatan, pelaksana, mutu baku or keterangan. Pure.
import type { Procedure, ProcedureRow } from '../../sop/layout/procedure.schema';
import type { RowColumn, RowFieldChange, SopRenumbering, SopRowChange } from './diff.schema';

/** Column labels as the SOP prints them. */
const COLUMNS: ReadonlyArray<{ column: RowColumn; label: string; read: (row: ProcedureRow, procedure: Procedure) => string | undefined }> = [
  { column: 'no', label: 'No.', read: (row) => (row.no === undefined ? undefined : String(row.no)) },
  { column: 'kegiatan', label: 'Kegiatan', read: (row) => row.kegiatan },
  { column: 'pelaksana', label: 'Pelaksana', read: (row, procedure) => procedure.columns[row.column]?.name },
  { column: 'kelengkapan', label: 'Kelengkapan', read: (row) => row.mutuBaku.kelengkapan },
  { column: 'waktu', label: 'Waktu', read: (row) => row.mutuBaku.waktu },
  { column: 'output', label: 'Output', read: (row) => row.mutuBaku.output },
  { column: 'keterangan', label: 'Keterangan', read: (row) => row.keterangan },
];

function fieldChanges(oldRow: ProcedureRow, oldProcedure: Procedure, newRow: ProcedureRow, newProcedure: Procedure): RowFieldChange[] {
  return COLUMNS.flatMap(({ column, label, read }) => {
    const oldValue = read(oldRow, oldProcedure) || undefined;
    const newValue = read(newRow, newProcedure) || undefined;
    if (oldValue === newValue) return [];
    return [{ column, label, ...(oldValue !== undefined ? { oldValue } : {}), ...(newValue !== undefined ? { newValue } : {}) }];
  });
}

/** Rows of `after` not in `before`, of `before` not in `after`, and rows in both that differ; in the newer order. */
export function sopRowDiff(before: Procedure, after: Procedure): SopRowChange[] {
  const oldRows = new Map(before.rows.map((row) => [row.elementId, row]));
  const newRows = new Map(after.rows.map((row) => [row.elementId, row]));
  const changes: SopRowChange[] = [];
  for (const row of after.rows) {
    const old = oldRows.get(row.elementId);
    if (!old) {
      changes.push({ elementId: row.elementId, change: 'added', kegiatan: row.kegiatan, newNo: row.no, fields: [] });
      continue;
    }
    const fields = fieldChanges(old, before, row, after);
    if (fields.length > 0) changes.push({ elementId: row.elementId, change: 'changed', kegiatan: row.kegiatan, oldNo: old.no, newNo: row.no, fields });
  }
  for (const row of before.rows) {
    if (!newRows.has(row.elementId)) changes.push({ elementId: row.elementId, change: 'removed', kegiatan: row.kegiatan, oldNo: row.no, fields: [] });
  }
  return changes;
}

/**
 * Takes the rows whose only change is their number out of `changes` and tells them as runs: consecutive old numbers
 * moved by the same amount make one run ("Baris SOP dinomori ulang: 5–12"), so one inserted step is one entry.
 */
export function collapseRenumbering(changes: SopRowChange[]): { rows: SopRowChange[]; renumbered: SopRenumbering[] } {
  const onlyNumber = (row: SopRowChange) =>
    row.change === 'changed' && row.oldNo !== undefined && row.newNo !== undefined && row.fields.length === 1 && row.fields[0]!.column === 'no';
  const moved = changes.filter(onlyNumber).sort((a, b) => a.oldNo! - b.oldNo!);
  const renumbered: SopRenumbering[] = [];
  for (const row of moved) {
    const run = renumbered.at(-1);
    if (run && row.oldNo === run.toNo + 1 && row.newNo! - row.oldNo! === run.newToNo - run.toNo) {
      run.toNo = row.oldNo!;
      run.newToNo = row.newNo!;
      run.count += 1;
      run.elementIds.push(row.elementId);
    } else {
      renumbered.push({ fromNo: row.oldNo!, toNo: row.oldNo!, newFromNo: row.newNo!, newToNo: row.newNo!, count: 1, elementIds: [row.elementId] });
    }
  }
  return { rows: changes.filter((row) => !onlyNumber(row)), renumbered };
}
