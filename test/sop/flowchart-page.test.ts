// The SOP flowchart page (issue 15 item 9), on the computed layout: one spelling of the answers in the whole document,
// no connector along a grid line, off-page connectors inside the rows they belong to, no last page of a row or two
// standing alone.
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import { besideColumns, layoutSopDocument } from '../../server/sop/layout/document';
import type { SopDocument } from '../../server/sop/layout/document.schema';
import { isShortened, shortenedLabelWarnings } from '../../server/sop/layout/label-notes';
import { placeLabel } from '../../server/sop/layout/labels';
import { GRID_CLEARANCE_MM, tableLayout } from '../../server/sop/layout/page-geometry';
import { MIWG_DIR, readText, ROOT } from '../helpers/fixtures';
import { laneBpmn, type LaneSpec } from '../helpers/lane-bpmn';

const layout = async (xml: string, settings: Parameters<typeof layoutSopDocument>[2] = {}) => layoutSopDocument((await parseBpmn(xml)).definitions, {}, settings);
const miwg = (name: string) => readText(`${MIWG_DIR}/reference/${name}`);

/** Every printed text of the flowchart that reads an answer: the arrows' labels and Keterangan. */
const answerTexts = (document: SopDocument) => [
  ...document.pages.flatMap((page) => page.arrows.flatMap((arrow) => (arrow.label ? [arrow.label.text] : []))),
  ...document.procedure.rows.flatMap((row) => (row.keterangan ? [row.keterangan] : [])),
];

describe('the answers of decisions', () => {
  const spec = (yes: string, no: string, other: string): LaneSpec => ({
    lanes: [
      ['Kepala', ['S', 'Cek', 'G', 'Sah', 'E', 'G2']],
      ['Staf', ['Susun', 'Ulang', 'Arsip']],
    ],
    nodes: [
      ['S', 'startEvent'],
      ['Susun', 'task', 'Menyusun konsep'],
      ['Cek', 'task', 'Memeriksa konsep'],
      ['G', 'exclusiveGateway', 'Konsep benar?'],
      ['Ulang', 'task', 'Memperbaiki konsep'],
      ['Sah', 'task', 'Menandatangani surat'],
      ['G2', 'exclusiveGateway', 'Perlu diarsip?'],
      ['Arsip', 'task', 'Mengarsipkan surat'],
      ['E', 'endEvent'],
    ],
    flows: [
      ['S', 'Susun'],
      ['Susun', 'Cek'],
      ['Cek', 'G'],
      ['G', 'Sah', yes],
      ['G', 'Ulang', no],
      ['Ulang', 'Cek', other],
      ['Sah', 'G2'],
      ['G2', 'Arsip', 'Ya'],
      ['G2', 'E', 'Tidak'],
      ['Arsip', 'E'],
    ],
  });

  it('prints "Ya" and "Tidak" however the map spells them, English yes/no included, on arrows and in Keterangan', async () => {
    for (const [yes, no] of [
      ['ya', 'tidak'],
      ['YA', 'TIDAK.'],
      ['Yes', 'No'],
      ['yes', 'no'],
    ] as const) {
      const document = await layout(laneBpmn(spec(yes, no, 'ya')), { maxRowsPerPage: 3 });
      const texts = answerTexts(document);
      expect(texts, `${yes}/${no}`).toContain('Ya');
      expect(texts, `${yes}/${no}`).toContain('Tidak');
      for (const text of texts) expect(text, `${yes}/${no}`).not.toMatch(/\b(ya|YA|TIDAK|Yes|yes|No|no)\b(?!\. \d)/);
      // The "Tidak" branch's note reads as the document's own answer.
      expect(document.procedure.rows.find((row) => row.kegiatan === 'Konsep benar?')!.keterangan).toMatch(/^Bila tidak, /);
    }
  });

  it('keeps an answer that is not a bare yes or no as written', async () => {
    const document = await layout(laneBpmn(spec('Approved', 'Not complete', 'Sesuai')));
    const texts = answerTexts(document);
    expect(texts).toEqual(expect.arrayContaining(['Approved', 'Not complete', 'Sesuai']));
  });

  it('spells the answers of an imported English map (MIWG C.1.0) "Ya"/"Tidak" on every page', async () => {
    const document = await layout(miwg('C.1.0.bpmn'));
    expect(document.pages.length).toBeGreaterThan(1);
    const texts = answerTexts(document);
    expect(texts).toContain('Ya');
    for (const text of texts) expect(text).not.toMatch(/\b(Yes|No)\b(?!\. \d)/);
  });
});

