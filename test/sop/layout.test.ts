// The SOP layout (server/sop/layout): on the templates, the reference library of processes/ and every MIWG file with
// lanes, the invariants of the document; and on small maps written here, rework loops, page breaks and the rows.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { allElements, parseBpmn } from '../../server/bpmn/moddle';
import { readMap } from '../../server/lint/map-model/map-model';
import { sopActivities } from '../../server/lint/rules/sop/sop-activities';
import { layoutSopDocument } from '../../server/sop/layout/document';
import { SopDocument, type Point, type Rect } from '../../server/sop/layout/document.schema';
import { connectorLabel } from '../../server/sop/layout/paging';
import { readProcedure } from '../../server/sop/layout/procedure';
import { isFrame } from '../../server/sop/layout/row-graph';
import { MIWG_DIR, miwgFiles, readText, ROOT } from '../helpers/fixtures';
import { laneBpmn, type LaneSpec } from '../helpers/lane-bpmn';

const EPS = 0.01;

function processFiles(dir = path.join(ROOT, 'processes')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? processFiles(path.join(dir, entry.name)) : entry.name.endsWith('.bpmn') ? [path.join(dir, entry.name)] : []))
    .sort();
}

const definitionsOf = async (xml: string) => (await parseBpmn(xml)).definitions;
const hasLanes = (definitions: ModdleElement) => [...allElements(definitions)].some((element) => element.$type === 'bpmn:Lane');

/** Whether an axis-parallel segment passes through the inside of a rectangle (written here, apart from routing.ts). */
function passesThrough(a: Point, b: Point, rect: Rect): boolean {
  const left = Math.min(a.x, b.x);
  const right = Math.max(a.x, b.x);
  const top = Math.min(a.y, b.y);
  const bottom = Math.max(a.y, b.y);
  return left < rect.x + rect.width - EPS && right > rect.x + EPS && top < rect.y + rect.height - EPS && bottom > rect.y + EPS;
}

const onBorder = (point: Point, rect: Rect) => {
  const inX = point.x >= rect.x - EPS && point.x <= rect.x + rect.width + EPS;
  const inY = point.y >= rect.y - EPS && point.y <= rect.y + rect.height + EPS;
  const onVertical = Math.abs(point.x - rect.x) < EPS || Math.abs(point.x - rect.x - rect.width) < EPS;
  const onHorizontal = Math.abs(point.y - rect.y) < EPS || Math.abs(point.y - rect.y - rect.height) < EPS;
  return inX && inY && (onVertical || onHorizontal);
};

