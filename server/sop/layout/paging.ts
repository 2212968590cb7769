// Page breaks of the procedure table, only between rows: as many rows as fit the page's height and the setting's
// maximum, counting the room of the off-page connectors the break needs (SOP-FORMAT.md §2: at a page break the flow
// ends in a numbered pentagon and resumes from its twin on the other page); no page holds only the end terminator.
import type { ProcedureRow } from './procedure.schema';

export interface Crossing {
  label: string;
  /** The last row the pair's connections leave from: its `out` connector stands in that row. */
  fromRow: number;
  /** Index of that row's connection. */
  connection: number;
  toRow: number;
  fromPage: number;
  toPage: number;
  message: boolean;
  /**
   * Every connection the pair stands for, in flow order: the connections of one page to one row (of one kind) share a
   * pair (issue 15 item 9: an end every row leads to took a connector per row, and a page of its own).
   */
  sources: Array<{ row: number; connection: number }>;
}

/** A, B, …, Z, AA, AB, … */
export function connectorLabel(index: number): string {
  let label = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    label = String.fromCharCode(65 + rest) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

/**
 * The off-page connectors of a page of rows [first, last], by the row each stands in: the connections leaving the page
 * for one row share a connector in the last of their source rows, those resuming on it from one page share one in
 * their target row. `pageOf` gives the page of a row outside when known (a row of a page still to come counts alone).
 */
export function connectorsByRow(rows: ProcedureRow[], first: number, last: number, pageOf: (row: number) => number | undefined = () => undefined): Map<number, number> {
  const standing = new Map<string, number>();
  for (const row of rows) {
    const inside = row.index >= first && row.index <= last;
    for (const connection of row.connections) {
      const targetInside = connection.to >= first && connection.to <= last;
      if (inside && !targetInside) standing.set(`out:${connection.to}:${connection.message}`, row.index);
      else if (!inside && targetInside) standing.set(`in:${pageOf(row.index) ?? `row${row.index}`}:${connection.to}:${connection.message}`, connection.to);
    }
  }
  const count = new Map<number, number>();
  for (const row of standing.values()) count.set(row, (count.get(row) ?? 0) + 1);
  return count;
}

/** Connectors of the page that do not find room beside their row's symbol: each makes its row a band taller. */
function bandsFor(rows: ProcedureRow[], first: number, last: number, beside: readonly number[], pages: number[][]): number {
  const pageOf = new Map<number, number>();
  pages.forEach((page, index) => page.forEach((row) => pageOf.set(row, index)));
  let count = 0;
  for (const [row, connectors] of connectorsByRow(rows, first, last, (index) => pageOf.get(index))) count += Math.max(0, connectors - (beside[row] ?? 0));
  return count;
}

/** A page holding only the end: end terminators standing alone and at most one activity, the last, drawn as the end. */
export function holdsOnlyTheEnd(rows: ProcedureRow[], page: number[]): boolean {
  return page.every((index) => rows[index]!.terminal === 'end') && page.filter((index) => rows[index]!.kind !== 'terminator').length <= 1;
}

/**
 * Rows of each page (indices), filling pages greedily. `beside`: per row, how many off-page connectors stand beside
 * its symbol without making it taller (none when not given).
 */
export function paginate(rows: ProcedureRow[], heights: number[], available: number, connectorBand: number, maxRows: number, beside: readonly number[] = []): number[][] {
  const pages: number[][] = [];
  let first = 0;
  while (first < rows.length) {
    let last = first;
    let height = heights[first]!;
    while (last + 1 < rows.length && last + 1 - first < maxRows) {
      const next = height + heights[last + 1]!;
      const bands = bandsFor(rows, first, last + 1, beside, pages);
      if (next + bands * connectorBand > available) break;
      height = next;
      last += 1;
    }
    pages.push(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    first = last + 1;
  }
  // No page holds only the end: a page of end rows alone takes the rows before them from the page before, as few as
  // make it more than the end, when they fit.
  const fits = (page: number[]) =>
    page.length <= maxRows && page.reduce((sum, index) => sum + heights[index]!, 0) + bandsFor(rows, page[0]!, page.at(-1)!, beside, pages) * connectorBand <= available;
  for (let p = 1; p < pages.length; p += 1) {
    const before = pages[p - 1]!;
    const page = pages[p]!;
    if (!holdsOnlyTheEnd(rows, page)) continue;
    // The fewest rows of the page before that make this page more than the end, when they fit on it.
    let taken = 0;
    for (let count = 1; count < before.length; count += 1) {
      const moved = [...before.slice(before.length - count), ...page];
      if (!fits(moved)) break;
      if (!holdsOnlyTheEnd(rows, moved)) {
        taken = count;
        break;
      }
    }
    if (taken > 0) pages[p] = [...before.splice(before.length - taken, taken), ...page];
  }
  // No widow: the last page holds at least two rows when the page before can give one and keep two (keep with
  // previous for the final rows).
  while (pages.length > 1 && pages.at(-1)!.length < 2 && pages.at(-2)!.length > 2) {
    const moved = [pages.at(-2)!.at(-1)!, ...pages.at(-1)!];
    if (!fits(moved)) break;
    pages.at(-2)!.pop();
    pages[pages.length - 1] = moved;
  }
  return pages.length > 0 ? pages : [[]];
}

/**
 * The connector pairs of the page breaks, lettered in the order of their first source rows: the connections of one
 * page to one row (sequence or message flows apart) share a pair.
 */
export function crossings(rows: ProcedureRow[], pages: number[][]): Crossing[] {
  const pageOf = new Map<number, number>();
  pages.forEach((page, index) => page.forEach((row) => pageOf.set(row, index + 1)));
  const found: Crossing[] = [];
  const byKey = new Map<string, Crossing>();
  for (const row of rows) {
    row.connections.forEach((connection, index) => {
      const fromPage = pageOf.get(row.index)!;
      const toPage = pageOf.get(connection.to)!;
      if (fromPage === toPage) return;
      const key = `${fromPage}:${connection.to}:${connection.message}`;
      const known = byKey.get(key);
      if (known) {
        known.sources.push({ row: row.index, connection: index });
        known.fromRow = row.index;
        known.connection = index;
        return;
      }
      const crossing: Crossing = { label: connectorLabel(found.length), fromRow: row.index, connection: index, toRow: connection.to, fromPage, toPage, message: connection.message, sources: [{ row: row.index, connection: index }] };
      found.push(crossing);
      byKey.set(key, crossing);
    });
  }
  return found;
}
