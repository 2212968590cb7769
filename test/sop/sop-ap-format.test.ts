// The SOP document as PermenPANRB 35/2012 draws it (issue 12, SOP-FORMAT.md §2, §4), on the maps of processes/, the
// MIWG files with lanes and small maps written here: terminators on the first and last activity rows, decisions with
// their mutu baku and the "Tidak" branch's Keterangan, "Ya"/"Tidak" spelt one way.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { allElements, parseBpmn } from '../../server/bpmn/moddle';
import { layoutSopDocument } from '../../server/sop/layout/document';
import type { Rect, SopDocument } from '../../server/sop/layout/document.schema';
import { readProcedure } from '../../server/sop/layout/procedure';
import { GRID_CLEARANCE_MIN_MM } from '../../server/sop/layout/page-geometry';
import { renderSop } from '../../server/sop/render/index';
import { MIWG_DIR, miwgFiles, readText, ROOT } from '../helpers/fixtures';

function processFiles(dir = path.join(ROOT, 'processes')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? processFiles(path.join(dir, entry.name)) : entry.name.endsWith('.bpmn') ? [path.join(dir, entry.name)] : []))
    .sort();
}

const definitionsOf = async (xml: string) => (await parseBpmn(xml)).definitions;
const elementById = (definitions: ModdleElement) => new Map([...allElements(definitions)].filter((e) => e.id).map((e) => [e.id!, e]));
const hasLanes = (definitions: ModdleElement) => [...allElements(definitions)].some((element) => element.$type === 'bpmn:Lane');

const REAL_MAPS = [
  ...processFiles().map((file) => [path.relative(ROOT, file), file] as const),
  ...(await Promise.all(miwgFiles().map(async (file) => [path.relative(MIWG_DIR, file), file, hasLanes(await definitionsOf(readText(file)))] as const)))
    .filter(([, , lanes]) => lanes)
    .map(([name, file]) => [name, file] as const),
];
/** The lintas fungsi and mekanisme kerja maps of the library and the templates: the maps SOPs are made of. */
const SOP_MAPS = processFiles().filter((file) => /library|lintas-fungsi|mekanisme-kerja/.test(file));

describe('terminators on the first and last activity rows (SOP-FORMAT.md §2, §4)', () => {
  it.each(REAL_MAPS)('%s: no event is a numbered row; numbers run 1…n over activities and decisions', async (_name, file) => {
    const definitions = await definitionsOf(readText(file));
    const { rows } = readProcedure(definitions);
    const byId = elementById(definitions);
    const numbered = rows.filter((row) => row.no !== undefined);
    expect(numbered.map((row) => row.no)).toEqual(numbered.map((_, i) => i + 1));
    for (const row of numbered) {
      const element = byId.get(row.elementId)!;
      expect(element.$instanceOf('bpmn:Activity') || element.$instanceOf('bpmn:Gateway'), `${row.elementId} numbered`).toBe(true);
    }
    for (const row of rows.filter((r) => r.kind === 'terminator')) {
      expect(row.no, `terminator ${row.elementId}`).toBeUndefined();
      expect(row.terminal).toBeDefined();
    }
    // A terminator stands alone only where no activity can carry it.
    for (const row of rows.filter((r) => r.kind === 'terminator' && r.terminal === 'start')) {
      const targets = row.connections.map((connection) => rows[connection.to]!);
      expect(targets.length === 1 && targets[0]!.kind === 'process' && !targets[0]!.terminal, `start ${row.elementId} could stand on ${targets[0]?.elementId}`).toBe(false);
    }
    for (const row of rows.filter((r) => r.kind === 'terminator' && r.terminal === 'end')) {
      const before = rows.filter((r) => r.connections.some((connection) => connection.to === row.index));
      expect(before.length, `end ${row.elementId} is reached`).toBeGreaterThan(0);
      expect(before.some((r) => r.kind === 'decision' || r.terminal === 'start' || r.connections.some((c) => !c.message && rows[c.to]!.kind !== 'terminator')), `end ${row.elementId} could stand on its activities`).toBe(true);
    }
  });

  it.each(SOP_MAPS.map((file) => [path.relative(ROOT, file), file]))('%s: the first row is the first activity drawn as the start, the last rows end', async (_name, file) => {
    const document = layoutSopDocument(await definitionsOf(readText(file)));
    const rows = document.procedure.rows;
    expect(rows[0]).toMatchObject({ kind: 'process', terminal: 'start', no: 1 });
    expect(rows.some((row) => row.kind === 'process' && row.terminal === 'end')).toBe(true);
    // Drawn as the kapsul, in the activity's own row.
    const first = document.pages[0]!.symbols.find((symbol) => symbol.id === 'row-0')!;
    expect(first.kind).toBe('terminator');
    expect(document.pages[0]!.bands.find((band) => band.kind === 'row')!.row).toBe(0);
  });

  it('renders the first and last activities as kapsul symbols with their numbers, and no "Mulai"/"Selesai" row', async () => {
    const definitions = await definitionsOf(readText(path.join(ROOT, 'processes/templates/mekanisme-kerja.bpmn')));
    const { html, document } = renderSop({ definitions });
    const last = document.procedure.rows.at(-1)!;
    expect(html).toContain('class="symbol" data-kind="terminator" data-row="0"');
    expect(html).toContain(`class="symbol" data-kind="terminator" data-row="${last.index}"`);
    expect(html.match(/data-kind="terminator"/g)).toHaveLength(2);
    expect(html).not.toContain('Tahun anggaran dimulai');
    expect(html).toMatch(/class="cell body center"[^>]*>1<\/div><div class="cell body left"[^>]*>Menyusun dan menetapkan perjanjian kinerja</);
  });
});