/** Every invariant of a laid-out map; returns the document for further checks. */
async function checkLayout(xml: string, settings: Parameters<typeof layoutSopDocument>[2] = {}): Promise<SopDocument> {
  const definitions = await definitionsOf(xml);
  const document = layoutSopDocument(definitions, {}, settings);
  const { procedure } = document;
  expect(SopDocument.parse(JSON.parse(JSON.stringify(document)))).toEqual(document);

  // Every activity exactly once; expanded sub-processes are frames, not rows.
  const expected = sopActivities(definitions).map((activity) => activity.id).sort();
  const processRows = procedure.rows.filter((row) => row.kind === 'process').map((row) => row.elementId).sort();
  expect(processRows).toEqual(expected);
  const frames = new Set([...allElements(definitions)].filter(isFrame).map((element) => element.id));
  for (const activity of readMap(definitions).activities) expect(processRows.includes(activity.id) || frames.has(activity.id), activity.id).toBe(true);
  expect(new Set(procedure.rows.map((row) => row.elementId)).size).toBe(procedure.rows.length);

  // Every lane a column: innermost lanes as columns, parent lanes as the group over their columns.
  const model = readMap(definitions);
  for (const lane of model.lanes) {
    const isParent = model.lanes.some((other) => other.parentLaneId === lane.id);
    const within = (laneId: string | undefined): boolean => laneId !== undefined && (laneId === lane.id || within(model.lane(laneId)?.parentLaneId));
    if (isParent) expect(procedure.columns.some((column) => column.laneId !== lane.id && within(column.laneId)), lane.id).toBe(true);
    else expect(procedure.columns.filter((column) => column.laneId === lane.id), lane.id).toHaveLength(1);
  }
  for (const row of procedure.rows) expect(row.column).toBeLessThan(procedure.columns.length);

  // Decisions: a gateway with two named exits has exactly two labelled exits, leaving by different ports.
  for (const row of procedure.rows.filter((r) => r.kind === 'decision')) {
    const gateway = [...allElements(definitions)].find((element) => element.id === row.elementId)!;
    const exits = [...allElements(definitions)].filter((element) => element.$instanceOf('bpmn:SequenceFlow') && element.get('sourceRef') === gateway);
    if (exits.length === 2 && exits.every((flow) => typeof flow.name === 'string' && flow.name.trim())) {
      const labels = new Set(row.connections.map((connection) => connection.label));
      expect(labels.size, row.kegiatan).toBe(2);
      expect(row.connections.every((connection) => connection.label)).toBe(true);
      const starts = document.pages.flatMap((page) => page.arrows.filter((arrow) => arrow.source.row === row.index && !arrow.id.endsWith('-resumed')));
      const byLabel = new Map<string, string>();
      for (const arrow of starts) byLabel.set(arrow.label!.text, `${arrow.points[0]!.x.toFixed(2)},${arrow.points[0]!.y.toFixed(2)}`);
      expect(new Set(byLabel.values()).size, `ports of ${row.kegiatan}`).toBe(byLabel.size);
    }
  }

  // Page breaks only between rows: every row on one page, in order, bands stacked without overlap within the paper.
  expect(document.pages.flatMap((page) => page.rows)).toEqual(procedure.rows.map((row) => row.index));
  const pageOf = new Map(document.pages.flatMap((page) => page.rows.map((row) => [row, page.number] as const)));
  for (const page of document.pages) {
    expect(page.header).toEqual(document.pages[0]!.header);
    let y = document.table.y + document.table.headerHeight;
    for (const band of page.bands) {
      expect(band.y).toBeCloseTo(y, 6);
      y += band.height;
    }
    expect(page.bands.filter((band) => band.kind === 'row').map((band) => band.row)).toEqual(page.rows);
    if (page.rows.length > 1) expect(page.tableBottom).toBeLessThanOrEqual(document.paper.height - document.settings.marginMm + EPS);
    expect(page.rows.length).toBeLessThanOrEqual(document.settings.maxRowsPerPage);
  }

  // Off-page connectors in matched pairs: out on the source's page, in on the target's.
  const connectors = document.pages.flatMap((page) => page.symbols.filter((s) => s.kind === 'off-page-connector').map((s) => ({ ...s.connector!, page: page.number })));
  for (const pair of document.connectors) {
    expect(pair.fromPage).not.toBe(pair.toPage);
    expect(pageOf.get(pair.fromRow)).toBe(pair.fromPage);
    expect(pageOf.get(pair.toRow)).toBe(pair.toPage);
    expect(connectors.filter((c) => c.label === pair.label)).toEqual([
      ...(pair.fromPage < pair.toPage ? [] : [{ label: pair.label, direction: 'in', twinPage: pair.fromPage, page: pair.toPage }]),
      { label: pair.label, direction: 'out', twinPage: pair.toPage, page: pair.fromPage },
      ...(pair.fromPage < pair.toPage ? [{ label: pair.label, direction: 'in', twinPage: pair.fromPage, page: pair.toPage }] : []),
    ]);
  }
  expect(new Set(document.connectors.map((pair) => pair.label)).size).toBe(document.connectors.length);
  expect(connectors).toHaveLength(2 * document.connectors.length);

  // Every connection drawn: on its page, or to an off-page connector and on from its twin.
  for (const row of procedure.rows) {
    row.connections.forEach((connection, index) => {
      const page = document.pages[pageOf.get(row.index)! - 1]!;
      const arrow = page.arrows.find((a) => a.id === `arrow-${row.index}-${index}`);
      expect(arrow, `arrow ${row.no} → ${connection.to + 1}`).toBeDefined();
      if (pageOf.get(connection.to) === page.number) expect(arrow!.to).toBe(`row-${connection.to}`);
      else {
        // The connections of one page to one row share a pair (issue 15 item 9); the flow resumes once from its twin.
        const pair = document.connectors.find((p) => p.fromPage === page.number && p.toRow === connection.to && arrow!.to === `connector-${p.label}-out`)!;
        expect(pair, `pair of ${row.no} → ${connection.to + 1}`).toBeDefined();
        const resumed = document.pages[pair.toPage - 1]!.arrows.find((a) => a.id === `arrow-${pair.fromRow}-${procedure.rows[pair.fromRow]!.connections.findIndex((c) => c.to === connection.to && c.message === connection.message)}-resumed`);
        expect(resumed?.from).toBe(`connector-${pair.label}-in`);
        expect(resumed?.to).toBe(`row-${connection.to}`);
      }
    });
  }

  // Routes: axis-parallel, from the source's border to the target's, through no symbol.
  for (const page of document.pages) {
    const byId = new Map(page.symbols.map((symbol) => [symbol.id, symbol]));
    for (const arrow of page.arrows) {
      expect(onBorder(arrow.points[0]!, byId.get(arrow.from)!), `${arrow.id} leaves its source`).toBe(true);
      expect(onBorder(arrow.points.at(-1)!, byId.get(arrow.to)!), `${arrow.id} reaches its target`).toBe(true);
      for (let i = 1; i < arrow.points.length; i += 1) {
        const [a, b] = [arrow.points[i - 1]!, arrow.points[i]!];
        expect(Math.abs(a.x - b.x) < EPS || Math.abs(a.y - b.y) < EPS, `${arrow.id} segment ${i} is axis-parallel`).toBe(true);
        for (const symbol of page.symbols) expect(passesThrough(a, b, symbol), `${arrow.id} segment ${i} through ${symbol.id}`).toBe(false);
      }
    }
    // Symbols only of the four kinds, each in its performer's column.
    for (const symbol of page.symbols) {
      const column = document.table.columns.find((c) => c.key === 'pelaksana' && c.performer === symbol.performer)!;
      expect(symbol.x).toBeGreaterThanOrEqual(column.x);
      expect(symbol.x + symbol.width).toBeLessThanOrEqual(column.x + column.width + EPS);
    }
  }
  return document;
}

