// The SOP document: the procedure of a map (procedure.ts) laid out on pages (SOP-FORMAT.md §2): the table with its
// header repeated on every page, page breaks between rows with numbered off-page connector pairs, the symbols in their
// performer cells and the arrows routed between them (routing.ts). A pure function of the map, the SOP's record and
// the settings; the model (document.schema.ts) is drawn by a template without further logic.
import type { ModdleElement } from 'bpmn-moddle';
import type { SopIdentityDraft } from '../identity.schema';
import { LayoutSettings, SopDocument, type Arrow, type Band, type FlowSymbol, type LayoutSettingsInput, type Page, type Point, type Rect, type TextCell } from './document.schema';
import { gutterTracks, kegiatanHeight, paperSize, symbolRect, tableLayout, textHeight, TYPOGRAPHY, type TableLayout } from './page-geometry';
import { shortenedLabelWarnings } from './label-notes';
import { placeLabel } from './labels';
import { crossings, paginate, type Crossing } from './paging';
import { frameHeading, readProcedure } from './procedure';
import type { Procedure, ProcedureRow } from './procedure.schema';
import { Router, type RouteRequest, type RoutedSymbol } from './routing';

/** What the layout takes from the SOP's record: its identity part and, optionally, a title. */
export interface SopRecordForLayout {
  identity?: SopIdentityDraft;
  title?: string;
}

/** Height of a band holding one off-page connector, in mm. */
export const CONNECTOR_BAND_MM = 11;

const TEXT_COLUMNS = ['no', 'kegiatan', 'kelengkapan', 'waktu', 'output', 'keterangan'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];

function rowTexts(row: ProcedureRow): Record<TextColumn, string> {
  return {
    no: row.no === undefined ? '' : String(row.no),
    kegiatan: row.kegiatan,
    kelengkapan: row.mutuBaku.kelengkapan ?? '',
    waktu: row.mutuBaku.waktu ?? '',
    output: row.mutuBaku.output ?? '',
    keterangan: row.keterangan ?? '',
  };
}

function rowHeight(row: ProcedureRow, heading: string | undefined, table: TableLayout, least: number, most: number): number {
  const texts = rowTexts(row);
  const widthOf = (key: TextColumn) => table.columns.find((column) => column.key === key)!.width;
  const heights = TEXT_COLUMNS.map((key) =>
    key === 'kegiatan' ? kegiatanHeight(texts.kegiatan, widthOf(key), heading, row.frames.length) : texts[key] ? textHeight(texts[key], widthOf(key)) : 0,
  );
  return Math.min(most, Math.max(least, ...heights));
}

/** The symbol of a row: the terminator (kapsul) for the first and last activities and a terminator standing alone. */
export const symbolKindOf = (row: ProcedureRow): 'terminator' | 'process' | 'decision' => (row.terminal ? 'terminator' : row.kind);

interface PagePlan {
  number: number;
  rows: number[];
  incoming: Crossing[];
  outgoing: Crossing[];
}

/**
 * The performer cells beside a row's symbol where its off-page connectors stand, level with the symbol, nearest
 * first: the next column right, then left (issue 15 item 9: a connector no longer makes its row taller).
 */
export function besideColumns(row: ProcedureRow, columnCount: number): number[] {
  return [row.column + 1, row.column - 1].filter((column) => column >= 0 && column < columnCount);
}

