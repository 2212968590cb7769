// Page breaks of the procedure table, only between rows: as many rows as fit the page's height and the setting's
// maximum, counting the room of the off-page connectors the break needs (SOP-FORMAT.md §2: at a page break the flow
// ends in a numbered pentagon and resumes from its twin on the other page); no page holds only the end terminator.
import type { ProcedureRow } from './procedure.schema';

export interface Crossing {
  label: string;
  fromRow: number;
  /** Index of the connection in its row. */
  connection: number;
  toRow: number;
  fromPage: number;
  toPage: number;
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
 * The off-page connectors of a page of rows [first, last], by the row each stands in: a connection leaving the page
 * has its connector in its source row, one resuming on it in its target row.
 */
export function connectorsByRow(rows: ProcedureRow[], first: number, last: number): Map<number, number> {
  const count = new Map<number, number>();
  const add = (row: number) => count.set(row, (count.get(row) ?? 0) + 1);
  for (const row of rows) {
    const inside = row.index >= first && row.index <= last;
    for (const connection of row.connections) {
      const targetInside = connection.to >= first && connection.to <= last;
      if (inside && !targetInside) add(row.index);
      else if (!inside && targetInside) add(connection.to);
    }
  }
  return count;
}

/** Connectors of the page that do not find room beside their row's symbol: each makes its row a band taller. */
function bandsFor(rows: ProcedureRow[], first: number, last: number, beside: readonly number[]): number {
  let count = 0;
  for (const [row, connectors] of connectorsByRow(rows, first, last)) count += Math.max(0, connectors - (beside[row] ?? 0));
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
      const bands = bandsFor(rows, first, last + 1, beside);
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
    page.length <= maxRows && page.reduce((sum, index) => sum + heights[index]!, 0) + bandsFor(rows, page[0]!, page.at(-1)!, beside) * connectorBand <= available;
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

/** The connector pairs of the page breaks, lettered in the order of their source rows. */
export function crossings(rows: ProcedureRow[], pages: number[][]): Crossing[] {
  const pageOf = new Map<number, number>();
  pages.forEach((page, index) => page.forEach((row) => pageOf.set(row, index + 1)));
  const found: Crossing[] = [];
  for (const row of rows) {
    row.connections.forEach((connection, index) => {
      const fromPage = pageOf.get(row.index)!;
      const toPage = pageOf.get(connection.to)!;
      if (fromPage !== toPage) found.push({ label: connectorLabel(found.length), fromRow: row.index, connection: index, toRow: connection.to, fromPage, toPage });
    });
  }
  return found;
}
