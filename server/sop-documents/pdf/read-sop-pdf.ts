// Reads the flowchart table of an SOP AP printed as a vector PDF (issue 17): each page's table grid, the symbol in
// each row's performer cell, the arrows between symbols (their direction from the arrowheads, their labels from the
// text beside their start), off-page connectors joined across pages by their letters. What it had to guess is listed.
import { AppError } from '../../errors';
import { arrowEndMessage, compareScores, decisionBranchGuesses, placeLabels, tableRowOf, withAnswers } from '../drawn-table';
import type { SopIdentityDraft } from '../../sop/identity.schema';
import { readIdentity } from '../read-identity';
import { SopTable, type TableGuess, type TableLink, type TableRow } from '../sop-table.schema';
import { readPdfGraphics, type PageGraphics, type Point, type TextRun } from './page-graphics';
import { boxOf, centre, inside, pageShapes, type ArrowTip, type Box, type PageShapes, type Line, type ShapeOnPage } from './shapes';
import { joinLines, kegiatanIn, readGrid, symbolCell, textIn, type ColumnRole, type PageGrid } from './table-grid';

/**
 * How far (page units, 1/72 in) an arrow's end may stop short of or overshoot a symbol and still be read as touching
 * it: 3, or a fifth of the symbol's smaller side when that is more (a table scaled up, or a hand-drawn arrow that
 * stops a millimetre or two short of a large symbol).
 */
const TOUCH = 3;
const touchOf = (box: Box) => Math.max(TOUCH, Math.min(box.width, box.height) / 5);
/** How far an arrow's end may be from the nearest symbol and still be guessed to reach it. */
const GUESS = 18;
/** How far a label may stand from the start of its arrow. */
const LABEL_REACH = 12;

interface Node {
  /** A row (global index) or an off-page connector of a page. */
  row?: number;
  connector?: string;
  box: Box;
  page: number;
}

interface Arrow {
  from: Node;
  to: Node;
  label?: string;
  guessed?: string;
  /** Where it is drawn (its own line), for marking a guess on the original. */
  where?: TableGuess['where'];
  /** Labels given to it that stood as near another arrow. */
  labelGuesses?: Array<{ text: string; where: NonNullable<TableGuess['where']> }>;
}

interface RowDraft {
  page: number;
  cells: Partial<Record<ColumnRole, string>>;
  symbol?: ShapeOnPage;
  column: number;
}

const symbolWhere = (draft: RowDraft): TableGuess['where'] => ({ page: draft.page, ...draft.symbol!.box });

const distanceToBox = (p: Point, box: Box) => Math.hypot(Math.max(box.x - p.x, 0, p.x - box.x - box.width), Math.max(box.y - p.y, 0, p.y - box.y - box.height));

function nodeAt(nodes: Node[], p: Point): { node?: Node; guessed: boolean } {
  const touching = nodes.filter((node) => inside(p, node.box, touchOf(node.box)));
  if (touching.length > 0) return { node: touching.sort((a, b) => distanceToBox(p, a.box) - distanceToBox(p, b.box))[0], guessed: false };
  const nearest = [...nodes].sort((a, b) => distanceToBox(p, a.box) - distanceToBox(p, b.box))[0];
  return nearest && distanceToBox(p, nearest.box) <= GUESS ? { node: nearest, guessed: true } : { guessed: true };
}

/** Text runs in the Pelaksana area outside every symbol, grouped into label blocks (lines close under one another). */
function labelBlocks(texts: TextRun[], area: Box, symbols: Box[]): Array<{ text: string; box: Box }> {
  const runs = texts
    .filter((t) => inside({ x: t.x, y: t.y }, area) && !symbols.some((box) => inside({ x: t.x + t.width / 2, y: t.y - t.size * 0.3 }, box, 0.5)))
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const blocks: TextRun[][] = [];
  for (const run of runs) {
    const block = blocks.find((b) => {
      const last = b.at(-1)!;
      return Math.abs(last.x - run.x) < 2.5 && run.y - last.y > 0 && run.y - last.y < last.size * 1.7;
    });
    if (block) block.push(run);
    else blocks.push([run]);
  }
  return blocks.map((block) => ({
    text: joinLines(block),
    box: boxOf(block.flatMap((t) => [{ x: t.x, y: t.y - t.size }, { x: t.x + t.width, y: t.y }])),
  }));
}

