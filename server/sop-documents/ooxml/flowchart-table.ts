// The SOP table from a package's tables and shapes (issue 17's package reader): each symbol in its body row and
// performer column, each line an arrow between the symbols it is glued to (exact) or whose ends it touches, else the
// nearest symbol (a guess), directed by its arrowheads; labels to the arrow they stand beside; off-page connectors
// joined by their letters. The same table the PDF reader makes, from what the file says rather than how it prints.
import { arrowEndMessage, cleanCell, decisionBranchGuesses, placeLabels, tableRowOf, withAnswers } from '../drawn-table';
import type { ColumnRole } from '../pdf/table-grid';
import { SopTable, type TableGuess, type TableLink, type TableRow } from '../sop-table.schema';
import { connectionSite, type Box, type DrawnShape, type Point } from './drawing-shapes';
import type { TableLayout } from './table-header';

/** One table of the file (a sheet; a Word table, one per page as Petakerja writes them) with the shapes over it. */
export interface PlacedTable {
  layout: TableLayout;
  /** Grid column edges and grid row edges in the route's space (EMU); a row's edges are rowY[row], rowY[row + 1]. */
  colX: number[];
  rowY: number[];
  shapes: DrawnShape[];
  /** Which of the file's tables it is (a shape anchored in a cell names it). */
  index: number;
}

interface Node {
  row?: number;
  letter?: string;
  shape: DrawnShape;
}

interface Arrow {
  table: number;
  from: Node;
  to: Node;
  points: Point[];
  label?: string;
  guessed?: string;
}

const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const distanceToBox = (p: Point, b: Box) => Math.hypot(Math.max(b.x - p.x, 0, p.x - b.x - b.width), Math.max(b.y - p.y, 0, p.y - b.y - b.height));
function segmentBoxDistance(box: Box, a: Point, b: Point): number {
  let best = Infinity;
  for (let i = 0; i <= 16; i++) best = Math.min(best, distanceToBox({ x: a.x + ((b.x - a.x) * i) / 16, y: a.y + ((b.y - a.y) * i) / 16 }, box));
  return best;
}
const clean = cleanCell;

/** How far an end may stop from a symbol and still touch it, and how far to be guessed to reach it: relative to symbols' size. */
function tolerances(symbols: DrawnShape[]) {
  const sizes = symbols.map((s) => Math.min(s.box.width, s.box.height)).sort((a, b) => a - b);
  const typical = sizes[Math.floor(sizes.length / 2)] ?? 360000;
  return { touch: typical * 0.12, guess: typical * 1.2 };
}

export interface FlowchartRead {
  table: SopTable;
  /** Symbols the reader could not place (outside every table's performer cells). */
  unplaced: number;
  /** Lines that join no two symbols. */
  loose: number;
  /** Numbered rows of the table without a symbol. */
  emptyRows: number;
  /** Rows that got more than one symbol. */
  crowdedRows: number;
}

