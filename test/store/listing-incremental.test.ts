// The incremental map listing (maps/listing-index.ts, maps/listing-cache.ts) against a from-scratch build after a random
// sequence of creates, saves, renames, recodes, unit and kind changes, moves and SOP state changes. Real store on a temp
// dir, real review store with the SOP state index; the maps service answers as it does to the HTTP route.
import { describe, expect, it } from 'vitest';
import type { PublicUser } from '../../server/accounts/accounts.records';
import { MAP_KINDS, type MapKind } from '../../server/domain/vocabulary';
import { ListingCache, listingText, type EncodedListing, type ListingFilter } from '../../server/maps/listing-cache';
import { MapsService } from '../../server/maps/maps.service';
import { TemplateLibrary } from '../../server/maps/templates';
import { edgeFrom, EDGES } from '../../server/review/lifecycle';
import { trackReviewStates, type ReviewStates } from '../../server/review/review-state-index';
import { stateOf, type ReviewState } from '../../server/review/review.schema';
import type { ReviewStore } from '../../server/review/review-store';
import type { MapStore } from '../../server/store/map-store';
import type { ProcessMap } from '../../server/store/records';
import { prng } from '../../bench/bpmn-generator';
import { minimalBpmn } from '../helpers/fixtures';
import { joinPages } from '../helpers/listing-pages';
import { STORE_KINDS, type StoreKind } from '../helpers/store-kinds';

const UNITS = ['Dinas Kesehatan', 'Dinas Sosial', 'Bappeda', ''];
const STEPS = 120;