function segmentDistance(box: Box, a: Point, b: Point): number {
  // Sample the segment: exact enough at these sizes.
  let best = Infinity;
  for (let i = 0; i <= 10; i++) best = Math.min(best, distanceToBox({ x: a.x + ((b.x - a.x) * i) / 10, y: a.y + ((b.y - a.y) * i) / 10 }, box));
  return best;
}

interface PageRead {
  page: number;
  grid: PageGrid;
  drafts: RowDraft[];
  nodes: Node[];
  arrows: Arrow[];
}

function readPage(page: PageGraphics, shapes: PageShapes, grid: PageGrid, firstRow: number, guesses: string[]): PageRead {
  const performers = grid.columns.filter((c) => c.role === 'pelaksana');
  const area: Box = {
    x: performers[0]!.x,
    y: grid.bodyTop,
    width: performers.at(-1)!.x + performers.at(-1)!.width - performers[0]!.x,
    height: Math.max(...grid.rows.map((r) => r.y + r.height)) - grid.bodyTop,
  };
  const drafts: RowDraft[] = grid.rows.map((row) => ({
    page: page.number,
    cells: Object.fromEntries(
      grid.columns
        .filter((c) => c.role !== 'pelaksana')
        .map((c) => {
          const cell = { x: c.x, y: row.y, width: c.width, height: row.height };
          return [c.role, c.role === 'kegiatan' ? kegiatanIn(page.texts, cell) : textIn(page.texts, cell)];
        }),
    ),
    column: -1,
  }));
  const nodes: Node[] = [];
  const inArea = shapes.symbols.filter((s) => inside({ x: s.box.x + s.box.width / 2, y: s.box.y + s.box.height / 2 }, area));
  for (const symbol of inArea) {
    const { row, column } = symbolCell(grid, symbol.box);
    if (row < 0 || column < 0) continue;
    if (symbol.shape === 'connector') {
      nodes.push({ connector: textIn(page.texts, symbol.box), box: symbol.box, page: page.number });
      continue;
    }
    const draft = drafts[row]!;
    if (draft.symbol) {
      guesses.push(`Baris ${row + 1} halaman ${page.number} memuat lebih dari satu simbol; yang pertama dipakai.`);
      continue;
    }
    draft.symbol = symbol;
    draft.column = column;
    nodes.push({ row: firstRow + row, box: symbol.box, page: page.number });
  }
  const symbolBoxes = inArea.map((s) => s.box);
  const lines = shapes.lines.filter((line) => line.points.some((p) => inside(p, area, 1)));
  const arrows = arrowsOf(lines, shapes.arrowTips, nodes);
  // Each label to its arrow. A label stands beside one of its arrow's segments (the first with room), else anywhere in
  // a cell a segment passes through, else in the row of the arrow's source (labels.ts): the arrow it fits best, in
  // that order, then by the earliest segment, then the nearest.
  const candidates: Array<{ block: number; arrow: Arrow; score: [number, number, number] }> = [];
  const blocks = labelBlocks(page.texts, area, symbolBoxes);
  blocks.forEach((block, index) => {
    const cell = symbolCell(grid, block.box);
    const key = (c: { row: number; column: number }) => `${c.row}:${c.column}`;
    for (const arrow of arrows) {
      let score: [number, number, number] | undefined;
      arrow.ownPoints.slice(1).forEach((point, i) => {
        const a = arrow.ownPoints[i]!;
        const distance = segmentDistance(block.box, a, point);
        const cells = new Set(Array.from({ length: 11 }, (_, k) => key(symbolCell(grid, { x: a.x + ((point.x - a.x) * k) / 10, y: a.y + ((point.y - a.y) * k) / 10, width: 0, height: 0 }))));
        const tier = distance <= LABEL_REACH ? 0 : cells.has(key(cell)) ? 1 : undefined;
        if (tier !== undefined && (!score || compareScores([tier, i, distance], score) < 0)) score = [tier, i, distance];
      });
      if (!score && arrow.from.row !== undefined && cell.row === symbolCell(grid, arrow.from.box).row) score = [2, 0, distanceToBox(centre(block.box), arrow.from.box)];
      if (score) candidates.push({ block: index, arrow, score });
    }
  });
  const placed = placeLabels(candidates);
  blocks.forEach((block, index) => {
    const arrow = placed.get(index);
    if (!arrow) return;
    arrow.label = arrow.label ? `${arrow.label} ${block.text}` : block.text;
    // Another arrow, to elsewhere, as near the label (lines drawn over one another): the choice is a guess.
    const mine = candidates.find((c) => c.block === index && c.arrow === arrow)!;
    const rival = candidates.find((c) => c.block === index && c.arrow !== arrow && (c.arrow.from !== arrow.from || c.arrow.to !== arrow.to) && c.score[0] === mine.score[0] && Math.abs(c.score[2] - mine.score[2]) <= 1.5);
    if (rival) arrow.labelGuesses = [...(arrow.labelGuesses ?? []), { text: block.text, where: { page: page.number, ...block.box } }];
  });
  return { page: page.number, grid, drafts, nodes, arrows };
}

