// The revision diff page in Chromium: both diagrams carry the change markers on the right shapes, the list groups
// the changes, choosing an entry selects the element in both diagrams, the pickers and the history panel lead there.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';
import { MK_RSUD_XML, withInsertedStep } from '../review/inserted-step';
import { ADDED_FLOW, ADDED_TASK, DRAGGED_EVENT, LANE_MOVED_TASK, ORIGINAL_XML, RECONNECTED_FLOW, RENAMED_TASK, revisedXml } from '../review/revised-map';

const server = await startTestServer();
const browser = await launchBrowser();
const { api } = server;
const byTestId = (id: string) => `[data-testid="${id}"]`;

async function saveRevision(id: string, xml: string, message: string): Promise<void> {
  const { currentRevision } = (await api(`/api/maps/${id}`)).body.map;
  expect((await api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml, baseRevision: currentRevision, message } })).status).toBe(201);
}

async function putSop(id: string, identity: unknown): Promise<void> {
  const version = (await api(`/api/maps/${id}/sop`)).body.record?.version ?? 0;
  expect((await api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version, identity } })).status).toBe(200);
}

/** Revision 2: the library map; revision 3: edited; an SOP identity saved at each. */
async function mapWithHistory(): Promise<string> {
  const created = await api('/api/maps', { method: 'POST', json: { name: 'Penunjukan dalam unit', kind: 'mekanisme-kerja', unit: 'Dinas Kesehatan', xml: ORIGINAL_XML } });
  const id = created.body.map.id as string;
  await saveRevision(id, ORIGINAL_XML, 'Salinan pustaka');
  await putSop(id, { namaSop: 'Penunjukan Pelaksana', nomor: '800/12/Org/2026' });
  await saveRevision(id, revisedXml(), 'Tambah pemeriksaan berkas');
  await putSop(id, { namaSop: 'Penunjukan Pelaksana Tugas', nomor: '800/12/Org/2026' });
  return id;
}

