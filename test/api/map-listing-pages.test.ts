// Pages of the map listing (GET /api/maps?limit=&offset=, issue 16): for every filter and for a reader outside the
// bureau, all pages in turn give the whole listing byte for byte with one total; a page's ETag follows its items and
// the total; bad paging values are refused in Indonesian. Real server, real store on a temp dir, through HTTP.
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ITEMS } from '../../server/maps/maps.schema';
import { minimalBpmn } from '../helpers/fixtures';
import { joinPages, splitPage } from '../helpers/listing-pages';
import { newSopMap, reviewStep } from '../helpers/review-cycle';
import { startTestServer, type ApiClient } from '../helpers/server';

const server = await startTestServer();
const UNITS = ['Dinas Kesehatan', 'Dinas Sosial', 'Bappeda'];
const KINDS = ['proses', 'subproses', 'lintas-fungsi'] as const;
const penyusun = await server.userWith(['penyusun'], '', 'halaman-penyusun');
const pembaca = await server.userWith(['pembaca'], 'Dinas Sosial', 'halaman-pembaca');

/** The body as the server sent it, with its status and ETag. */
async function raw(client: ApiClient, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, { headers: { cookie: client.sessionCookie, ...headers } });
  return { status: response.status, etag: response.headers.get('etag'), text: await response.text() };
}

const query = (filter: Record<string, string>, extra: Record<string, string | number> = {}) =>
  `/api/maps?${new URLSearchParams({ ...filter, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) })}`;

async function pageText(client: ApiClient, filter: Record<string, string>, limit: number, offset: number): Promise<string> {
  const page = await raw(client, query(filter, { limit, offset }));
  expect(page.status, page.text).toBe(200);
  return page.text;
}

