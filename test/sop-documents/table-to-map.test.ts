// A map built from an SOP's flowchart table gives that table back when its SOP is read (issue 17's round trip, format
// aside): for every map of processes/ and every MIWG file with lanes, the table its SOP prints → a new map → the
// table of that map's SOP: the same performers, activities, order, symbols, decisions and mutu baku.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { lintXml } from '../../server/lint/lint.service';
import { readProcedure } from '../../server/sop/layout/procedure';
import { procedureToTable } from '../../server/sop-documents/procedure-to-table';
import { SopTable } from '../../server/sop-documents/sop-table.schema';
import { tableToMap } from '../../server/sop-documents/table-to-map';
import { bpmnFilesUnder } from '../helpers/fixtures';
import { oneArrowDecisions, structure } from '../../server/sop-documents/table-structure';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIWG = path.resolve(ROOT, '../shared/corpus/miwg');

async function tableOf(xml: string): Promise<SopTable> {
  return procedureToTable(readProcedure((await parseBpmn(xml)).definitions));
}

const ours = bpmnFilesUnder(path.join(ROOT, 'processes'));
const miwgWithLanes = bpmnFilesUnder(MIWG).filter((file) => /<([\w-]+:)?lane[\s>]/.test(readFileSync(file, 'utf8')));

describe('an SOP table read back from the map built from it', () => {
  it('covers the maps it should', () => {
    expect(ours.length).toBeGreaterThanOrEqual(15);
    expect(miwgWithLanes.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of [...ours, ...miwgWithLanes]) {
    it(path.relative(path.dirname(ROOT), file), async () => {
      const table = await tableOf(readFileSync(file, 'utf8'));
      if (table.rows.length === 0) return;
      const xml = await tableToMap(table, { unit: 'Dinas Uji', name: 'Peta uji' });
      const back = await tableOf(xml);
      expect(structure(back)).toEqual(structure(table));
      for (const index of oneArrowDecisions(table)) expect(xml).toContain(`name="${table.rows[index]!.kegiatan}"`);
      // The map lints like any other: no rule fails on it.
      const { findings } = await lintXml(xml);
      expect(findings.filter((f) => f.message.startsWith('Aturan '))).toEqual([]);
    });
  }
});

describe('a table as a document reader gives it', () => {
  const table: SopTable = {
    name: 'Penerimaan Surat Masuk',
    columns: ['Kepala Puskesmas', 'Kepala Tata Usaha', 'Staf Tata Usaha'],
    rows: [
      { no: 1, kind: 'process', terminal: 'start', kegiatan: 'Menerima surat masuk', column: 2, mutuBaku: { kelengkapan: 'Surat masuk, lembar disposisi', waktu: '30 detik', output: 'Surat diterima' } },
      { no: 2, kind: 'decision', kegiatan: 'Memeriksa alamat surat', column: 1, mutuBaku: { waktu: '3 menit' }, keterangan: 'Bila surat salah alamat akan dikembalikan' },
      { no: 3, kind: 'process', kegiatan: 'Mengisi lembar disposisi', column: 0, mutuBaku: { output: 'Disposisi' } },
      { no: 4, kind: 'process', terminal: 'end', kegiatan: 'Mengarsipkan surat', column: 2, mutuBaku: {}, keterangan: 'Arsip di lemari TU' },
      { no: 5, kind: 'process', terminal: 'end', kegiatan: 'Mengembalikan surat', column: 2, mutuBaku: {} },
    ],
    links: [
      { from: 0, to: 1 },
      { from: 1, to: 2, label: 'Ya', answer: 'ya' },
      { from: 1, to: 4, label: 'Tidak', answer: 'tidak' },
      { from: 2, to: 3 },
    ],
    guesses: [],
  };

  it('becomes one pool of the unit, a lane per performer, each row in its lane, mutu baku as sk: attributes', async () => {
    const xml = await tableToMap(table, { unit: 'UPTD Puskesmas Tomoni Timur', name: 'tidak dipakai' });
    // Read as moddle builds it: a tree of plain properties.
    const definitions = (await parseBpmn(xml)).definitions as any;
    const [collaboration, process] = definitions.rootElements;
    expect(collaboration.participants.map((p: { name: string }) => p.name)).toEqual(['UPTD Puskesmas Tomoni Timur']);
    expect(process.name).toBe('Penerimaan Surat Masuk');
    const lanes = process.laneSets[0].lanes;
    expect(lanes.map((lane: { name: string }) => lane.name)).toEqual(table.columns);
    const laneOf = (name: string) => lanes.find((lane: { flowNodeRef: Array<{ name?: string }> }) => lane.flowNodeRef.some((node) => node.name === name)).name;
    expect(laneOf('Menerima surat masuk')).toBe('Staf Tata Usaha');
    expect(laneOf('Memeriksa alamat surat')).toBe('Kepala Tata Usaha');
    expect(laneOf('Mengisi lembar disposisi')).toBe('Kepala Puskesmas');
    const task = process.flowElements.find((e: { name?: string }) => e.name === 'Menerima surat masuk');
    expect(task.$type).toBe('bpmn:Task');
    expect([task.get('sk:requirements'), task.get('sk:time'), task.get('sk:output')]).toEqual(['Surat masuk, lembar disposisi', '30 detik', 'Surat diterima']);
    const gateway = process.flowElements.find((e: { name?: string }) => e.name === 'Memeriksa alamat surat');
    expect(gateway.$type).toBe('bpmn:ExclusiveGateway');
    expect(gateway.outgoing.map((flow: { name: string }) => flow.name)).toEqual(['Ya', 'Tidak']);
    expect(process.flowElements.filter((e: { $type: string }) => e.$type === 'bpmn:StartEvent')).toHaveLength(1);
    expect(process.flowElements.filter((e: { $type: string }) => e.$type === 'bpmn:EndEvent')).toHaveLength(2);
    // Every node and flow is drawn.
    const drawn = new Set(definitions.diagrams[0].plane.planeElement.map((di: { bpmnElement: { id: string } }) => di.bpmnElement.id));
    for (const element of process.flowElements) expect(drawn.has(element.id)).toBe(true);
  });

  it('prints the same SOP table again, the decision\'s Keterangan included', async () => {
    const back = await tableOf(await tableToMap(table, { unit: 'UPTD Puskesmas Tomoni Timur', name: 'x' }));
    expect(back.rows).toEqual(table.rows);
    expect(back.links).toEqual(table.links);
  });

  it('refuses a row outside the columns and a link to a row that does not exist', async () => {
    const broken = { ...table, rows: [{ ...table.rows[0]!, column: 3 }], links: [{ from: 0, to: 7 }] };
    await expect(tableToMap(broken, { unit: 'U', name: 'N' })).rejects.toThrow(/Kolom pelaksana 4 tidak ada[\s\S]*Baris 8 tidak ada/);
  });
});