/** Every arrow segment running across, with its distance to the nearest row line. */
function horizontalClearances(document: SopDocument): Array<{ page: number; arrow: string; distance: number }> {
  const found: Array<{ page: number; arrow: string; distance: number }> = [];
  for (const page of document.pages) {
    const rowLines = [document.table.y + document.table.headerHeight, ...page.bands.map((band) => band.y + band.height)];
    for (const arrow of page.arrows) {
      for (let i = 1; i < arrow.points.length; i += 1) {
        const [a, b] = [arrow.points[i - 1]!, arrow.points[i]!];
        if (Math.abs(a.y - b.y) > 0.01 || Math.abs(a.x - b.x) < 0.01) continue;
        found.push({ page: page.number, arrow: arrow.id, distance: Math.min(...rowLines.map((y) => Math.abs(a.y - y))) });
      }
    }
  }
  return found;
}

describe('no connector along a grid line', () => {
  it('keeps an arrow running across into a decision in a row of the least height 1.5 mm off the row line (MIWG C.2.0)', async () => {
    const document = await layout(miwg('C.2.0.bpmn'));
    const across = horizontalClearances(document);
    expect(across.length).toBeGreaterThan(0);
    for (const { page, arrow, distance } of across) expect(distance, `${arrow} on page ${page}`).toBeGreaterThanOrEqual(GRID_CLEARANCE_MM - 0.001);
  });

  it.each(['A.4.1.bpmn', 'B.2.0.bpmn', 'C.1.0.bpmn', 'C.4.0.bpmn', 'C.5.0.bpmn'])('MIWG %s: every arrow across keeps 1.5 mm from the row lines, landscape and portrait', async (file) => {
    for (const orientation of ['landscape', 'portrait'] as const) {
      const document = await layout(miwg(file), { orientation });
      for (const { page, arrow, distance } of horizontalClearances(document)) expect(distance, `${arrow} on page ${page} (${orientation})`).toBeGreaterThanOrEqual(GRID_CLEARANCE_MM - 0.001);
    }
  });
});

describe('off-page connectors', () => {
  /** Each connector with the row it stands in and that row's symbol. */
  const placed = (document: SopDocument) =>
    document.pages.flatMap((page) =>
      page.symbols
        .filter((symbol) => symbol.kind === 'off-page-connector')
        .map((connector) => {
          const pair = document.connectors.find((known) => known.label === connector.connector!.label)!;
          const row = connector.connector!.direction === 'in' ? pair.toRow : pair.fromRow;
          const symbol = page.symbols.find((candidate) => candidate.id === `row-${row}`)!;
          const band = page.bands.find((candidate) => candidate.row === row)!;
          const together = page.symbols.filter((other) => other.kind === 'off-page-connector' && other.y >= band.y && other.y + other.height <= band.y + band.height + 0.001).length;
          return { page, connector, row: document.procedure.rows[row]!, symbol, band, together };
        }),
    );

  it.each([
    ['MIWG C.2.0', () => miwg('C.2.0.bpmn')],
    ['MIWG C.5.0', () => miwg('C.5.0.bpmn')],
    ['MIWG B.2.0', () => miwg('B.2.0.bpmn')],
  ])('%s: a connector stands in the row it belongs to, beside its symbol and level with it, while the cells beside are free', async (_name, xml) => {
    for (const orientation of ['landscape', 'portrait'] as const) {
      const document = await layout(xml(), { orientation, maxRowsPerPage: 6 });
      const connectors = placed(document);
      expect(connectors.length).toBeGreaterThan(0);
      for (const { connector, row, symbol, band, together } of connectors) {
        expect(connector.y, connector.id).toBeGreaterThanOrEqual(band.y);
        expect(connector.y + connector.height, connector.id).toBeLessThanOrEqual(band.y + band.height + 0.001);
        if (together > besideColumns(row, document.procedure.columns.length).length) continue;
        expect(connector.y + connector.height / 2, `${connector.id} level with row ${row.index}`).toBeCloseTo(symbol.y + symbol.height / 2, 5);
        expect(Math.abs(connector.performer - symbol.performer), `${connector.id} in the next cell`).toBe(1);
      }
    }
  });
});