async function openDiff(page: Page, id: string, query: string): Promise<void> {
  await useSession(page, server.url, server.admin.sessionCookie);
  await page.goto(`${server.url}/#/peta/${id}/banding?${query}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`${byTestId('diff-new-canvas')} svg .djs-element`);
  await page.waitForSelector(`${byTestId('diff-old-canvas')} svg .djs-element`);
}

/** The markers (diff-*) of each element of one diagram that has any. */
function markersIn(page: Page, canvas: 'diff-old-canvas' | 'diff-new-canvas'): Promise<Record<string, string>> {
  return page.$$eval(`${byTestId(canvas)} .djs-element[class*="diff-"]`, (elements) =>
    Object.fromEntries(elements.map((e) => [e.getAttribute('data-element-id')!, [...e.classList].filter((c) => c.startsWith('diff-')).join(' ')])),
  );
}

describe('the revision diff page', () => {
  it('colours the changes on both diagrams and lists them by group', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    const id = await mapWithHistory();
    await openDiff(page, id, 'dari=2&ke=3');

    expect(await markersIn(page, 'diff-new-canvas')).toEqual({
      [ADDED_TASK]: 'diff-added',
      [ADDED_FLOW]: 'diff-added',
      [RENAMED_TASK]: 'diff-changed',
      [RECONNECTED_FLOW]: 'diff-changed',
      Activity_Memilih: 'diff-changed',
      [LANE_MOVED_TASK]: 'diff-moved',
      [DRAGGED_EVENT]: 'diff-moved',
    });
    // The older diagram has no added elements to mark; it marks the same changes and moves.
    expect(await markersIn(page, 'diff-old-canvas')).toEqual({
      [RENAMED_TASK]: 'diff-changed',
      [RECONNECTED_FLOW]: 'diff-changed',
      Activity_Memilih: 'diff-changed',
      [LANE_MOVED_TASK]: 'diff-moved',
      [DRAGGED_EVENT]: 'diff-moved',
    });
    // The colours are those of the legend: green for added, amber for changed.
    const strokeOf = (elementId: string) =>
      page.$eval(`${byTestId('diff-new-canvas')} [data-element-id="${elementId}"] .djs-visual > :first-child`, (e) => getComputedStyle(e).stroke);
    expect(await strokeOf(ADDED_TASK)).toBe('rgb(29, 138, 63)');
    expect(await strokeOf(RENAMED_TASK)).toBe('rgb(185, 109, 0)');
    expect(await page.$$eval(`${byTestId('diff-legend')} li`, (items) => items.map((li) => li.textContent))).toEqual([
      'Ditambahkan (hanya di revisi baru)',
      'Dihapus (hanya di revisi lama)',
      'Diubah',
      'Dipindahkan (lajur atau posisi)',
    ]);

    const texts = (testId: string) => page.$$eval(byTestId(testId), (items) => items.map((item) => (item.textContent ?? '').replace(/\s+/g, ' ')));
    const elementEntries = await texts('diff-element');
    expect(elementEntries).toHaveLength(7);
    expect(elementEntries).toContainEqual(expect.stringContaining('Nama: “Menerbitkan surat penugasan” → “Menerbitkan surat tugas”'));
    expect(elementEntries).toContainEqual(expect.stringContaining('Lajur: “Pejabat Fungsional/Pelaksana” → “Kepala Bidang (Pimpinan Unit Organisasi)”'));
    expect(elementEntries).toContainEqual(expect.stringContaining('Tujuan alur: “Menerbitkan surat penugasan” → “Memeriksa kelengkapan berkas”'));
    expect(await texts('diff-identity')).toEqual(['DiubahNama SOP“Penunjukan Pelaksana” → “Penunjukan Pelaksana Tugas”']);
    const rows = await texts('diff-row');
    // The start terminator stands in the first activity row (PermenPANRB 35/2012), so the inserted check is No. 2.
    expect(rows).toContainEqual(expect.stringContaining('DitambahkanNo. 2: “Memeriksa kelengkapan berkas”'));
    expect(rows).toContainEqual(expect.stringContaining('No. 2 → 3: “Menerbitkan surat tugas”'));

    if (process.env.PETAKERJA_SCREENSHOT) {
      await page.screenshot({ path: process.env.PETAKERJA_SCREENSHOT });
      // And the end of the list: the SOP identity and rows.
      await page.$eval('.diff-list-body', (body) => body.scrollTo(0, body.scrollHeight));
      await (await page.$(byTestId('diff-list')))!.screenshot({ path: process.env.PETAKERJA_SCREENSHOT.replace(/\.png$/, '-daftar.png') });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a change without technical ids: flows by their ends, one entry for the renumbered rows (1366×768)', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.setViewport({ width: 1366, height: 768 });
    const created = await api('/api/maps', { method: 'POST', json: { name: 'Mekanisme kerja RSUD', kind: 'mekanisme-kerja', unit: 'Dinas Kesehatan', xml: MK_RSUD_XML } });
    const id = created.body.map.id as string;
    await saveRevision(id, withInsertedStep(MK_RSUD_XML), 'Tambah pembahasan strategi');
    await openDiff(page, id, 'dari=1&ke=2');

    const texts = (testId: string) => page.$$eval(byTestId(testId), (items) => items.map((item) => (item.textContent ?? '').replace(/\s+/g, ' ')));
    const elementEntries = await texts('diff-element');
    expect(elementEntries).toContainEqual(expect.stringContaining('Alur Urutan: “Membahas strategi bersama Kepala Bidang” → “Menyusun rencana pelaksanaan kegiatan dan anggaran”'));
    expect(elementEntries).toContainEqual(expect.stringContaining('Alur Urutan: “Merumuskan strategi pelaksanaan pencapaian target kinerja” → “Membahas strategi bersama Kepala Bidang”'));
    for (const entry of elementEntries) expect(entry).not.toMatch(/Flow_|Activity_|Gateway_|Event_/);
    // One inserted step: its own row, and one entry for the nine rows after it.
    expect(await texts('diff-row')).toEqual(['DitambahkanNo. 5: “Membahas strategi bersama Kepala Bidang”']);
    expect(await texts('diff-row-renumbered')).toEqual([
      'Dinomori ulangBaris SOP dinomori ulang: 5–13Menjadi No. 6–14 (9 baris, nomor +1): ada baris yang ditambahkan atau dihapus sebelumnya',
    ]);
    // Choosing it shows the first renumbered row's element.
    await page.click(`${byTestId('diff-row-renumbered')} button`);
    await page.waitForSelector(`${byTestId('diff-new-canvas')} .djs-element.selected[data-element-id="Activity_RencanaKegiatan"]`);
    if (process.env.PETAKERJA_SCREENSHOTS) {
      await page.$eval('.diff-list-body', (body) => body.scrollTo(0, body.scrollHeight));
      await page.screenshot({ path: `${process.env.PETAKERJA_SCREENSHOTS}/banding-nomor-ulang.png` });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects and centres the element chosen in the list in both diagrams', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    const id = await mapWithHistory();
    await openDiff(page, id, 'dari=2&ke=3');
    // Scroll the newer diagram away: the older one follows (the viewports are synchronised).
    const transformOf = (canvas: string) => page.$eval(`${byTestId(canvas)} svg .viewport`, (g) => g.getAttribute('transform'));
    /** The viewport's matrix, rounded: bpmn-js writes the same matrix in more than one notation. */
    const viewportOf = async (canvas: string) => (await transformOf(canvas))?.match(/-?[\d.]+(e-?\d+)?/g)?.map((n) => Math.round(Number(n) * 100) / 100);
    const before = await transformOf('diff-new-canvas');
    const frame = (await (await page.$(byTestId('diff-new-canvas')))!.boundingBox())!;
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await page.mouse.wheel({ deltaX: 240, deltaY: 180 });
    await page.waitForFunction((selector, old) => document.querySelector(selector)?.getAttribute('transform') !== old, {}, `${byTestId('diff-new-canvas')} svg .viewport`, before);
    expect(await viewportOf('diff-old-canvas')).toEqual(await viewportOf('diff-new-canvas'));
    // Choosing the entry brings the element to the middle of both diagrams.
    await page.click(`${byTestId('diff-element')}[data-element-id="${LANE_MOVED_TASK}"] button`);
    await page.waitForSelector(`${byTestId('diff-element')}.is-active[data-element-id="${LANE_MOVED_TASK}"]`);
    for (const canvas of ['diff-old-canvas', 'diff-new-canvas']) {
      const placement = await page.$eval(byTestId(canvas), (container, elementId) => {
        const shape = container.querySelector(`.djs-element[data-element-id="${elementId}"]`)!;
        const box = shape.getBoundingClientRect();
        const frame = container.getBoundingClientRect();
        return { selected: shape.classList.contains('selected'), dx: box.x + box.width / 2 - (frame.x + frame.width / 2), dy: box.y + box.height / 2 - (frame.y + frame.height / 2) };
      }, LANE_MOVED_TASK);
      expect(placement.selected, canvas).toBe(true);
      expect(Math.abs(placement.dx), canvas).toBeLessThan(4);
      expect(Math.abs(placement.dy), canvas).toBeLessThan(4);
    }
    // Untick the synchronisation: the older diagram stays where it is.
    await page.click(byTestId('diff-sync'));
    const oldBefore = await viewportOf('diff-old-canvas');
    const newBefore = await transformOf('diff-new-canvas');
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await page.mouse.wheel({ deltaX: -200, deltaY: 0 });
    await page.waitForFunction((selector, old) => document.querySelector(selector)?.getAttribute('transform') !== old, {}, `${byTestId('diff-new-canvas')} svg .viewport`, newBefore);
    expect(await viewportOf('diff-old-canvas')).toEqual(oldBefore);
    // An element only in the newer revision is selected there, and nothing in the older one.
    await page.click(`${byTestId('diff-element')}[data-element-id="${ADDED_TASK}"] button`);
    expect(await page.$$eval(`${byTestId('diff-new-canvas')} .djs-element.selected`, (e) => e.map((x) => x.getAttribute('data-element-id')))).toEqual([ADDED_TASK]);
    expect(await page.$$(`${byTestId('diff-old-canvas')} .djs-element.selected`)).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows removals on the older diagram, changes revisions through the pickers, and says when nothing differs', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    const id = await mapWithHistory();
    await openDiff(page, id, 'dari=3&ke=2');
    expect((await markersIn(page, 'diff-old-canvas'))[ADDED_TASK]).toBe('diff-removed');
    expect(await page.$(`${byTestId('diff-new-canvas')} [data-element-id="${ADDED_TASK}"]`)).toBeNull();

    await page.select(byTestId('diff-dari'), '2');
    await page.waitForFunction(() => location.hash.endsWith('/banding?dari=2&ke=2'));
    await page.waitForSelector(byTestId('diff-empty'));
    expect(await page.$eval(byTestId('diff-empty'), (e) => e.textContent)).toContain('Tidak ada perbedaan');
    expect(await page.$$(`${byTestId('diff-new-canvas')} .djs-element[class*="diff-"]`)).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is reached from the revision history with the revision before', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    const id = await mapWithHistory();
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/peta/${id}/revisi/3`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('revision-compare'));
    expect(await page.$$eval(byTestId('revision-compare'), (links) => links.map((a) => a.getAttribute('href')))).toEqual([
      `#/peta/${id}/banding?dari=2&ke=3`,
      `#/peta/${id}/banding?dari=1&ke=2`,
    ]);
    await page.click(`${byTestId('revision-compare')}[data-revision="3"]`);
    await page.waitForSelector(`${byTestId('diff-new-canvas')} .djs-element.diff-added`);
    expect(await page.title()).toContain('revisi 2 → 3');
    expect(errors).toEqual([]);
    await page.close();
  });
});