/** Where one end of a line stops: at a symbol, on another line (arrows merging into a trunk or leaving one), or nowhere. */
type End = { node: Node; guessed: boolean } | { line: number } | undefined;

function onLine(p: Point, line: Line): boolean {
  return line.points.slice(1).some((q, i) => {
    const a = line.points[i]!;
    return segmentDistance({ x: p.x, y: p.y, width: 0, height: 0 }, a, q) <= TOUCH;
  });
}

/**
 * The arrows of a page: each line's ends placed on symbols, or on other lines whose ends are followed (arrows that
 * merge into a trunk, or leave one), directed by their arrowheads.
 */
function arrowsOf(drawn: Line[], tips: ArrowTip[], nodes: Node[]): Array<Arrow & { ownPoints: Point[] }> {
  let lines = drawn;
  // A line stops at its arrowhead's base: its tip lies a head's length away (7 covers the usual heads; a larger one
  // counts by its own length).
  const tipAt = (p: Point) => tips.find((tip) => Math.hypot(tip.x - p.x, tip.y - p.y) <= Math.max(7, tip.length * 1.2));
  // An arrow ends at its arrowhead's tip: a line stops at the head's base (a dashed one up to a gap before it). Which
  // end has the head: one tip near both ends of a line shorter than the head (an arrow between two close symbols) is
  // the end it was put at, not a head at each end.
  const heads = new Map<Line, 'first' | 'last' | 'both'>();
  lines = lines.map((line) => {
    const points = [...line.points];
    const [first, last] = [tipAt(points[0]!), tipAt(points.at(-1)!)];
    if (last) points[points.length - 1] = last;
    else if (first) points[0] = first;
    const out = { ...line, points };
    if (first && last && first !== last) heads.set(out, 'both');
    else if (last || first) heads.set(out, last ? 'last' : 'first');
    return out;
  });
  const endOf = (p: Point, self: number): End => {
    const touching = nodes.filter((node) => inside(p, node.box, touchOf(node.box)));
    if (touching.length > 0) return { node: touching.sort((a, b) => distanceToBox(p, a.box) - distanceToBox(p, b.box))[0]!, guessed: false };
    const line = lines.findIndex((other, index) => index !== self && onLine(p, other));
    if (line >= 0) return { line };
    const found = nodeAt(nodes, p);
    return found.node ? { node: found.node, guessed: true } : undefined;
  };
  const directed = lines.map((line, index) => {
    const [first, last] = [line.points[0]!, line.points.at(-1)!];
    const [a, b] = [endOf(first, index), endOf(last, index)];
    const nodeEnd = (end: End) => !!end && 'node' in end;
    let forward = true;
    let guessed: string | undefined;
    const head = heads.get(line);
    if (head === 'last') forward = true;
    else if (head === 'first') forward = false;
    else if (nodeEnd(a) && !nodeEnd(b) && b) forward = true;
    else if (nodeEnd(b) && !nodeEnd(a) && a) forward = false;
    else guessed = 'tanpa mata panah: arahnya ditebak dari urutan gambar';
    return { line, from: forward ? a : b, to: forward ? b : a, points: forward ? line.points : [...line.points].reverse(), guessed };
  });
  const follow = (index: number, side: 'from' | 'to', seen: Set<number>): { node: Node; guessed: boolean } | undefined => {
    if (seen.has(index)) return undefined;
    seen.add(index);
    const end = directed[index]![side];
    if (!end) return undefined;
    return 'node' in end ? end : follow(end.line, side, seen);
  };
  return directed.flatMap((arrow, index) => {
    const from = follow(index, 'from', new Set());
    const to = follow(index, 'to', new Set());
    if (!from || !to || from.node === to.node) return [];
    // A trunk that only carries other arrows (both its ends on symbols already counted) is itself an arrow; a branch
    // that joins a trunk is the arrow from its own start to where the trunk leads.
    const guessed = arrow.guessed ?? (from.guessed || to.guessed ? 'ujungnya tidak menyentuh simbol: simbol terdekat dipakai' : undefined);
    const box = boxOf(arrow.points);
    const where = { page: from.node.page, x: box.x, y: box.y, width: box.width, height: box.height };
    return [{ from: from.node, to: to.node, ownPoints: arrow.points, where, ...(guessed ? { guessed } : {}) }];
  });
}

