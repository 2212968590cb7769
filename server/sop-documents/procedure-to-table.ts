// The flowchart table an SOP prints for a map's procedure (server/sop/layout/procedure.ts), in the form a document
// reader produces: what a printed or exported SOP holds, and so what reading it back must give again (issue 17's round trip).
import type { Procedure } from '../sop/layout/procedure.schema';
import { SopTable } from './sop-table.schema';

export function procedureToTable(procedure: Procedure): SopTable {
  return SopTable.parse({
    ...(procedure.name ? { name: procedure.name } : {}),
    columns: procedure.columns.map((column) => column.name),
    rows: procedure.rows.map((row) => ({
      ...(row.no === undefined ? {} : { no: row.no }),
      kind: row.kind,
      ...(row.terminal ? { terminal: row.terminal } : {}),
      kegiatan: row.kegiatan,
      column: row.column,
      mutuBaku: row.mutuBaku,
      ...(row.keterangan ? { keterangan: row.keterangan } : {}),
    })),
    links: procedure.rows.flatMap((row) =>
      row.connections.map((connection) => ({
        from: row.index,
        to: connection.to,
        ...(connection.label ? { label: connection.label } : {}),
        ...(connection.answer ? { answer: connection.answer } : {}),
      })),
    ),
    guesses: [],
  });
}
