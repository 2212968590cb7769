// Pages of the map listing (`GET /api/maps?limit=&offset=`, `{ items, total }`) read back as the whole listing's text:
// the items' bytes as each page sent them, so joining every page must give the whole listing byte for byte.

/** A page's body split into its items' text (between the brackets, as sent) and its total. */
export function splitPage(body: string): { items: string; total: number } {
  const match = /^\{"items":\[(.*)\],"total":(\d+)\}$/s.exec(body);
  if (!match) throw new Error(`Not a page of the listing: ${body.slice(0, 200)}`);
  return { items: match[1]!, total: Number(match[2]) };
}

/**
 * Reads every page of `limit` items, from offset 0 until the total, and the first page past the end; returns the
 * `{ items }` text the pages make together and the total every page gave (throws if two pages disagree on it, a
 * page holds more than `limit` items or fewer than the rest of the total, or the page past the end holds any).
 */
export async function joinPages(pageText: (offset: number) => Promise<string>, limit: number): Promise<{ text: string; total: number }> {
  const parts: string[] = [];
  let total: number | undefined;
  for (let offset = 0; total === undefined || offset < total; offset += limit) {
    const page = splitPage(await pageText(offset));
    if (total !== undefined && page.total !== total) throw new Error(`Page at ${offset} gives total ${page.total}, an earlier one ${total}`);
    total = page.total;
    const items = page.items === '' ? 0 : JSON.parse(`[${page.items}]`).length;
    if (items !== Math.min(limit, Math.max(0, total - offset))) throw new Error(`Page at ${offset} holds ${items} items (limit ${limit}, total ${total})`);
    if (page.items !== '') parts.push(page.items);
  }
  const past = splitPage(await pageText(total!));
  if (past.items !== '' || past.total !== total) throw new Error(`The page past the end is ${JSON.stringify(past)}`);
  return { text: `{"items":[${parts.join(',')}]}`, total: total! };
}