export interface PageImage {
  page: number;
  /** The page's size in page units (1/72 in), which the guesses' boxes are given in. */
  width: number;
  height: number;
  png: Uint8Array;
}

export interface SopDocument {
  table: SopTable;
  /** The identity part's fields the document states. */
  identity: SopIdentityDraft;
  pages: number;
  /** The first pages drawn, for the import dialog to show beside the map. */
  images: PageImage[];
}

/** Pages drawn for the import dialog: an SOP's identity page and its first flowchart pages. */
const DRAWN_PAGES = 8;

/** The SOP of a vector PDF printed from an SOP AP: its flowchart table and identity; a PDF without the table is refused. */
export async function readSopPdf(bytes: Uint8Array, { draw = false }: { draw?: boolean } = {}): Promise<SopDocument> {
  const { pages } = await readPdfGraphics(bytes, { drawPages: draw ? DRAWN_PAGES : 0 });
  const guesses: string[] = [];
  const reads: PageRead[] = [];
  let rows = 0;
  for (const page of pages) {
    // Sorted once: the grid is read from its cells, the rest of the page from its symbols, arrowheads and lines.
    const shapes = pageShapes(page.paths);
    const grid = readGrid(shapes.cells, page.texts);
    if (!grid || grid.rows.length === 0) continue;
    const read = readPage(page, shapes, grid, rows, guesses);
    reads.push(read);
    rows += grid.rows.length;
  }
  if (reads.length === 0) {
    const noText = pages.every((page) => page.texts.length === 0);
    throw new AppError(
      422,
      noText ? 'PDF_SCANNED' : 'SOP_TABLE_NOT_FOUND',
      noText
        ? 'PDF ini tidak memiliki lapisan teks (hasil pindaian); yang dapat dibaca hanya PDF yang dibuat dari Word, Excel atau LibreOffice.'
        : 'Tabel diagram alir SOP (kolom No, Kegiatan, Pelaksana, Mutu Baku) tidak ditemukan di PDF ini.',
    );
  }
  const drafts = reads.flatMap((read) => read.drafts);
  const arrows = reads.flatMap((read) => read.arrows);
  // Off-page connectors: what flows into connector "A" on one page continues from connector "A" on another.
  const joined: Arrow[] = arrows.filter((arrow) => arrow.from.row !== undefined && arrow.to.row !== undefined);
  const letters = new Set(arrows.flatMap((arrow) => [arrow.from.connector, arrow.to.connector]).filter((l): l is string => !!l));
  for (const letter of letters) {
    const into = arrows.filter((arrow) => arrow.to.connector === letter && arrow.from.row !== undefined);
    const outOf = arrows.filter((arrow) => arrow.from.connector === letter && arrow.to.row !== undefined);
    for (const a of into) {
      for (const b of outOf) {
        const label = a.label ?? b.label;
        const guessed = a.guessed ?? b.guessed;
        joined.push({ from: a.from, to: b.to, ...(label ? { label } : {}), ...(guessed ? { guessed, where: (a.guessed ? a.where : b.where)! } : { where: a.where! }) });
      }
    }
  }
  const kept = drafts.map((draft, index) => ({ draft, index })).filter(({ draft }) => draft.symbol);
  const position = new Map(kept.map(({ index }, at) => [index, at]));
  type ReadLink = TableLink & { guessed?: string; where?: TableGuess['where']; labelGuesses?: Arrow['labelGuesses'] };
  const links: ReadLink[] = joined.flatMap((arrow) => {
    const from = position.get(arrow.from.row!);
    const to = position.get(arrow.to.row!);
    if (from === undefined || to === undefined) return [];
    return [
      {
        from,
        to,
        ...(arrow.label ? { label: arrow.label } : {}),
        ...(arrow.guessed ? { guessed: arrow.guessed, ...(arrow.where ? { where: arrow.where } : {}) } : {}),
        ...(arrow.labelGuesses ? { labelGuesses: arrow.labelGuesses } : {}),
      },
    ];
  });
  const tableRows: TableRow[] = kept.map(({ draft }, at) => tableRowOf({ shape: draft.symbol!.shape, cells: draft.cells, column: draft.column }, at, links));
  const answered = withAnswers(links, tableRows);
  const tableGuesses: TableGuess[] = [
    ...guesses.map((message) => ({ kind: 'symbol-column' as const, message })),
    ...answered.flatMap((link, index) =>
      link.guessed ? [{ kind: 'arrow-end' as const, link: index, message: arrowEndMessage(tableRows, link, link.guessed), ...(link.where ? { where: link.where } : {}) }] : [],
    ),
    ...answered.flatMap((link, index) =>
      (link.labelGuesses ?? []).map(({ text, where }) => ({
        kind: 'arrow-label' as const,
        link: index,
        message: `Tulisan "${text}" berdiri sama dekat dengan beberapa panah; dipasang pada panah dari No. ${tableRows[link.from]!.no ?? '-'} ke No. ${tableRows[link.to]!.no ?? '-'}.`,
        where,
      })),
    ),
    ...decisionBranchGuesses(tableRows, answered, (index) => symbolWhere(kept[index]!.draft)),
  ];
  const columns = reads[0]!.grid.columns.filter((c) => c.role === 'pelaksana').map((c) => c.name || 'Pelaksana');
  // The identity part stands on the pages before the first flowchart page, or above the table on it.
  const first = reads[0]!;
  const identity = readIdentity(
    pages.flatMap((page) => (page.number < first.page ? page.texts : page.number === first.page ? page.texts.filter((t) => t.y < first.grid.headerTop - 20) : [])),
  );
  const table = SopTable.parse({
    ...(identity.namaSop ? { name: identity.namaSop } : {}),
    columns,
    rows: tableRows,
    links: answered.map(({ guessed: _guessed, where: _where, labelGuesses: _labels, ...link }) => link),
    guesses: tableGuesses,
  });
  const images = pages.flatMap((page) => (page.png ? [{ page: page.number, width: page.width, height: page.height, png: page.png }] : []));
  return { table, identity, pages: pages.length, images };
}