/** The MIWG files, and whether each has lanes (as moddle reads it). */
const laned = await Promise.all(miwgFiles().map(async (file) => [path.relative(MIWG_DIR, file), file, hasLanes(await definitionsOf(readText(file)))] as const));

describe('SOP layout on real maps', () => {
  it.each(['lintas-fungsi', 'mekanisme-kerja'])('lays out the %s template', async (kind) => {
    const document = await checkLayout(readText(path.join(ROOT, 'processes/templates', `${kind}.bpmn`)));
    // The terminators are the symbols of the first and last activity rows, not rows of their own.
    expect(document.procedure.rows[0]).toMatchObject({ kind: 'process', terminal: 'start', no: 1 });
    expect(document.procedure.rows.at(-1)).toMatchObject({ kind: 'process', terminal: 'end', no: document.procedure.rows.length });
    expect(document.procedure.rows.filter((row) => row.kind === 'terminator')).toEqual([]);
    expect(document.procedure.columns.map((column) => column.name)).toEqual(
      kind === 'lintas-fungsi' ? ['Kepala Bidang', 'Ketua Tim', 'Pelaksana'] : ['Kepala Dinas', 'Kepala Bidang', 'Ketua Tim', 'Pejabat Fungsional / Pelaksana'],
    );
  });

  it.each(processFiles().map((file) => [path.relative(ROOT, file), file]))('lays out %s', async (_name, file) => {
    await checkLayout(readText(file));
  });

  it.each(laned.filter(([, , lanes]) => lanes).map(([name, file]) => [name, file]))('lays out the MIWG file %s', async (_name, file) => {
    await checkLayout(readText(file));
  });

  it('finds MIWG files with lanes to lay out', () => {
    expect(laned.filter(([, , lanes]) => lanes).length).toBeGreaterThan(20);
  });
});