function layoutPage(plan: PagePlan, procedure: Procedure, table: TableLayout, heights: number[], headings: ReadonlyMap<number, string>): Page {
  const bands: Band[] = [];
  /** The row each band belongs to: a connector's band is part of its row. */
  const owners: number[] = [];
  const symbols: FlowSymbol[] = [];
  const routed = new Map<string, RoutedSymbol>();
  let y = table.y + table.headerHeight;
  const addSymbol = (symbol: FlowSymbol, distinctExits: boolean) => {
    symbols.push(symbol);
    routed.set(symbol.id, { id: symbol.id, rect: { x: symbol.x, y: symbol.y, width: symbol.width, height: symbol.height }, band: bands.length - 1, distinctExits });
  };
  const connectorSymbol = (crossing: Crossing, direction: 'out' | 'in', performer: number, band: { y: number; height: number }) => {
    const rect = symbolRect('off-page-connector', table.performerX(performer), table.performerWidth, band.y, band.height);
    const twinPage = direction === 'out' ? crossing.toPage : crossing.fromPage;
    addSymbol({ id: `connector-${crossing.label}-${direction}`, kind: 'off-page-connector', ...rect, performer, text: crossing.label, connector: { label: crossing.label, direction, twinPage } }, false);
  };
  // A connector with no free cell beside its row's symbol takes a band of its own inside the row: above the symbol
  // when the flow resumes there, below it when it leaves.
  const connectorBand = (crossing: Crossing, direction: 'out' | 'in', row: number) => {
    bands.push({ kind: 'connector', y, height: CONNECTOR_BAND_MM });
    owners.push(row);
    connectorSymbol(crossing, direction, procedure.rows[row]!.column, { y, height: CONNECTOR_BAND_MM });
    y += CONNECTOR_BAND_MM;
  };

  const connectors = [...plan.incoming.map((crossing) => ({ crossing, direction: 'in' as const, row: crossing.toRow })), ...plan.outgoing.map((crossing) => ({ crossing, direction: 'out' as const, row: crossing.fromRow }))];
  for (const index of plan.rows) {
    const row = procedure.rows[index]!;
    const mine = connectors.filter((connector) => connector.row === index);
    const cells = besideColumns(row, procedure.columns.length);
    const beside = mine.slice(0, cells.length);
    const stacked = mine.slice(cells.length);
    for (const { crossing, direction } of stacked.filter((connector) => connector.direction === 'in')) connectorBand(crossing, direction, index);
    const height = heights[index]!;
    const band = { kind: 'row' as const, y, height, row: index };
    bands.push(band);
    owners.push(index);
    const rect = symbolRect(symbolKindOf(row), table.performerX(row.column), table.performerWidth, y, height);
    addSymbol({ id: `row-${index}`, kind: symbolKindOf(row), row: index, ...rect, performer: row.column, text: '' }, row.kind === 'decision');
    beside.forEach(({ crossing, direction }, i) => connectorSymbol(crossing, direction, cells[i]!, band));
    y += height;
    for (const { crossing, direction } of stacked.filter((connector) => connector.direction === 'out')) connectorBand(crossing, direction, index);
  }

  // The table's rows: an off-page connector shares a row with an activity (no row of its own).
  const tableBands: Band[] = [];
  bands.forEach((band, i) => {
    const last = tableBands.at(-1);
    if (last && last.row === owners[i]) tableBands[tableBands.length - 1] = { ...last, height: last.height + band.height };
    else tableBands.push({ kind: 'row', y: band.y, height: band.height, row: owners[i]! });
  });
  const cells: TextCell[] = [];
  for (const band of tableBands) {
    const row = procedure.rows[band.row!]!;
    const texts = rowTexts(row);
    for (const column of table.columns) {
      if (column.key === 'pelaksana') continue;
      const text = texts[column.key];
      const heading = headings.get(row.index);
      const frame = column.key === 'kegiatan' ? { ...(heading ? { heading } : {}), ...(row.frames.length > 0 ? { depth: row.frames.length } : {}) } : {};
      if (text) cells.push({ x: column.x, y: band.y, width: column.width, height: band.height, text, align: column.key === 'no' || column.key === 'waktu' ? 'center' : 'left', bold: false, ...frame });
    }
  }

  // Route requests: connections within the page, the leaving part of crossings, and the resumed part on this page.
  const onPage = new Set(plan.rows);
  const requests: Array<RouteRequest & { arrow: Omit<Arrow, 'points' | 'from' | 'to'> & { labelText?: string } }> = [];
  const keyOf = (row: ProcedureRow, connection: number) => (row.kind === 'decision' ? (row.connections[connection]!.label ?? `#${connection}`) : '');
  for (const index of plan.rows) {
    const row = procedure.rows[index]!;
    row.connections.forEach((connection, c) => {
      const base = { source: { row: index, connection: c }, message: connection.message };
      const labelText = connection.label;
      if (onPage.has(connection.to)) {
        requests.push({ from: routed.get(`row-${index}`)!, to: routed.get(`row-${connection.to}`)!, key: keyOf(row, c), arrow: { id: `arrow-${index}-${c}`, ...base, ...(labelText ? { labelText } : {}) } });
      } else {
        const crossing = plan.outgoing.find((known) => known.sources.some((source) => source.row === index && source.connection === c))!;
        requests.push({ from: routed.get(`row-${index}`)!, to: routed.get(`connector-${crossing.label}-out`)!, key: keyOf(row, c), arrow: { id: `arrow-${index}-${c}`, ...base, ...(labelText ? { labelText } : {}) } });
      }
    });
  }
  for (const crossing of plan.incoming) {
    const connection = procedure.rows[crossing.fromRow]!.connections[crossing.connection]!;
    requests.push({
      from: routed.get(`connector-${crossing.label}-in`)!,
      to: routed.get(`row-${crossing.toRow}`)!,
      key: '',
      arrow: { id: `arrow-${crossing.fromRow}-${crossing.connection}-resumed`, source: { row: crossing.fromRow, connection: crossing.connection }, message: connection.message },
    });
  }
  // Arrows between a symbol and the connector beside it first (the straight line across), then short downward arrows
  // (they take the natural ports), loops back up last.
  const span = (request: RouteRequest) => (request.to.band === request.from.band && request.to !== request.from ? -1 : (request.to.band > request.from.band ? 0 : 1000) + Math.abs(request.to.band - request.from.band));
  const order = [...requests].sort((a, b) => span(a) - span(b));
  const router = new Router({ bands, symbols: [...routed.values()], gutters: gutterTracks(table.performerX(0), table.performerWidth, procedure.columns.length) });
  const routes = new Map(order.map((request) => [request, router.route(request)]));
  // Labels once every arrow is routed: each in one cell of its source row, clear of every line, symbol and label.
  const obstacles = {
    segments: [...routes.values()].flatMap((route) => route.points.slice(1).map((point, i) => [route.points[i]!, point] as [Point, Point])),
    symbols: symbols.map(({ x, y, width, height }) => ({ x, y, width, height })),
  };
  const placed: Rect[] = [];
  const arrows: Arrow[] = requests.map((request) => {
    const { labelText, ...arrow } = request.arrow;
    const points = routes.get(request)!.points;
    const label = labelText ? placeLabel(labelText, points, request.from.rect, tableBands, table, procedure.columns.length, obstacles, placed) : undefined;
    return { ...arrow, from: request.from.id, to: request.to.id, points, ...(label ? { label } : {}) };
  });
  return { number: plan.number, header: table.header, bands: tableBands, cells, symbols, arrows, rows: plan.rows, tableBottom: y };
}

