// The SOP says what it draws (issue 14 item 7): an expanded sub-process's frame is not drawn, so its name is printed
// as the heading of its rows (nested ones as a path); an event on the frame's border is reached from inside the frame,
// never from the answer leading into it, so that answer does not seem to end the process.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { layoutSopDocument } from '../../server/sop/layout/document';
import { readProcedure } from '../../server/sop/layout/procedure';
import type { ProcedureRow } from '../../server/sop/layout/procedure.schema';
import { MIWG_DIR, readText, ROOT } from '../helpers/fixtures';

const FIXTURE = path.join(ROOT, 'test/sop/fixtures/subprocess-frames.bpmn');

async function documentOf(file: string) {
  const { definitions } = await parseBpmn(readText(file));
  return layoutSopDocument(definitions);
}

const byId = (rows: ProcedureRow[], id: string) => rows.find((row) => row.elementId === id)!;
/** Where a row's connections lead: the element ids of their rows, with the label. */
const targets = (rows: ProcedureRow[], row: ProcedureRow) => row.connections.map((connection) => [connection.label, rows[connection.to]!.elementId]);

describe('expanded sub-processes in the SOP', () => {
  it('heads the first row of each run of rows in a sub-process with its name, nested ones as a path', async () => {
    const document = await documentOf(FIXTURE);
    const rows = document.procedure.rows;
    expect(rows.map((row) => [row.elementId, row.heading ?? null])).toEqual([
      ['Terima', null],
      ['Lengkap', null],
      ['Periksa', 'Subproses: Verifikasi Permohonan'],
      ['Lokasi', 'Subproses: Verifikasi Permohonan › Peninjauan Lapangan'],
      ['BeritaAcara', null],
      // Back in the outer frame after the inner one: its name again.
      ['Sesuai', 'Subproses: Verifikasi Permohonan'],
      ['Tandatangani', null],
      ['EndDitolak', null],
      ['Lapor', null],
      ['Kembalikan', null],
    ]);
    expect(byId(rows, 'BeritaAcara').frames).toEqual(['Verifikasi Permohonan', 'Peninjauan Lapangan']);
    expect(byId(rows, 'Tandatangani').frames).toEqual([]);
    // The Kegiatan cell carries the heading and the depth of its rules; the row is tall enough for both.
    const kegiatan = document.table.columns.find((column) => column.key === 'kegiatan')!;
    const cells = document.pages.flatMap((page) => page.cells.filter((cell) => cell.x === kegiatan.x));
    const cellOf = (text: string) => cells.find((cell) => cell.text === text)!;
    expect(cellOf('Meninjau lokasi usaha')).toMatchObject({ heading: 'Subproses: Verifikasi Permohonan › Peninjauan Lapangan', depth: 2 });
    expect(cellOf('Memeriksa dokumen teknis')).toMatchObject({ heading: 'Subproses: Verifikasi Permohonan', depth: 1 });
    expect(cellOf('Menandatangani izin usaha').depth).toBeUndefined();
    expect(cellOf('Menandatangani izin usaha').heading).toBeUndefined();
  });

  it('reaches the events on a frame\'s border from inside it: the answer into the frame does not end the process', async () => {
    const rows = (await documentOf(FIXTURE)).procedure.rows;
    // "Ya" leads into the frame, to its first row only — not to the end its error event leads to, nor to the report.
    expect(targets(rows, byId(rows, 'Lengkap'))).toEqual([
      ['Ya', 'Periksa'],
      ['Tidak', 'Kembalikan'],
    ]);
    // The error thrown inside reaches the end through the border event; the frame's normal exit is the "Ya" branch.
    expect(targets(rows, byId(rows, 'Sesuai'))).toEqual([
      ['Ya', 'Tandatangani'],
      ['Tidak', 'EndDitolak'],
    ]);
    // The timer may fire while the frame runs: it leaves from the frame's first row, labelled with its name.
    expect(targets(rows, byId(rows, 'Periksa'))).toEqual([
      [undefined, 'Lokasi'],
      ['Lewat 5 hari', 'Lapor'],
    ]);
  });

  it('reads the MIWG "Checkout" frame (C.2.0) so: "Done Shopping?" leads into Checkout, not to the end', async () => {
    const rows = (await documentOf(path.join(MIWG_DIR, 'reference/C.2.0.bpmn'))).procedure.rows;
    const done = rows.find((row) => row.kegiatan === 'Done Shopping?')!;
    for (const connection of done.connections) expect(rows[connection.to]!.kind, `${connection.label} → ${rows[connection.to]!.kegiatan}`).not.toBe('terminator');
    expect(done.connections.map((connection) => [connection.label, rows[connection.to]!.kegiatan])).toEqual([
      ['Ya', 'Pay Order'],
      ['Tidak', 'Browse Products on Amazon'],
    ]);
    expect(rows.find((row) => row.kegiatan === 'Pay Order')!.heading).toBe('Subproses: Checkout');
    // "Retry?" "No" (printed "Tidak") throws the error the frame's border catches: the process ends there, it does not go on to ship.
    const retry = rows.find((row) => row.kegiatan === 'Retry?')!;
    expect(retry.connections.map((connection) => [connection.label, rows[connection.to]!.kind])).toEqual([
      ['Ya', 'process'],
      ['Tidak', 'terminator'],
    ]);
  });

  it('follows a link event to its catching twin, and says where a flow stops at an element it does not draw', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:startEvent id="S" /><bpmn:task id="A" name="Memeriksa surat masuk" />
    <bpmn:exclusiveGateway id="G" name="Surat lengkap?" />
    <bpmn:intermediateThrowEvent id="ToArsip" name="Ke arsip"><bpmn:linkEventDefinition id="L1" name="Arsip" /></bpmn:intermediateThrowEvent>
    <bpmn:intermediateCatchEvent id="FromArsip" name="Dari loket"><bpmn:linkEventDefinition id="L2" name="Arsip" /></bpmn:intermediateCatchEvent>
    <bpmn:task id="Arsip" name="Mengarsipkan surat" /><bpmn:endEvent id="E" />
    <bpmn:intermediateThrowEvent id="Lost" />
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="A" /><bpmn:sequenceFlow id="F2" sourceRef="A" targetRef="G" />
    <bpmn:sequenceFlow id="F3" name="Ya" sourceRef="G" targetRef="ToArsip" /><bpmn:sequenceFlow id="F4" name="Tidak" sourceRef="G" targetRef="Lost" />
    <bpmn:sequenceFlow id="F5" sourceRef="FromArsip" targetRef="Arsip" /><bpmn:sequenceFlow id="F6" sourceRef="Arsip" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>`;
    const procedure = readProcedure((await parseBpmn(xml)).definitions);
    const rows = procedure.rows;
    expect(targets(rows, byId(rows, 'G'))).toEqual([['Ya', 'Arsip']]);
    expect(byId(rows, 'G').connections[0]!.flowIds).toEqual(['F3', 'F5']);
    expect(procedure.warnings).toContain(
      'Alur dari No. 2 "Surat lengkap?" berhenti di Peristiwa tanpa nama ke-3, yang tidak digambar di SOP dan tidak berlanjut ke mana pun; hubungkan ke kegiatan berikutnya atau ke peristiwa akhir.',
    );
  });

  it('lets an error event on a frame\'s border that nothing inside throws leave from the frame\'s first rows', async () => {
    const xml = readText(FIXTURE).replace(/<bpmn:endEvent id="Tolak"[\s\S]*?<\/bpmn:endEvent>/, '<bpmn:endEvent id="Tolak" name="Tolak permohonan" />');
    const rows = readProcedure((await parseBpmn(xml)).definitions).rows;
    // Raised by a task's implementation: it may come at any time the frame runs, like the timer.
    expect(targets(rows, byId(rows, 'Periksa'))).toEqual([
      [undefined, 'Lokasi'],
      ['Ditolak', 'EndDitolak'],
      ['Lewat 5 hari', 'Lapor'],
    ]);
    expect(targets(rows, byId(rows, 'Lengkap'))).toEqual([
      ['Ya', 'Periksa'],
      ['Tidak', 'Kembalikan'],
    ]);
  });

  it('repeats the heading on the first row of a page that opens inside a sub-process', async () => {
    const { definitions } = await parseBpmn(readText(FIXTURE));
    const document = layoutSopDocument(definitions, {}, { maxRowsPerPage: 4 });
    const kegiatan = document.table.columns.find((column) => column.key === 'kegiatan')!;
    const firstCells = document.pages.map((page) => page.cells.find((cell) => cell.x === kegiatan.x)!);
    expect(document.pages[1]!.rows[0]).toBe(byId(document.procedure.rows, 'BeritaAcara').index);
    expect(firstCells[1]).toMatchObject({ text: 'Menyusun berita acara peninjauan', heading: 'Subproses: Verifikasi Permohonan › Peninjauan Lapangan', depth: 2 });
    // The procedure's own heading stays on the first row of the run.
    expect(byId(document.procedure.rows, 'BeritaAcara').heading).toBeUndefined();
  });
});