const user = (roles: PublicUser['roles'], unit: string): PublicUser => ({
  id: `u-${roles.join('-')}-${unit}`,
  username: 'pengguna',
  name: 'Pengguna Uji',
  jabatan: '',
  unit,
  roles,
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

/** The listing as it was built before the index: the store's own filter and order, each item's state added, one JSON. */
async function fromScratch(store: MapStore, states: ReviewStates, filter: ListingFilter): Promise<string> {
  const { sopState, ...mapFilter } = filter;
  let maps = await store.listMaps(mapFilter);
  if (sopState) maps = maps.filter((map) => states.stateOf(map.id) === sopState);
  return JSON.stringify({ items: maps.map((map) => ({ ...map, sopState: states.stateOf(map.id) })) });
}

/** Every filter the listing takes, alone and combined, including units written another way and empty searches. */
function filters(maps: ProcessMap[]): ListingFilter[] {
  const some = maps.slice(0, 3);
  return [
    {},
    ...UNITS.map((unit) => ({ unit })),
    { unit: 'dinas kesehatan' },
    { unit: 'BAPPEDA' },
    ...MAP_KINDS.map((kind) => ({ kind })),
    { kind: 'subproses', unit: 'Dinas Sosial' },
    { q: '' },
    { q: 'layanan' },
    { q: 'PROSEDUR' },
    { q: '1.' },
    ...some.map((map) => ({ q: map.code })),
    ...some.map((map) => ({ q: map.name.slice(2, 8) })),
    { sopState: 'draf' },
    { sopState: 'diajukan' },
    { sopState: 'disahkan', unit: 'Dinas Kesehatan' },
    { sopState: 'perlu-perbaikan', q: 'layanan' },
  ];
}

async function setUp(kind: StoreKind) {
  const store = await kind.open(await kind.location());
  const { reviews, states } = trackReviewStates(store.review);
  const service = new MapsService(store.maps, await TemplateLibrary.load(), undefined, undefined, undefined, states);
  // Blocks of two items: the few maps of a test split, empty and re-form the index's blocks many times over.
  const tiny = new ListingCache(store.maps, states, 2);
  return { store, reviews, states, service, tiny };
}

/** Moves the map's SOP one step along a random edge of the lifecycle, as the review service records it. */
async function stepSop(reviews: ReviewStore, map: ProcessMap, pick: <T>(items: readonly T[]) => T): Promise<void> {
  await reviews.update(map.id, (doc) => {
    const from: ReviewState = stateOf(doc);
    const edge = edgeFrom(from, pick(EDGES.filter((e) => e.from === from)).action)!;
    const transition = {
      seq: doc.transitions.length + 1,
      cycle: doc.transitions.at(-1)?.cycle ?? 1,
      action: edge.action,
      from,
      to: edge.to,
      by: { id: 'u-uji', name: 'Pengguna Uji' },
      at: new Date().toISOString(),
      comment: edge.commentRequired ? 'Alasan dari uji' : '',
      revision: map.currentRevision,
      sopVersion: 0,
    };
    return { next: { ...doc, transitions: [...doc.transitions, transition] }, result: undefined };
  });
}

describe.each(STORE_KINDS)('incremental map listing ($name)', (kind) => {
  it('gives exactly the items and order of a from-scratch build after random changes, for every filter and view', async () => {
    const { store, reviews, states, service, tiny } = await setUp(kind);
    const random = prng(16);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const bureau = user(['penyusun'], '');
    const readers = UNITS.filter((unit) => unit !== '').map((unit) => user(['pembaca'], unit));
    const seen = new Map<string, EncodedListing>();
    const seenFirstPages = new Map<string, EncodedListing>();
    const operations: string[] = [];
    // Page sizes drawn apart from the operations' sequence; small, so that pages cross the tiny cache's blocks.
    const sizes = prng(61);

    const compare = async (step: number) => {
      const maps = await store.maps.listMaps({});
      for (const filter of filters(maps)) {
        const key = JSON.stringify(filter);
        const listing = await service.listEncoded(bureau, filter);
        const expected = await fromScratch(store.maps, states, filter);
        expect(listingText(listing), `step ${step} (${operations.at(-1)}), filter ${key}`).toBe(expected);
        expect(listing.bytes).toBe(Buffer.byteLength(expected));
        const small = await tiny.get(filter);
        expect(listingText(small), `tiny blocks, step ${step}, filter ${key}`).toBe(expected);
        expect(small.etag).toBe(listing.etag);
        // An unchanged body keeps its ETag (304 stays possible); a changed one never keeps it.
        const before = seen.get(key);
        if (before) expect(listing.etag === before.etag, `ETag at step ${step}, filter ${key}`).toBe(listingText(listing) === listingText(before));
        seen.set(key, listing);
        // Every page in turn makes the whole listing again, byte for byte, with its total; in blocks of two as well.
        const limit = 1 + Math.floor(sizes() * 6);
        const total = (JSON.parse(expected) as { items: unknown[] }).items.length;
        const pages = await joinPages(async (offset) => listingText(await service.listPage(bureau, filter, { limit, offset })), limit);
        expect(pages, `pages of ${limit}, step ${step}, filter ${key}`).toEqual({ text: expected, total });
        expect(await joinPages(async (offset) => listingText(await tiny.page(filter, { limit, offset })), limit), `tiny blocks, pages of ${limit}`).toEqual({ text: expected, total });
        // A page keeps its ETag exactly as long as its items and the total stay the same.
        const firstPage = await service.listPage(bureau, filter, { limit: 3, offset: 0 });
        expect((await tiny.page(filter, { limit: 3, offset: 0 })).etag).toBe(firstPage.etag);
        const pageBefore = seenFirstPages.get(key);
        if (pageBefore) expect(firstPage.etag === pageBefore.etag, `page ETag at step ${step}, filter ${key}`).toBe(listingText(firstPage) === listingText(pageBefore));
        seenFirstPages.set(key, firstPage);
        // A user outside the bureau sees the unit's listing, whatever unit the query names.
        for (const reader of readers) {
          const own = await service.listEncoded(reader, { ...filter, unit: reader.unit });
          const ownExpected = await fromScratch(store.maps, states, { ...filter, unit: reader.unit });
          expect(listingText(own), `step ${step}, ${reader.unit}, filter ${key}`).toBe(ownExpected);
          const ownPages = await joinPages(async (offset) => listingText(await service.listPage(reader, { ...filter, unit: reader.unit }, { limit, offset })), limit);
          expect(ownPages.text, `pages, step ${step}, ${reader.unit}, filter ${key}`).toBe(ownExpected);
          // Another unit's maps: no items, whatever the page.
          const other = UNITS.find((unit) => unit !== '' && unit !== reader.unit)!;
          expect(listingText(await service.listPage(reader, { ...filter, unit: other }, { limit, offset: 0 }))).toBe('{"items":[],"total":0}');
        }
      }
    };

    try {
      // The index is built from the store at the first listing, then follows changes.
      for (const unit of UNITS) await store.maps.createMap({ name: `Proses layanan ${unit || 'umum'}`, kind: 'proses', unit, profile: 'nasional' }, { xml: minimalBpmn(), author: 'Ani', message: 'Versi awal' });
      await compare(0);
      for (let step = 1; step <= STEPS; step++) {
        const maps = await store.maps.listMaps({});
        const map = pick(maps);
        const roll = random();
        if (roll < 0.2) {
          const parent = random() < 0.6 ? map : undefined;
          const kind: MapKind = parent ? pick(['subproses', 'lintas-fungsi', 'mekanisme-kerja'] as const) : 'proses';
          operations.push(`create under ${parent?.code ?? 'top'}`);
          await store.maps.createMap({ name: `Prosedur ${step} layanan`, kind, unit: parent?.unit ?? pick(UNITS), profile: 'nasional', ...(parent ? { parentId: parent.id } : {}) }, { xml: minimalBpmn(), author: 'Ani', message: 'Versi awal' });
        } else if (roll < 0.45) {
          operations.push(`save ${map.code}`);
          await store.maps.addRevision(map.id, map.currentRevision, { xml: minimalBpmn(`Langkah ${step}`), author: 'Budi', message: 'Perbaikan' });
        } else if (roll < 0.55) {
          operations.push(`rename ${map.code}`);
          await store.maps.updateMap(map.id, { name: `${pick(['Layanan', 'Prosedur', 'Mekanisme'])} ${step}` });
        } else if (roll < 0.6) {
          operations.push(`unit and kind of ${map.code}`);
          await store.maps.updateMap(map.id, { unit: pick(UNITS), kind: pick(MAP_KINDS) });
        } else if (roll < 0.65) {
          const code = `R${step}`;
          operations.push(`recode ${map.code} to ${code}`);
          await store.maps.updateMap(map.id, { code });
        } else if (roll < 0.75) {
          const target = random() < 0.3 ? null : pick(maps);
          operations.push(`move ${map.code} under ${target?.code ?? 'top'}`);
          await store.maps.moveMap(map.id, target?.id ?? null).catch((error: { code?: string }) => {
            // A move under its own subtree or too deep is refused and changes nothing.
            if (!['MAP_MOVE_CYCLE', 'MAP_TOO_DEEP'].includes(error.code ?? '')) throw error;
          });
        } else {
          operations.push(`SOP step of ${map.code}`);
          await stepSop(reviews, map, pick);
        }
        // Listings are not asked after every change: several changes may fall between two listings.
        if (random() < 0.7) await compare(step);
      }
      await compare(STEPS + 1);
      // Every kind of change ran.
      for (const kind of ['create', 'save', 'rename', 'unit and kind', 'recode', 'move', 'SOP step']) {
        expect(operations.some((op) => op.startsWith(kind)), kind).toBe(true);
      }
    } finally {
      await store.close();
    }
  });

  it('builds from the maps stored before its first listing, and keeps an unchanged listing’s ETag', async () => {
    const { store, states, service } = await setUp(kind);
    try {
      const a = await store.maps.createMap({ name: 'Pelayanan A', kind: 'proses', unit: 'Bappeda', profile: 'nasional' }, { xml: minimalBpmn(), author: 'Ani', message: 'Versi awal' });
      const first = await service.listEncoded(user(['penyusun'], ''), {});
      expect(listingText(first)).toBe(await fromScratch(store.maps, states, {}));
      // A change to another unit's map leaves this unit's listing, and its ETag, as they were.
      const other = await service.listEncoded(user(['pembaca'], 'Dinas Sosial'), {});
      await store.maps.createMap({ name: 'Pelayanan B', kind: 'proses', unit: 'Bappeda', profile: 'nasional' }, { xml: minimalBpmn(), author: 'Ani', message: 'Versi awal' });
      expect((await service.listEncoded(user(['pembaca'], 'Dinas Sosial'), {})).etag).toBe(other.etag);
      const second = await service.listEncoded(user(['penyusun'], ''), {});
      expect(second.etag).not.toBe(first.etag);
      expect(JSON.parse(listingText(second)).items.map((m: ProcessMap) => m.name)).toEqual(['Pelayanan B', 'Pelayanan A']);
      await store.maps.addRevision(a.id, 1, { xml: minimalBpmn('Lagi'), author: 'Ani', message: 'Perbaikan' });
      expect(JSON.parse(listingText(await service.listEncoded(user(['penyusun'], ''), {}))).items.map((m: ProcessMap) => m.name)).toEqual(['Pelayanan A', 'Pelayanan B']);
    } finally {
      await store.close();
    }
  });
});