export function flowchartTable(tables: PlacedTable[]): FlowchartRead | undefined {
  if (tables.length === 0) return undefined;
  const performersOf = (t: PlacedTable) => t.layout.columns.filter((c) => c.role === 'pelaksana');
  const columns = performersOf(tables[0]!).map((c) => c.name || 'Pelaksana');
  const drafts: Array<{ cells: Partial<Record<ColumnRole, string>>; symbol?: DrawnShape; column: number }> = [];
  const nodes: Array<Node & { table: number }> = [];
  const lines: Array<{ shape: DrawnShape; table: number }> = [];
  const labels: Array<{ shape: DrawnShape; table: number }> = [];
  const messages: string[] = [];
  let unplaced = 0;
  let loose = 0;
  /** Text boxes that are a connector's letter, not a label. */
  const consumed = new Set<DrawnShape>();
  const all = tables.flatMap((t) => t.shapes);
  const { touch, guess } = tolerances(all.filter((s) => s.role === 'symbol'));
  tables.forEach((table, t) => {
    const first = drafts.length;
    for (const row of table.layout.body) drafts.push({ cells: row.cells, column: -1 });
    const performers = performersOf(table);
    const bodyRows = table.layout.body.map((b) => b.row);
    const rowAt = (y: number) => bodyRows.findIndex((r) => y >= table.rowY[r]! && y <= table.rowY[r + 1]!);
    const columnAt = (x: number) => performers.findIndex((c) => x >= table.colX[c.from]! && x <= table.colX[c.to]!);
    const area: Box = {
      x: table.colX[performers[0]!.from]!,
      y: table.rowY[bodyRows[0] ?? 0]!,
      width: table.colX[performers.at(-1)!.to]! - table.colX[performers[0]!.from]!,
      height: table.rowY[(bodyRows.at(-1) ?? 0) + 1]! - table.rowY[bodyRows[0] ?? 0]!,
    };
    const letters = table.shapes.filter((s) => s.role === 'label');
    for (const shape of table.shapes) {
      if (shape.role === 'line') {
        lines.push({ shape, table: t });
        continue;
      }
      if (shape.role === 'label') {
        if (shape.cell || distanceToBox(centre(shape.box), area) <= touch) labels.push({ shape, table: t });
        continue;
      }
      const c = centre(shape.box);
      const inCell = shape.cell && shape.cell.table === table.index ? shape.cell : undefined;
      const row = inCell ? bodyRows.indexOf(inCell.row) : rowAt(c.y);
      const column = inCell ? performers.findIndex((p) => inCell.column >= p.from && inCell.column < p.to) : columnAt(c.x);
      if (row < 0 || column < 0) {
        unplaced += 1;
        continue;
      }
      if (shape.symbol === 'connector') {
        // Its letter: its own text, or a text box standing over it.
        const over = letters.find((l) => distanceToBox(centre(l.box), shape.box) === 0);
        if (over) consumed.add(over);
        nodes.push({ letter: clean(shape.text ?? over?.text), shape, table: t });
        continue;
      }
      const draft = drafts[first + row]!;
      if (draft.symbol) {
        messages.push(`Baris ${first + row + 1} memuat lebih dari satu simbol; yang pertama dipakai.`);
        continue;
      }
      draft.symbol = shape;
      draft.column = column;
      nodes.push({ row: first + row, shape, table: t });
    }
  });
  const labelShapes = labels.filter((l) => !consumed.has(l.shape));
  const byId = new Map(nodes.flatMap((n) => (n.shape.id ? [[`${n.table}:${n.shape.id}`, n] as const] : [])));
  type End = { node: Node; guessed: boolean } | { line: number } | undefined;
  const onLine = (p: Point, points: Point[]) => points.slice(1).some((q, i) => segmentBoxDistance({ x: p.x, y: p.y, width: 0, height: 0 }, points[i]!, q) <= touch);
  const endAt = (p: Point, glued: string | undefined, table: number, self: number): End => {
    // A glued end is trusted where the shape it names stands by it (LibreOffice writes ids of its own in .xlsx).
    const node = glued ? byId.get(`${table}:${glued}`) : undefined;
    if (node && distanceToBox(p, node.shape.box) <= guess) return { node, guessed: false };
    const mine = nodes.filter((n) => n.table === table);
    // An end touches a symbol within a fifth of that symbol's smaller side (as the PDF reader), or the typical reach.
    const reach = (n: Node) => Math.max(touch, Math.min(n.shape.box.width, n.shape.box.height) / 5);
    const touching = mine.filter((n) => distanceToBox(p, n.shape.box) <= reach(n)).sort((a, b) => distanceToBox(p, a.shape.box) - distanceToBox(p, b.shape.box));
    if (touching[0]) return { node: touching[0], guessed: false };
    const line = lines.findIndex((other, index) => index !== self && other.table === table && onLine(p, other.shape.points!));
    if (line >= 0) return { line };
    const nearest = [...mine].sort((a, b) => distanceToBox(p, a.shape.box) - distanceToBox(p, b.shape.box))[0];
    return nearest && distanceToBox(p, nearest.shape.box) <= guess ? { node: nearest, guessed: true } : undefined;
  };
  // A connector glued at both ends says at which site of a symbol each end is (top, left, bottom, right): where its
  // drawn path runs the other way round (LibreOffice writes some turned connectors so in .xlsx), the glue decides.
  const siteOrder = (shape: DrawnShape, table: number): boolean => {
    const { startSite, endSite } = shape.glue ?? {};
    if (startSite === undefined || endSite === undefined) return false;
    const points = shape.points!;
    const mine = nodes.filter((n) => n.table === table);
    const siteDistance = (p: Point, site: number) => {
      const node = [...mine].sort((a, b) => distanceToBox(p, a.shape.box) - distanceToBox(p, b.shape.box))[0];
      return node ? Math.hypot(p.x - connectionSite(node.shape.box, site).x, p.y - connectionSite(node.shape.box, site).y) : 0;
    };
    const forward = siteDistance(points[0]!, startSite) + siteDistance(points.at(-1)!, endSite);
    const swapped = siteDistance(points[0]!, endSite) + siteDistance(points.at(-1)!, startSite);
    return swapped + touch < forward;
  };
  const directed = lines.map(({ shape, table }, index) => {
    const reversed = siteOrder(shape, table);
    const points = reversed ? [...shape.points!].reverse() : shape.points!;
    const a = endAt(points[0]!, reversed ? shape.glue?.end : shape.glue?.start, table, index);
    const b = endAt(points.at(-1)!, reversed ? shape.glue?.start : shape.glue?.end, table, index);
    const heads = shape.heads ?? { start: false, end: false };
    let forward = true;
    let guessed: string | undefined;
    if (heads.end && !heads.start) forward = true;
    else if (heads.start && !heads.end) forward = false;
    else if (shape.glue?.start || shape.glue?.end) forward = true;
    else guessed = 'tanpa mata panah: arahnya ditebak dari urutan gambar';
    return { table, from: forward ? a : b, to: forward ? b : a, points: forward ? points : [...points].reverse(), guessed };
  });
  const follow = (index: number, side: 'from' | 'to', seen: Set<number>): { node: Node; guessed: boolean } | undefined => {
    if (seen.has(index)) return undefined;
    seen.add(index);
    const end = directed[index]![side];
    if (!end) return undefined;
    return 'node' in end ? end : follow(end.line, side, seen);
  };
  const arrows: Arrow[] = directed.flatMap((line, index) => {
    const from = follow(index, 'from', new Set());
    const to = follow(index, 'to', new Set());
    if (!from || !to || from.node === to.node) {
      loose += 1;
      return [];
    }
    const guessed = line.guessed ?? (from.guessed || to.guessed ? 'ujungnya tidak menyentuh simbol: simbol terdekat dipakai' : undefined);
    return [{ table: line.table, from: from.node, to: to.node, points: line.points, ...(guessed ? { guessed } : {}) }];
  });
  // Labels: each to the arrow it stands beside (nearest segment, the earlier segment on a tie), one per arrow while
  // another arrow can take it ("Ya" and "Tidak" stand close by one decision).
  const bandOf = (table: number, y: number) => {
    const t = tables[table]!;
    return t.layout.body.findIndex(({ row }) => y >= t.rowY[row]! && y < t.rowY[row + 1]!);
  };
  const candidates = labelShapes.flatMap(({ shape, table }, block) =>
    arrows
      .filter((arrow) => arrow.table === table)
      .flatMap((arrow) => {
        const distances = arrow.points.slice(1).map((q, i) => segmentBoxDistance(shape.box, arrow.points[i]!, q));
        const best = Math.min(...distances);
        const reach = Math.max(shape.box.height * 0.6, touch);
        if (best <= reach) return [{ block, arrow, score: [0, distances.findIndex((d) => d <= reach), best] as [number, number, number] }];
        if (best <= guess) return [{ block, arrow, score: [1, 0, best] as [number, number, number] }];
        // Else a label in the row of the arrow's source (where the SOP prints a decision's answer that has no room by its line).
        const row = bandOf(table, centre(shape.box).y);
        if (row >= 0 && row === bandOf(table, centre(arrow.from.shape.box).y)) return [{ block, arrow, score: [2, 0, distanceToBox(centre(shape.box), arrow.from.shape.box)] as [number, number, number] }];
        return [];
      }),
  );
  const placed = placeLabels(candidates);
  labelShapes.forEach(({ shape }, block) => {
    const arrow = placed.get(block);
    if (arrow) arrow.label = arrow.label ? `${arrow.label} ${clean(shape.text)}` : clean(shape.text);
  });
  // Off-page connectors: what flows into connector "A" continues from connector "A" elsewhere.
  const joined: Arrow[] = arrows.filter((a) => a.from.row !== undefined && a.to.row !== undefined);
  const letters = new Set(arrows.flatMap((a) => [a.from.letter, a.to.letter]).filter((l): l is string => !!l));
  for (const letter of letters) {
    for (const a of arrows.filter((x) => x.to.letter === letter && x.from.row !== undefined)) {
      for (const b of arrows.filter((x) => x.from.letter === letter && x.to.row !== undefined)) {
        const label = a.label ?? b.label;
        const guessed = a.guessed ?? b.guessed;
        joined.push({ table: a.table, from: a.from, to: b.to, points: a.points, ...(label ? { label } : {}), ...(guessed ? { guessed } : {}) });
      }
    }
  }
  const kept = drafts.map((draft, index) => ({ draft, index })).filter(({ draft }) => draft.symbol);
  if (kept.length === 0) return undefined;
  const position = new Map(kept.map(({ index }, at) => [index, at]));
  type ReadLink = TableLink & { guessed?: string };
  const links: ReadLink[] = joined.flatMap((arrow) => {
    const from = position.get(arrow.from.row!);
    const to = position.get(arrow.to.row!);
    if (from === undefined || to === undefined) return [];
    return [{ from, to, ...(arrow.label ? { label: arrow.label } : {}), ...(arrow.guessed ? { guessed: arrow.guessed } : {}) }];
  });
  const rows: TableRow[] = kept.map(({ draft }, at) => tableRowOf({ shape: draft.symbol!.symbol!, cells: draft.cells, column: draft.column, symbolText: draft.symbol!.text }, at, links));
  const answered = withAnswers(links, rows);
  const guesses: TableGuess[] = [
    ...messages.map((message) => ({ kind: 'symbol-column' as const, message })),
    ...answered.flatMap((link, index) => (link.guessed ? [{ kind: 'arrow-end' as const, link: index, message: arrowEndMessage(rows, link, link.guessed) }] : [])),
    ...decisionBranchGuesses(rows, answered),
  ];
  const table = SopTable.parse({ columns, rows, links: answered.map(({ guessed: _g, ...link }) => link), guesses });
  const emptyRows = drafts.filter((draft) => !draft.symbol && Number.parseInt(draft.cells.no ?? '', 10) > 0).length;
  return { table, unplaced, loose, emptyRows, crowdedRows: messages.length };
}