// ---- small maps written here ----

interface Spec {
  lanes: Array<[string, string[]]>;
  nodes: Array<[id: string, type: string, name?: string, attrs?: string, body?: string]>;
  flows: Array<[source: string, target: string, name?: string, attrs?: string, body?: string]>;
  artifacts?: string;
}

function bpmn({ lanes, nodes, flows, artifacts = '' }: Spec): string {
  const laneXml = lanes.map(([name, refs], i) => `<bpmn:lane id="Lane_${i}" name="${name}">${refs.map((ref) => `<bpmn:flowNodeRef>${ref}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`).join('');
  const nodeXml = nodes.map(([id, type, name, attrs, body]) => `<bpmn:${type} id="${id}"${name ? ` name="${name}"` : ''} ${attrs ?? ''}>${body ?? ''}</bpmn:${type}>`).join('');
  const flowXml = flows
    .map(([source, target, name, attrs, body], i) => `<bpmn:sequenceFlow id="Flow_${i}" sourceRef="${source}" targetRef="${target}"${name ? ` name="${name}"` : ''} ${attrs ?? ''}>${body ?? ''}</bpmn:sequenceFlow>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:collaboration id="C"><bpmn:participant id="Pool" name="Bagian Umum" processRef="P" /></bpmn:collaboration>
  <bpmn:process id="P" isExecutable="false"><bpmn:laneSet id="LS">${laneXml}</bpmn:laneSet>${nodeXml}${flowXml}${artifacts}</bpmn:process>
</bpmn:definitions>`;
}

/** Surat masuk (the guideline's own example): a check whose "Tidak" answer returns the letter. */
function suratMasuk(decision: { attrs?: string; body?: string; yes?: string; no?: string; noAttrs?: string; noBody?: string; artifacts?: string }): string {
  return bpmn({
    lanes: [
      ['Kepala Tata Usaha', ['S', 'Terima', 'G', 'Kembalikan', 'E2']],
      ['Staf Tata Usaha', ['Catat', 'E']],
    ],
    nodes: [
      ['S', 'startEvent', 'Surat masuk'],
      ['Terima', 'task', 'Menerima surat masuk'],
      ['G', 'exclusiveGateway', 'Alamat surat benar?', decision.attrs, decision.body],
      ['Catat', 'task', 'Mencatat surat dalam agenda'],
      ['Kembalikan', 'task', 'Mengembalikan surat kepada pengirim'],
      ['E', 'endEvent', 'Surat tercatat'],
      ['E2', 'endEvent'],
    ],
    flows: [
      ['S', 'Terima'],
      ['Terima', 'G'],
      ['G', 'Catat', decision.yes ?? 'Ya'],
      ['G', 'Kembalikan', decision.no ?? 'Tidak', decision.noAttrs, decision.noBody],
      ['Catat', 'E'],
      ['Kembalikan', 'E2'],
    ],
    ...(decision.artifacts ? { artifacts: decision.artifacts } : {}),
  });
}

/** The labels of the arrows as the HTML prints them, their wrapped lines joined. */
const arrowLabels = (html: string) => [...html.matchAll(/<text class="arrow-label"[^>]*>(.*?)<\/text>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());

const decisionOf = async (xml: string) => readProcedure(await definitionsOf(xml)).rows.find((row) => row.kind === 'decision')!;

describe('decision rows: mutu baku and the "Tidak" branch in Keterangan (SOP-FORMAT.md §2)', () => {
  it('reads the mutu baku of a decision declared with sk: attributes', async () => {
    const row = await decisionOf(suratMasuk({ attrs: 'sk:requirements="Surat masuk, lembar disposisi" sk:time="30 detik" sk:output="Surat diperiksa"' }));
    expect(row.mutuBaku).toEqual({ kelengkapan: 'Surat masuk, lembar disposisi', waktu: '30 detik', output: 'Surat diperiksa' });
  });

  it('infers the mutu baku of a decision from an annotation linked to it', async () => {
    const artifacts =
      '<bpmn:textAnnotation id="Note"><bpmn:text>Kelengkapan: Surat masuk\nWaktu: 1 menit\nOutput: Surat diperiksa</bpmn:text></bpmn:textAnnotation>' +
      '<bpmn:association id="Assoc" sourceRef="G" targetRef="Note" />';
    const row = await decisionOf(suratMasuk({ artifacts }));
    expect(row.mutuBaku).toEqual({ kelengkapan: 'Surat masuk', waktu: '1 menit', output: 'Surat diperiksa' });
  });

  it('prints the "Tidak" branch as written on its flow: sk:note, else documentation', async () => {
    const declared = await decisionOf(suratMasuk({ noAttrs: 'sk:note="Bila surat salah alamat akan dikembalikan"' }));
    expect(declared.keterangan).toBe('Bila surat salah alamat akan dikembalikan');
    const documented = await decisionOf(suratMasuk({ noBody: '<bpmn:documentation>Bila surat salah alamat akan dikembalikan</bpmn:documentation>' }));
    expect(documented.keterangan).toBe('Bila surat salah alamat akan dikembalikan');
    // The decision's own note comes first.
    const both = await decisionOf(suratMasuk({ body: '<bpmn:documentation>Diperiksa alamat dan perihalnya</bpmn:documentation>', noAttrs: 'sk:note="Bila salah alamat, surat dikembalikan"' }));
    expect(both.keterangan).toBe('Diperiksa alamat dan perihalnya. Bila salah alamat, surat dikembalikan');
  });

  it('says where an undocumented "Tidak" branch goes: on, back, or the end', async () => {
    const forward = await decisionOf(suratMasuk({}));
    expect(forward).toMatchObject({ no: 2, keterangan: 'Bila tidak, lanjut ke No. 4.' });
    const rework = readProcedure(
      await definitionsOf(
        bpmn({
          lanes: [['Staf', ['S', 'Susun', 'G', 'E']]],
          nodes: [
            ['S', 'startEvent'],
            ['Susun', 'task', 'Menyusun konsep'],
            ['G', 'exclusiveGateway', 'Konsep benar?'],
            ['E', 'endEvent'],
          ],
          flows: [
            ['S', 'Susun'],
            ['Susun', 'G'],
            ['G', 'E', 'ya'],
            ['G', 'Susun', 'TIDAK'],
          ],
        }),
      ),
    );
    expect(rework.rows.map(({ no, kind, terminal }) => ({ no, kind, terminal }))).toEqual([
      { no: 1, kind: 'process', terminal: 'start' },
      { no: 2, kind: 'decision', terminal: undefined },
      { no: undefined, kind: 'terminator', terminal: 'end' },
    ]);
    expect(rework.rows[1]!.keterangan).toBe('Bila tidak, kembali ke No. 1.');
    const ending = readProcedure(
      await definitionsOf(
        bpmn({
          lanes: [['Staf', ['S', 'Periksa', 'G', 'Proses', 'E', 'E2']]],
          nodes: [
            ['S', 'startEvent'],
            ['Periksa', 'task', 'Memeriksa berkas'],
            ['G', 'exclusiveGateway', 'Berkas lengkap?'],
            ['Proses', 'task', 'Memproses berkas'],
            ['E', 'endEvent'],
            ['E2', 'endEvent', 'Berkas ditolak'],
          ],
          flows: [
            ['S', 'Periksa'],
            ['Periksa', 'G'],
            ['G', 'Proses', 'Lengkap'],
            ['G', 'E2', 'Tidak lengkap'],
            ['Proses', 'E'],
          ],
        }),
      ),
    );
    expect(ending.rows.find((row) => row.kind === 'decision')!.keterangan).toBe('Bila "Tidak lengkap", proses selesai.');
  });
});

describe('"Ya" and "Tidak" spelt one way', () => {
  it('prints a decision\'s answers as "Ya" and "Tidak" however the map writes them', async () => {
    for (const [yes, no] of [
      ['ya', 'tidak'],
      ['YA', 'TIDAK'],
      ['Ya.', 'Tidak!'],
    ] as const) {
      const definitions = await definitionsOf(suratMasuk({ yes, no }));
      const { html, document } = renderSop({ definitions });
      const decision = document.procedure.rows.find((row) => row.kind === 'decision')!;
      expect(decision.connections.map((connection) => connection.label)).toEqual(['Ya', 'Tidak']);
      expect(arrowLabels(html).sort()).toEqual(['Tidak', 'Ya']);
    }
  });

  it('keeps other answers as written, with a capital', async () => {
    const decision = await decisionOf(suratMasuk({ yes: 'lengkap', no: 'tidak lengkap' }));
    expect(decision.connections.map((connection) => connection.label)).toEqual(['Lengkap', 'Tidak lengkap']);
  });

  it.each(REAL_MAPS)('%s: no answer printed as "ya"/"tidak" in other spellings', async (_name, file) => {
    const { html } = renderSop({ definitions: await definitionsOf(readText(file)) });
    const labels = arrowLabels(html);
    for (const label of labels) if (/^(ya|tidak)$/i.test(label.replace(/[^\p{L}]/gu, ''))) expect(['Ya', 'Tidak']).toContain(label);
    const text = html.replace(/<[^>]+>/g, ' ');
    expect(text).not.toMatch(/\b(ya\/tidak|YA|TIDAK)\b/);
  });
});

// ---- the flowchart's geometry ----

/** Clearance an arrow keeps from a grid line it runs beside (1.5 mm; down the narrow gutters of many portrait columns, 1.2). */
const GRID_CLEARANCE = GRID_CLEARANCE_MIN_MM;

function checkPages(document: SopDocument): void {
  const rows = document.procedure.rows;
  const columnLines = [...new Set(document.table.columns.flatMap((column) => [column.x, column.x + column.width]))];
  for (const page of document.pages) {
    // Every band of the table is a row of the procedure: an off-page connector stands in the row it belongs to (the
    // row the flow resumes at, or leaves from), no row of its own (issue 15 item 9).
    expect(page.bands.map((band) => band.row)).toEqual(page.rows);
    for (const connector of page.symbols.filter((symbol) => symbol.kind === 'off-page-connector')) {
      const band = page.bands.find((b) => connector.y >= b.y - EPS && connector.y + connector.height <= b.y + b.height + EPS);
      expect(band, `${connector.id} inside a row`).toBeDefined();
      const pair = document.connectors.find((known) => known.label === connector.connector!.label)!;
      expect(band!.row, `${connector.id} in its row`).toBe(connector.connector!.direction === 'in' ? pair.toRow : pair.fromRow);
    }
    // No page holds only the end: end terminators standing alone and at most one activity drawn as the end.
    const onlyTheEnd = page.rows.every((index) => rows[index]!.terminal === 'end') && page.rows.filter((index) => rows[index]!.kind !== 'terminator').length <= 1;
    if (page.number > 1) expect(onlyTheEnd, `page ${page.number} holds only the end`).toBe(false);
    // Labels: each inside one performer cell of one row, whole, and clear of every arrow, symbol and other label.
    const boxes: Rect[] = [];
    for (const arrow of page.arrows.filter((a) => a.label)) {
      const { box, lines, text } = arrow.label!;
      expect(lines.join(' ').replace(/-\s/g, '-'), `${arrow.id} label whole`).toBe(text.replace(/\s+/g, ' '));
      const column = document.table.columns.find((c) => c.key === 'pelaksana' && box.x >= c.x - EPS && box.x + box.width <= c.x + c.width + EPS);
      expect(column, `${arrow.id} label "${text}" inside one performer column`).toBeDefined();
      const row = page.bands.find((band) => box.y >= band.y - EPS && box.y + box.height <= band.y + band.height + EPS);
      expect(row, `${arrow.id} label inside one row`).toBeDefined();
      // Near its arrow: in the row it leaves or a row it passes through (on landscape paper, the practice; portrait
      // performer columns of 16 mm can leave a long label no free place beside its arrow).
      const ys = arrow.points.map((point) => point.y);
      const beside = row!.y <= Math.max(...ys) + EPS && row!.y + row!.height >= Math.min(...ys) - EPS;
      if (document.settings.orientation === 'landscape') expect(beside, `${arrow.id} label "${text}" beside its arrow`).toBe(true);
      for (const other of page.arrows) {
        for (let i = 1; i < other.points.length; i += 1) expect(passesThrough(other.points[i - 1]!, other.points[i]!, box), `${other.id} strikes the label "${text}" of ${arrow.id}`).toBe(false);
      }
      for (const symbol of page.symbols) expect(overlap(symbol, box), `${symbol.id} over the label "${text}"`).toBe(false);
      for (const other of boxes) expect(overlap(other, box), `labels over each other: "${text}"`).toBe(false);
      boxes.push(box);
    }
    // No arrow runs along a grid line: a segment keeps its clearance from every grid line parallel to it.
    const rowLines = [document.table.y + document.table.headerHeight, ...page.bands.map((band) => band.y + band.height)];
    for (const arrow of page.arrows) {
      for (let i = 1; i < arrow.points.length; i += 1) {
        const [a, b] = [arrow.points[i - 1]!, arrow.points[i]!];
        if (Math.abs(a.x - b.x) < EPS && Math.abs(a.y - b.y) > EPS) {
          for (const x of columnLines) expect(Math.abs(a.x - x), `${arrow.id} along the column line at ${x.toFixed(1)} on page ${page.number}`).toBeGreaterThanOrEqual(GRID_CLEARANCE);
        }
        if (Math.abs(a.y - b.y) < EPS && Math.abs(a.x - b.x) > EPS) {
          for (const y of rowLines) expect(Math.abs(a.y - y), `${arrow.id} along the row line at ${y.toFixed(1)} on page ${page.number}`).toBeGreaterThanOrEqual(GRID_CLEARANCE);
        }
      }
    }
  }
}

const EPS = 0.01;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
/** Whether an axis-parallel segment passes through the inside of a rectangle. */
function passesThrough(a: { x: number; y: number }, b: { x: number; y: number }, rect: Rect): boolean {
  return Math.min(a.x, b.x) < rect.x + rect.width - EPS && Math.max(a.x, b.x) > rect.x + EPS && Math.min(a.y, b.y) < rect.y + rect.height - EPS && Math.max(a.y, b.y) > rect.y + EPS;
}

describe('the laid-out flowchart (issue 12)', () => {
  it.each(REAL_MAPS)('%s: connectors share rows, no page of only the end, no arrow along a grid line, labels in their column', async (_name, file) => {
    const definitions = await definitionsOf(readText(file));
    for (const settings of [{}, { maxRowsPerPage: 4 }, { maxRowsPerPage: 5, paper: 'F4' as const }, { maxRowsPerPage: 8, paper: 'F4' as const, orientation: 'portrait' as const }, { orientation: 'portrait' as const }]) {
      checkPages(layoutSopDocument(definitions, {}, settings));
    }
  });

  it('gives the rows before the end to a page that would hold only the end', async () => {
    const tasks = Array.from({ length: 10 }, (_, i) => `T${i + 1}`);
    const xml = bpmn({
      lanes: [
        ['Kepala Bagian', ['S', 'G', 'E', ...tasks.filter((_, i) => i % 2 === 0)]],
        ['Staf', tasks.filter((_, i) => i % 2 === 1)],
      ],
      nodes: [['S', 'startEvent'], ...tasks.map((id) => [id, 'task', `Mengerjakan langkah ${id.slice(1)}`] as [string, string, string]), ['G', 'exclusiveGateway', 'Selesai?'], ['E', 'endEvent']],
      flows: [['S', 'T1'], ...tasks.slice(1).map((id, i) => [tasks[i]!, id] as [string, string]), ['T10', 'G'], ['G', 'E', 'Ya'], ['G', 'T2', 'Tidak']],
    });
    // T1…T10, the decision and the end standing alone: twelve rows, four to a page would leave… no page of the end only.
    for (const maxRowsPerPage of [3, 4, 5, 11]) {
      const document = layoutSopDocument(await definitionsOf(xml), {}, { maxRowsPerPage });
      checkPages(document);
      expect(document.pages.flatMap((page) => page.rows)).toHaveLength(12);
      expect(document.pages.at(-1)!.rows.length).toBeGreaterThanOrEqual(2);
    }
    const greedy = layoutSopDocument(await definitionsOf(xml), {}, { maxRowsPerPage: 11 });
    expect(greedy.pages.map((page) => page.rows.length)).toEqual([10, 2]);
  });
});