// 27 maps over three units and three kinds, some in a hierarchy, one submitted for review.
for (let i = 0; i < 27; i++) {
  const created = await penyusun.api('/api/maps', { method: 'POST', json: { name: `Layanan ${i % 2 ? 'perizinan' : 'pengaduan'} ${i}`, kind: KINDS[i % 3], unit: UNITS[i % 3] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
}
const submitted = await newSopMap(penyusun, 'Dinas Sosial', 'SOP bantuan sosial');
expect((await reviewStep(server.admin, penyusun, submitted, 'ajukan')).status).toBe(200);

const FILTERS: Record<string, string>[] = [
  {},
  { unit: 'Dinas Kesehatan' },
  { unit: 'dinas sosial' },
  { kind: 'subproses' },
  { q: 'perizinan' },
  { q: 'tidak ada yang cocok' },
  { sopState: 'draf' },
  { sopState: 'diajukan' },
  { kind: 'proses', unit: 'Bappeda', q: 'layanan' },
];

describe('pages of the map listing', () => {
  it('joins, page after page, into the whole listing byte for byte, for every filter and page size', async () => {
    for (const filter of FILTERS) {
      const whole = await raw(penyusun, query(filter));
      expect(whole.status).toBe(200);
      // Without `limit` the answer is the whole listing as it always was: `{ items }`, no total.
      expect(whole.text).toMatch(/^\{"items":\[.*\]\}$/s);
      const total = (JSON.parse(whole.text) as { items: unknown[] }).items.length;
      for (const limit of [1, 4, 10, MAX_PAGE_ITEMS]) {
        expect(await joinPages((offset) => pageText(penyusun, filter, limit, offset), limit), `${JSON.stringify(filter)}, ${limit} per page`).toEqual({ text: whole.text, total });
      }
    }
    // The filters were not all empty or all full.
    expect(splitPage(await pageText(penyusun, {}, 5, 0)).total).toBe(28);
    expect(splitPage(await pageText(penyusun, { sopState: 'diajukan' }, 5, 0)).total).toBe(1);
    // `offset` left out: the first page.
    expect((await raw(penyusun, query({}, { limit: 4 }))).text).toBe(await pageText(penyusun, {}, 4, 0));
  });

  it('gives a reader outside the bureau the pages of their own unit, and none of another unit', async () => {
    for (const filter of [{}, { unit: 'Dinas Sosial' }, { q: 'pengaduan' }, { sopState: 'draf' }] as Record<string, string>[]) {
      const whole = await raw(pembaca, query(filter));
      const own = await raw(server.admin, query({ ...filter, unit: 'Dinas Sosial' }));
      expect(whole.text).toBe(own.text);
      const total = (JSON.parse(whole.text) as { items: unknown[] }).items.length;
      expect(total).toBeGreaterThan(0);
      expect(await joinPages((offset) => pageText(pembaca, filter, 3, offset), 3)).toEqual({ text: whole.text, total });
    }
    expect(await pageText(pembaca, { unit: 'Bappeda' }, 10, 0)).toBe('{"items":[],"total":0}');
  });

  it('changes a page’s ETag when its items or the total change, and only then (304 otherwise)', async () => {
    const first = await raw(penyusun, query({ unit: 'Bappeda' }, { limit: 3 }));
    const past = await raw(penyusun, query({ unit: 'Bappeda' }, { limit: 3, offset: 100 }));
    expect(first.etag).toMatch(/^W\/"/);
    expect((await raw(penyusun, query({ unit: 'Bappeda' }, { limit: 3 }), { 'if-none-match': first.etag! })).status).toBe(304);
    // Pages of different content or totals never share an ETag.
    const etags = new Set([first.etag, past.etag, (await raw(penyusun, query({ unit: 'Bappeda' }, { limit: 3, offset: 3 }))).etag, (await raw(penyusun, query({}, { limit: 3, offset: 100 }))).etag]);
    expect(etags.size).toBe(4);

    // A save in another unit leaves the Bappeda pages as they were.
    const { body } = await penyusun.api(query({ unit: 'Dinas Kesehatan' }, { limit: 1 }));
    const other = body.items[0] as { id: string; currentRevision: number };
    const saved = await penyusun.api(`/api/maps/${other.id}/revisions`, { method: 'POST', json: { xml: minimalBpmn('Lagi'), baseRevision: other.currentRevision, message: 'Perbaikan' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect((await raw(penyusun, query({ unit: 'Bappeda' }, { limit: 3 }), { 'if-none-match': first.etag! })).status).toBe(304);

    // A new Bappeda map: the first page shows it; past the end there are still no items, but the total grew.
    const created = await penyusun.api('/api/maps', { method: 'POST', json: { name: 'Layanan baru', kind: 'proses', unit: 'Bappeda' } });
    expect(created.status).toBe(201);
    const firstAfter = await raw(penyusun, query({ unit: 'Bappeda' }, { limit: 3 }));
    expect(firstAfter.etag).not.toBe(first.etag);
    expect(JSON.parse(firstAfter.text).items[0].name).toBe('Layanan baru');
    const pastAfter = await raw(penyusun, query({ unit: 'Bappeda' }, { limit: 3, offset: 100 }));
    expect(splitPage(pastAfter.text)).toEqual({ items: '', total: splitPage(past.text).total + 1 });
    expect(pastAfter.etag).not.toBe(past.etag);
    expect((await raw(penyusun, query({ unit: 'Bappeda' }, { limit: 3, offset: 100 }), { 'if-none-match': past.etag! })).status).toBe(200);
  });

  it('refuses bad paging values with VALIDATION_FAILED and an Indonesian message naming the parameter', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['limit=0', 'limit', /paling kecil 1/],
      [`limit=${MAX_PAGE_ITEMS + 1}`, 'limit', new RegExp(`paling besar ${MAX_PAGE_ITEMS}`)],
      ['limit=abc', 'limit', /bilangan bulat/],
      ['limit=1.5', 'limit', /bilangan bulat/],
      ['limit=-1', 'limit', /bilangan bulat/],
      ['limit=10&limit=20', 'limit', /satu bilangan bulat/],
      ['limit=10&offset=-5', 'offset', /bilangan bulat/],
      ['limit=10&offset=x', 'offset', /bilangan bulat/],
      ['offset=10', 'offset', /hanya berlaku bersama jumlah per halaman/],
    ];
    for (const [search, path, message] of cases) {
      const answer = await penyusun.api(`/api/maps?${search}`);
      expect(answer.status, search).toBe(400);
      expect(answer.body.error.code, search).toBe('VALIDATION_FAILED');
      expect(answer.body.error.details.issues, search).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    // Empty values mean "not given", as for the filters.
    expect((await raw(penyusun, '/api/maps?limit=&offset=')).text).toMatch(/^\{"items":\[.*\]\}$/s);
  });
});