describe('the mekanisme-kerja template as an SOP', () => {
  it('reads rows in flow order with their performer, mutu baku and keterangan', async () => {
    const procedure = readProcedure(await definitionsOf(readText(path.join(ROOT, 'processes/templates/mekanisme-kerja.bpmn'))));
    expect(procedure.rows.map((row) => row.elementId)).toEqual([
      'Activity_PerjanjianKinerja',
      'Activity_StrategiPelaksanaan',
      'Activity_RencanaKegiatan',
      'Activity_RincianKegiatan',
      'Activity_MelaksanakanKegiatan',
      'Activity_Monitoring',
      'Activity_MenyampaikanHasil',
      'Activity_ReviuKepalaBidang',
      'Gateway_SesuaiTarget',
      'Activity_PenerimaanKepalaDinas',
    ]);
    expect(procedure.rows[0]).toMatchObject({
      no: 1,
      kind: 'process',
      terminal: 'start',
      kegiatan: 'Menyusun dan menetapkan perjanjian kinerja',
      column: 0,
      mutuBaku: { kelengkapan: 'Renstra, Renja, DPA', waktu: '5 hari', output: 'Perjanjian kinerja yang ditetapkan' },
      keterangan: 'Menjadi dasar penentuan penanggung jawab target kinerja Pejabat Level 2',
    });
    const decision = procedure.rows[8]!;
    expect(decision).toMatchObject({ no: 9, kind: 'decision', kegiatan: 'Sesuai target?', column: 1, keterangan: 'Bila tidak, kembali ke No. 5.' });
    expect(decision.connections.map(({ to, label, answer }) => ({ to, label, answer }))).toEqual([
      { to: 9, label: 'Ya', answer: 'ya' },
      { to: 4, label: 'Tidak', answer: 'tidak' },
    ]);
    expect(procedure.rows[9]).toMatchObject({ no: 10, kind: 'process', terminal: 'end' });
  });
});

// ---- small maps written here ----

type Spec = LaneSpec;
const bpmn = laneBpmn;

const ids = (document: SopDocument) => document.procedure.rows.map((row) => row.elementId);