/** Lays out an already read procedure. */
export function layoutProcedure(procedure: Procedure, record: SopRecordForLayout = {}, input: LayoutSettingsInput = {}): SopDocument {
  const settings = LayoutSettings.parse(input);
  const paper = paperSize(settings.paper, settings.orientation);
  const margin = settings.marginMm;
  const digits = String(Math.max(1, ...procedure.rows.map((row) => row.no ?? 1))).length;
  const table = tableLayout(procedure.columns, margin, margin, paper.width - 2 * margin, digits);
  const available = paper.height - 2 * margin - table.headerHeight;
  // A row never outgrows a page that also holds a connector above and below it.
  const most = Math.max(settings.minRowHeightMm, available - 2 * CONNECTOR_BAND_MM);
  const headings = new Map(procedure.rows.flatMap((row) => (row.heading ? [[row.index, row.heading] as const] : [])));
  const heights = procedure.rows.map((row) => rowHeight(row, headings.get(row.index), table, settings.minRowHeightMm, most));
  const beside = procedure.rows.map((row) => besideColumns(row, procedure.columns.length).length);
  let pageRows = paginate(procedure.rows, heights, available, CONNECTOR_BAND_MM, settings.maxRowsPerPage, beside);
  // A page that opens inside a sub-process repeats its heading on its first row (the row grows, so the pages are
  // planned again; twice at most).
  for (let pass = 0; pass < 2; pass += 1) {
    const opening = pageRows.flatMap((rows) => (rows.length > 0 ? [procedure.rows[rows[0]!]!] : [])).filter((row) => row.frames.length > 0 && !headings.has(row.index));
    if (opening.length === 0) break;
    for (const row of opening) {
      headings.set(row.index, frameHeading(row.frames));
      heights[row.index] = rowHeight(row, headings.get(row.index), table, settings.minRowHeightMm, most);
    }
    pageRows = paginate(procedure.rows, heights, available, CONNECTOR_BAND_MM, settings.maxRowsPerPage, beside);
  }
  const pairs = crossings(procedure.rows, pageRows);
  const pages = pageRows.map((rows, index) =>
    layoutPage(
      { number: index + 1, rows, incoming: pairs.filter((pair) => pair.toPage === index + 1), outgoing: pairs.filter((pair) => pair.fromPage === index + 1) },
      procedure,
      table,
      heights,
      headings,
    ),
  );
  const warnings = [...procedure.warnings, ...shortenedLabelWarnings(pages, procedure)];
  const overflowing = pages.filter((page) => page.tableBottom > paper.height - margin + 0.01).map((page) => page.number);
  if (overflowing.length > 0) warnings.push(`Tabel prosedur melebihi batas kertas pada halaman ${overflowing.join(', ')}; perkecil jumlah baris per halaman atau gunakan kertas F4.`);
  const title = record.title?.trim() || record.identity?.namaSop?.trim() || procedure.name || 'Standar Operasional Prosedur';
  return SopDocument.parse({
    title,
    ...(record.identity ? { identity: record.identity } : {}),
    settings,
    paper,
    typography: { ...TYPOGRAPHY },
    table: { x: table.x, y: table.y, width: table.width, headerHeight: table.headerHeight, columns: table.columns },
    procedure,
    pages,
    connectors: pairs.map(({ label, fromRow, toRow, fromPage, toPage }) => ({ label, fromRow, toRow, fromPage, toPage })),
    warnings,
  });
}

/** The SOP document of a parsed map and the SOP's record. */
export function layoutSopDocument(definitions: ModdleElement, record: SopRecordForLayout = {}, settings: LayoutSettingsInput = {}): SopDocument {
  return layoutProcedure(readProcedure(definitions), record, settings);
}