describe('page breaks', () => {
  it.each(['aris-10.2025.07', 'bpmn.io-camunda-modeler-18.6.1', 'trisotech-workflow-modeler-12.6.3'])(
    'leaves no last page of one row when the page before can give one (MIWG C.4.0 from %s)',
    async (tool) => {
      for (const settings of [{ orientation: 'portrait' as const }, { maxRowsPerPage: 6 }, { paper: 'F4' as const, orientation: 'portrait' as const, maxRowsPerPage: 6 }]) {
        const document = await layout(readText(`${MIWG_DIR}/${tool}/C.4.0-export.bpmn`), settings);
        expect(document.pages.length).toBeGreaterThan(1);
        expect(document.pages.at(-1)!.rows.length, JSON.stringify(settings)).toBeGreaterThanOrEqual(2);
        expect(document.pages.flatMap((page) => page.rows)).toEqual(document.procedure.rows.map((row) => row.index));
      }
    },
  );

  it('keeps the end every row leads to off a page of its own: the connections of a page to one row share a connector pair (jBPM transactions)', async () => {
    const xml = readText(`${ROOT}/test/fixtures/foreign/jbpm/transactions-process.bpmn`);
    for (const settings of [{}, { paper: 'F4' as const }, { maxRowsPerPage: 6 }]) {
      const document = await layout(xml, settings);
      const rows = document.procedure.rows;
      const last = document.pages.at(-1)!;
      expect(last.rows.some((index) => rows[index]!.terminal !== 'end'), JSON.stringify(settings)).toBe(true);
      // One pair per page and target row (sequence or message flow): no two pairs share both.
      const keys = document.connectors.map((pair) => `${pair.fromPage}:${pair.toRow}:${rows[pair.fromRow]!.connections.find((c) => c.to === pair.toRow)!.message}`);
      expect(new Set(keys).size).toBe(keys.length);
      const crossing = rows.flatMap((row) => row.connections.filter((connection) => document.pages.findIndex((page) => page.rows.includes(connection.to)) !== document.pages.findIndex((page) => page.rows.includes(row.index))));
      expect(document.connectors.length).toBeLessThan(crossing.length);
    }
  });

  it('keeps the end with the rows before it: a last page is never the end alone', async () => {
    const tasks = Array.from({ length: 9 }, (_, i) => `T${i + 1}`);
    const xml = laneBpmn({
      lanes: [
        ['Kepala Bagian', ['S', 'G', 'E', ...tasks.filter((_, i) => i % 2 === 0)]],
        ['Staf', tasks.filter((_, i) => i % 2 === 1)],
      ],
      nodes: [['S', 'startEvent'], ...tasks.map((id) => [id, 'task', `Mengerjakan langkah ${id.slice(1)}`] as [string, string, string]), ['G', 'exclusiveGateway', 'Selesai?'], ['E', 'endEvent']],
      flows: [['S', 'T1'], ...tasks.slice(1).map((id, i) => [tasks[i]!, id] as [string, string]), ['T9', 'G'], ['G', 'E', 'Ya'], ['G', 'T2', 'Tidak']],
    });
    for (const maxRowsPerPage of [2, 3, 4, 5, 10]) {
      const document = await layout(xml, { maxRowsPerPage });
      const last = document.pages.at(-1)!;
      if (document.pages.length > 1) expect(last.rows.length, `max ${maxRowsPerPage}`).toBeGreaterThanOrEqual(2);
      expect(last.rows.some((index) => document.procedure.rows[index]!.kind !== 'terminator' && document.procedure.rows[index]!.terminal !== 'end'), `max ${maxRowsPerPage}`).toBe(true);
    }
  });
});

describe('a label too long for any free place', () => {
  it('is shortened inside one performer cell and named whole in a warning', async () => {
    const columns = Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, name: `Pelaksana ${i + 1}`, path: [] }));
    const table = tableLayout(columns, 10, 10, 190);
    const band = { kind: 'row' as const, y: 60, height: 6, row: 0 };
    const text = 'Surat jawaban beserta daftar pejabat fungsional yang bersedia ditugaskan dan rekomendasi pimpinan unit organisasi';
    const source = { x: table.performerX(1) + 2, y: 61, width: 8, height: 4 };
    // Every place is taken: a symbol over the whole table.
    const label = placeLabel(text, [{ x: source.x + 8, y: 63 }, { x: table.performerX(3), y: 63 }], source, [band], table, columns.length, { segments: [], symbols: [{ x: 0, y: 0, width: 300, height: 300 }] }, []);
    expect(isShortened(label)).toBe(true);
    expect(label.lines.at(-1)).toMatch(/…$/);
    const column = table.columns.find((candidate) => candidate.key === 'pelaksana' && label.box.x >= candidate.x - 0.01 && label.box.x + label.box.width <= candidate.x + candidate.width + 0.01);
    expect(column, 'inside one performer column').toBeDefined();

    const document = await layout(
      laneBpmn({
        lanes: [['Staf', ['S', 'A', 'B', 'E']]],
        nodes: [
          ['S', 'startEvent'],
          ['A', 'task', 'Menyusun konsep'],
          ['B', 'task', 'Mengirim konsep'],
          ['E', 'endEvent'],
        ],
        flows: [
          ['S', 'A'],
          ['A', 'B', 'Konsep'],
          ['B', 'E'],
        ],
      }),
    );
    expect(document.warnings.filter((warning) => warning.includes('dipendekkan'))).toEqual([]);
    const page = document.pages[0]!;
    const arrow = page.arrows.find((candidate) => candidate.label)!;
    const cut = { ...page, arrows: [{ ...arrow, label: { ...label } }] };
    const warnings = shortenedLabelWarnings([cut], document.procedure);
    expect(warnings).toEqual([expect.stringContaining(`Label alur "${text}" dari No. 1 "Menyusun konsep" dipendekkan di halaman prosedur 1`)]);
  });
});