describe('SOP layout on small maps', () => {
  const rework: Spec = {
    lanes: [
      ['Kepala Seksi', ['S', 'Cek', 'G', 'Sah', 'E']],
      ['Staf', ['Susun', 'Perbaiki']],
    ],
    nodes: [
      ['S', 'startEvent', 'Berkas masuk'],
      ['Susun', 'task', 'Menyusun konsep surat'],
      ['Cek', 'task', 'Memeriksa konsep surat'],
      ['G', 'exclusiveGateway', 'Konsep benar?'],
      ['Perbaiki', 'task', 'Memperbaiki konsep surat'],
      ['Sah', 'task', 'Menandatangani surat'],
      ['E', 'endEvent', 'Surat terkirim'],
    ],
    flows: [
      ['S', 'Susun'],
      ['Susun', 'Cek'],
      ['Cek', 'G'],
      ['G', 'Sah', 'Ya'],
      ['G', 'Perbaiki', 'Tidak'],
      ['Perbaiki', 'Cek'],
      ['Sah', 'E'],
    ],
  };

  it('routes a rework loop back up through a gutter, the decision answering by two ports', async () => {
    const document = await checkLayout(bpmn(rework));
    expect(ids(document)).toEqual(['Susun', 'Cek', 'G', 'Sah', 'Perbaiki']);
    expect(document.pages).toHaveLength(1);
    const [page] = document.pages;
    const loop = page!.arrows.find((arrow) => arrow.from === 'row-4' && arrow.to === 'row-1')!;
    const ups = loop.points.slice(1).filter((point, i) => point.y < loop.points[i]!.y - EPS);
    expect(ups.length).toBeGreaterThan(0);
    // The upward segment runs where no symbol is, at any height.
    const upX = ups[0]!.x;
    for (const symbol of page!.symbols) expect(upX <= symbol.x + EPS || upX >= symbol.x + symbol.width - EPS, symbol.id).toBe(true);
    const exits = page!.arrows.filter((arrow) => arrow.from === 'row-2');
    expect(exits.map((arrow) => arrow.label?.text).sort()).toEqual(['Tidak', 'Ya']);
    expect(exits[0]!.points[0]).not.toEqual(exits[1]!.points[0]);
  });

  it('routes a flow back into its own activity around the activity', async () => {
    const spec: Spec = {
      lanes: [['Staf', ['S', 'Ulang', 'E']]],
      nodes: [
        ['S', 'startEvent'],
        ['Ulang', 'task', 'Mengetik ulang konsep'],
        ['E', 'endEvent'],
      ],
      flows: [
        ['S', 'Ulang'],
        ['Ulang', 'Ulang', 'Masih salah'],
        ['Ulang', 'E'],
      ],
    };
    const document = await checkLayout(bpmn(spec));
    // The one activity carries the start; the end stands alone, unnumbered.
    expect(document.procedure.rows.map(({ kind, terminal, no }) => ({ kind, terminal, no }))).toEqual([
      { kind: 'process', terminal: 'start', no: 1 },
      { kind: 'terminator', terminal: 'end', no: undefined },
    ]);
    const loop = document.pages[0]!.arrows.find((arrow) => arrow.from === 'row-0' && arrow.to === 'row-0')!;
    expect(loop.points.length).toBeGreaterThanOrEqual(4);
    expect(loop.label?.text).toBe('Masih salah');
  });

  it('puts the "tidak" branch after the "ya" branch even when the map lists it first', async () => {
    const swapped = { ...rework, flows: [...rework.flows.slice(0, 3), rework.flows[4]!, rework.flows[3]!, ...rework.flows.slice(5)] };
    expect(ids(await checkLayout(bpmn(swapped)))).toEqual(['Susun', 'Cek', 'G', 'Sah', 'Perbaiki']);
  });

  it('forces a long map over three pages, breaking between rows with lettered connector pairs', async () => {
    const tasks = Array.from({ length: 24 }, (_, i) => `T${i + 1}`);
    const spec: Spec = {
      lanes: [
        ['Kepala Bidang', ['S', 'E', 'G', ...tasks.filter((_, i) => i % 3 === 0)]],
        ['Ketua Tim', tasks.filter((_, i) => i % 3 === 1)],
        ['Pelaksana', tasks.filter((_, i) => i % 3 === 2)],
      ],
      nodes: [['S', 'startEvent'], ...tasks.map((id) => [id, 'task', `Mengerjakan langkah ${id.slice(1)}`] as [string, string, string]), ['G', 'exclusiveGateway', 'Selesai?'], ['E', 'endEvent']],
      flows: [['S', 'T1'], ...tasks.slice(1).map((id, i) => [tasks[i]!, id] as [string, string]), ['T24', 'G'], ['G', 'E', 'Ya'], ['G', 'T2', 'Tidak']],
    };
    const document = await checkLayout(bpmn(spec), { maxRowsPerPage: 10 });
    expect(document.pages).toHaveLength(3);
    expect(document.pages.map((page) => page.rows.length)).toEqual([10, 10, 6]);
    expect(document.connectors.map(({ label, fromPage, toPage }) => ({ label, fromPage, toPage }))).toEqual([
      { label: 'A', fromPage: 1, toPage: 2 },
      { label: 'B', fromPage: 2, toPage: 3 },
      { label: 'C', fromPage: 3, toPage: 1 },
    ]);
    // The loop back to page 1 resumes from its twin in the row it leads to (T2's), beside that row's symbol and level
    // with it, in the next performer cell: no row of its own, and the row no taller (issue 15 item 9).
    const first = document.pages[0]!;
    expect(first.bands.every((band) => band.kind === 'row' && band.row !== undefined)).toBe(true);
    const twin = first.symbols.find((symbol) => symbol.id === 'connector-C-in')!;
    expect(twin.text).toBe('C');
    const t2 = first.symbols.find((symbol) => symbol.id === 'row-1')!;
    expect(document.procedure.rows[1]!.elementId).toBe('T2');
    expect(twin.y + twin.height / 2).toBeCloseTo(t2.y + t2.height / 2, 5);
    expect(Math.abs(twin.performer - t2.performer)).toBe(1);
    expect(first.bands[1]!.height).toBe(first.bands[2]!.height);
    const resumed = first.arrows.find((arrow) => arrow.from === 'connector-C-in')!;
    expect(resumed.points).toHaveLength(2);
    expect(resumed.points[0]!.y).toBeCloseTo(resumed.points[1]!.y, 5);
    const last = document.pages[2]!;
    expect(last.arrows.find((arrow) => arrow.to === 'connector-C-out')?.label?.text).toBe('Tidak');
    expect(document.procedure.rows.at(-1)).toMatchObject({ elementId: 'E', terminal: 'end' });
  });

  it('lays out on F4 portrait when asked', async () => {
    const document = await checkLayout(bpmn(rework), { paper: 'F4', orientation: 'portrait' });
    expect(document.paper).toEqual({ width: 215, height: 330 });
    const right = document.table.columns.at(-1)!;
    expect(right.x + right.width).toBeCloseTo(215 - document.settings.marginMm, 6);
  });

  it('writes parallel branches whole in the order of their flows, without the gateways', async () => {
    const spec: Spec = {
      lanes: [
        ['Kepala Bidang', ['S', 'Split', 'Join', 'E']],
        ['Staf', ['B1', 'B2', 'C1']],
      ],
      nodes: [
        ['S', 'startEvent'],
        ['Split', 'parallelGateway'],
        ['B1', 'task', 'Menyiapkan data'],
        ['B2', 'task', 'Mengolah data'],
        ['C1', 'task', 'Menyiapkan undangan'],
        ['Join', 'parallelGateway'],
        ['E', 'endEvent'],
      ],
      flows: [
        ['S', 'Split'],
        ['Split', 'B1'],
        ['Split', 'C1'],
        ['B1', 'B2'],
        ['B2', 'Join'],
        ['C1', 'Join'],
        ['Join', 'E'],
      ],
    };
    const document = await checkLayout(bpmn(spec));
    // A start that fans out at once stands alone, unnumbered; both branches end the process, each on its last row.
    expect(ids(document)).toEqual(['S', 'B1', 'B2', 'C1']);
    expect(document.procedure.rows[0]!.connections.map((connection) => connection.to)).toEqual([1, 3]);
    expect(document.procedure.rows[0]).toMatchObject({ kind: 'terminator', terminal: 'start', kegiatan: 'Mulai' });
    expect(document.procedure.rows[0]!.no).toBeUndefined();
    expect(document.procedure.rows.slice(1).map(({ no, terminal }) => ({ no, terminal }))).toEqual([
      { no: 1, terminal: undefined },
      { no: 2, terminal: 'end' },
      { no: 3, terminal: 'end' },
    ]);
  });

  it('draws an expanded sub-process as its activities and a boundary event as a labelled exit', async () => {
    const inner =
      '<bpmn:startEvent id="IS" /><bpmn:task id="I1" name="Memverifikasi berkas" /><bpmn:task id="I2" name="Mencatat hasil verifikasi" /><bpmn:endEvent id="IE" />' +
      '<bpmn:sequenceFlow id="F_i1" sourceRef="IS" targetRef="I1" /><bpmn:sequenceFlow id="F_i2" sourceRef="I1" targetRef="I2" /><bpmn:sequenceFlow id="F_i3" sourceRef="I2" targetRef="IE" />';
    const spec: Spec = {
      lanes: [['Verifikator', ['S', 'Sub', 'IS', 'I1', 'I2', 'IE', 'Ask', 'Timer', 'Late', 'E']]],
      nodes: [
        ['S', 'startEvent'],
        ['Sub', 'subProcess', 'Verifikasi'],
        ['Ask', 'task', 'Meminta kelengkapan berkas', '<bpmn:documentation>Bila berkas belum lengkap</bpmn:documentation>'],
        ['Timer', 'boundaryEvent', 'Lewat 3 hari', '<bpmn:timerEventDefinition />'],
        ['Late', 'task', 'Melaporkan keterlambatan'],
        ['E', 'endEvent'],
      ],
      flows: [
        ['S', 'Sub'],
        ['Sub', 'Ask'],
        ['Ask', 'E'],
        ['Timer', 'Late'],
        ['Late', 'E'],
      ],
    };
    const xml = bpmn(spec)
      .replace('<bpmn:subProcess id="Sub" name="Verifikasi"></bpmn:subProcess>', `<bpmn:subProcess id="Sub" name="Verifikasi">${inner}</bpmn:subProcess>`)
      .replace('<bpmn:boundaryEvent id="Timer" name="Lewat 3 hari">', '<bpmn:boundaryEvent id="Timer" name="Lewat 3 hari" attachedToRef="Ask">');
    const document = await checkLayout(xml);
    // The end comes after every branch leading to it.
    expect(ids(document)).toEqual(['I1', 'I2', 'Ask', 'Late', 'E']);
    const ask = document.procedure.rows[2]!;
    expect(ask.keterangan).toBe('Bila berkas belum lengkap');
    expect(ask.connections).toEqual([
      { to: 4, message: false, flowIds: ['Flow_2'] },
      { to: 3, label: 'Lewat 3 hari', message: false, flowIds: ['Flow_3'] },
    ]);
    // Into the sub-process means to its first activity, which carries the start; its end continues with its outgoing
    // flow. The end event reached from an activity that also goes on stands alone; the one activity only ending there carries it.
    expect(document.procedure.rows[0]).toMatchObject({ terminal: 'start', no: 1 });
    expect(document.procedure.rows[0]!.connections.map((c) => c.to)).toEqual([1]);
    expect(document.procedure.rows[1]!.connections).toEqual([{ to: 2, message: false, flowIds: ['F_i3', 'Flow_1'] }]);
    expect(document.procedure.rows.slice(3).map(({ kind, terminal, no }) => ({ kind, terminal, no }))).toEqual([
      { kind: 'process', terminal: 'end', no: 4 },
      { kind: 'terminator', terminal: 'end', no: undefined },
    ]);
  });

  it('gives each pool reached by message flows its columns and marks the message connections', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:collaboration id="C">
    <bpmn:participant id="PoolA" name="Bidang A" processRef="PA" />
    <bpmn:participant id="PoolB" name="Bidang B" processRef="PB" />
    <bpmn:messageFlow id="M1" name="Surat permohonan" sourceRef="A1" targetRef="B1" />
    <bpmn:messageFlow id="M2" sourceRef="B2" targetRef="A2" />
  </bpmn:collaboration>
  <bpmn:process id="PA"><bpmn:laneSet id="LA"><bpmn:lane id="LA1" name="Kepala Bidang A"><bpmn:flowNodeRef>SA</bpmn:flowNodeRef><bpmn:flowNodeRef>A1</bpmn:flowNodeRef><bpmn:flowNodeRef>A2</bpmn:flowNodeRef><bpmn:flowNodeRef>EA</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="SA" /><bpmn:sendTask id="A1" name="Mengirim permohonan" /><bpmn:receiveTask id="A2" name="Menerima jawaban" /><bpmn:endEvent id="EA" />
    <bpmn:sequenceFlow id="FA1" sourceRef="SA" targetRef="A1" /><bpmn:sequenceFlow id="FA2" sourceRef="A1" targetRef="A2" /><bpmn:sequenceFlow id="FA3" sourceRef="A2" targetRef="EA" />
  </bpmn:process>
  <bpmn:process id="PB"><bpmn:laneSet id="LB"><bpmn:lane id="LB1" name="Kepala Bidang B"><bpmn:flowNodeRef>B1</bpmn:flowNodeRef></bpmn:lane><bpmn:lane id="LB2" name="Staf Bidang B"><bpmn:flowNodeRef>B2</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:task id="B1" name="Mendisposisikan permohonan" /><bpmn:task id="B2" name="Menyusun jawaban" />
    <bpmn:sequenceFlow id="FB1" sourceRef="B1" targetRef="B2" />
  </bpmn:process>
</bpmn:definitions>`;
    const document = await checkLayout(xml);
    expect(document.procedure.columns.map((column) => [column.name, column.path])).toEqual([
      ['Kepala Bidang A', ['Bidang A']],
      ['Kepala Bidang B', ['Bidang B']],
      ['Staf Bidang B', ['Bidang B']],
    ]);
    expect(ids(document)).toEqual(['A1', 'B1', 'B2', 'A2']);
    expect(document.procedure.rows[0]!.connections).toContainEqual({ to: 1, label: 'Surat permohonan', message: true, flowIds: ['M1'] });
    expect(document.pages[0]!.header.filter((cell) => cell.text === 'Bidang B')).toHaveLength(1);
  });

  it('letters connector pairs past Z as AA, AB, …', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(connectorLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('gives the same document for the same map every time', async () => {
    const xml = readText(path.join(ROOT, 'processes/templates/mekanisme-kerja.bpmn'));
    expect(layoutSopDocument(await definitionsOf(xml))).toEqual(layoutSopDocument(await definitionsOf(xml)));
  });
});
