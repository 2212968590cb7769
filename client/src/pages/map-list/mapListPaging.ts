// The pages of the map list's table: their size, the page an address asks for, and the count shown above them.
// No DOM here: the listing bench (bench/listing.ts) asks for the page the list asks for, of this size.
import { formatCount } from '../../ui/format';

/** Maps per page of the table ("Daftar"); the tree of the hierarchy shows every map. */
export const MAP_LIST_PAGE_SIZE = 100;
/** The highest page an address may ask for (beyond the end, the last page is shown). */
const MAX_PAGE = 1_000_000;

/** The page an address asks for (`halaman`): a whole number from 1, else the first. */
export function pageFrom(value: string | null): number {
  const page = value !== null && /^\d{1,7}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

/** How many pages `total` maps fill (one, even when there are none). */
export const pagesOf = (total: number): number => Math.max(1, Math.ceil(total / MAP_LIST_PAGE_SIZE));

/** "1–100 dari 20.000 peta" for page `page` holding `shown` maps; "55 peta" when they fit on one page; "" for none. */
export function countText(page: number, shown: number, total: number): string {
  if (total === 0) return '';
  if (total <= MAP_LIST_PAGE_SIZE) return `${formatCount(total)} peta`;
  const first = (page - 1) * MAP_LIST_PAGE_SIZE + 1;
  return `${formatCount(first)}–${formatCount(first + shown - 1)} dari ${formatCount(total)} peta`;
}
