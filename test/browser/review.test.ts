// The review cycle in Chromium (docs/review.md): the drafter submits, the reviewer starts the review and comments on a
// task of the diagram, the drafter answers and resolves the thread, the reviewer approves and the signatory signs,
// each through the Reviu panel; the inbox shows what waits for the reviewer.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession, WAIT_TIMEOUT_MS } from '../helpers/browser';
import { type ApiClient, startTestServer } from '../helpers/server';
import { newSopMap } from '../helpers/review-cycle';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { tempDir } from '../helpers/temp-dir';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const UNIT = 'Dinas Kesehatan';
const TASK = 'Activity_Menugaskan';
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** Set to a folder to keep screenshots of the panel and the inbox (docs/review-examples). */
const SCREENSHOTS = process.env.PETAKERJA_REVIEW_SCREENSHOTS;

/** Opens an address of the app as the user of `client` (a full load, so the app reads the new session). */
async function openAs(page: Page, client: ApiClient, hash: string): Promise<void> {
  await useSession(page, server.url, client.sessionCookie);
  await page.goto('about:blank');
  await page.goto(`${server.url}/${hash}`, { waitUntil: 'networkidle0' });
}

async function openMap(page: Page, client: ApiClient, mapId: string): Promise<void> {
  await openAs(page, client, `#/peta/${mapId}`);
  await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element[data-element-id="${TASK}"]`);
  await page.waitForSelector(byTestId('review-state'));
  // The map's event stream is open: changes made from now on reach the page.
  await page.waitForSelector('html[data-map-events="connected"]');
  if (await page.$eval(byTestId('review-panel'), (panel) => (panel as HTMLElement).hidden)) await page.click(byTestId('review-toggle'));
  await page.waitForSelector(byTestId('review-panel'), { visible: true });
}

async function takeAction(page: Page, action: string, expectedState: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.waitForSelector(byTestId(`review-action-${action}`), { visible: true });
  await page.click(byTestId(`review-action-${action}`));
  await page.waitForSelector(`dialog[open] ${byTestId('transition-submit')}`, { visible: true });
  await fill?.(page);
  await page.click(`dialog[open] ${byTestId('transition-submit')}`);
  await page.waitForSelector(`${byTestId('review-state')}[data-state="${expectedState}"]`, { timeout: WAIT_TIMEOUT_MS });
  // The new state may arrive by the map's event stream before the step's own answer closes its dialog: wait for that.
  await page.waitForFunction(() => !document.querySelector('dialog[open] [data-testid="transition-submit"]:disabled'));
  // No dialog is left open (its text, when one is, says which).
  expect(await page.$$eval('dialog[open]', (dialogs) => dialogs.map((d) => d.textContent))).toEqual([]);
}

const stateOf = async (mapId: string) => (await server.api(`/api/maps/${mapId}/review`)).body.state;

describe('the review cycle in the browser', () => {
  it('is submitted, annotated on a task, answered, approved and signed through the Reviu panel', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun');
    const reviewer = await server.userWith(['reviewer'], UNIT, 'reviewer');
    const pengesah = await server.userWith(['pengesah'], UNIT, 'pengesah');
    const mapId = await newSopMap(penyusun, UNIT, 'Penunjukan pelaksana tugas', SOP_IDENTITY);

    const errors: string[] = [];
    const page = await openPage(browser, errors);

    // The drafter sees the map is ready and submits it; the modeller freezes.
    await openMap(page, penyusun, mapId);
    await page.waitForSelector(byTestId('readiness-ok'), { visible: true });
    expect(await page.$eval(byTestId('readiness-ok'), (e) => e.textContent)).toContain('Siap diajukan');
    await takeAction(page, 'ajukan', 'diajukan');
    expect(await stateOf(mapId)).toBe('diajukan');
    await page.waitForSelector(byTestId('review-lock-banner'), { visible: true });
    expect(await page.$eval(byTestId('save-button'), (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    // Ctrl+S says why instead of asking for a revision message the server would refuse.
    await page.keyboard.down('Control');
    await page.keyboard.press('s');
    await page.keyboard.up('Control');
    await page.waitForSelector('dialog[open]', { visible: true });
    expect(await page.$eval('dialog[open]', (d) => d.textContent)).toContain('dibekukan selama reviu');
    expect(await page.$(byTestId('save-message'))).toBeNull();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect(await page.$$eval(byTestId('review-log-item'), (items) => items.map((i) => i.getAttribute('data-action')))).toEqual(['ajukan']);

    // The reviewer finds it in the inbox, starts the review and comments on a task selected on the diagram.
    await openAs(page, reviewer, '#/kotak-masuk');
    await page.waitForSelector(`${byTestId('inbox-row')}[data-map="${mapId}"]`);
    expect(await page.$eval(`${byTestId('inbox-row')}[data-map="${mapId}"]`, (row) => row.getAttribute('data-task'))).toBe('mulai-reviu');
    expect(await page.$eval(byTestId('inbox-count'), (e) => e.textContent)).toBe('1');
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox.png') });
    }
    await openMap(page, reviewer, mapId);
    expect(await page.$(byTestId('save-button'))).toBeNull();
    await takeAction(page, 'mulai-reviu', 'direviu');
    await page.click(`.djs-element[data-element-id="${TASK}"]`);
    await page.waitForFunction(
      (s) => (document.querySelector(s) as HTMLInputElement | null)?.checked === true && !(document.querySelector(s) as HTMLInputElement).disabled,
      {},
      byTestId('annotation-target-elemen'),
    );
    expect(await page.$eval(byTestId('annotation-threads'), (e) => e.textContent)).toContain('Menerbitkan surat penugasan');
    await page.type(byTestId('annotation-body'), 'Sebutkan dasar hukum surat penugasan ini.');
    await page.click(byTestId('annotation-submit'));
    const badge = `${byTestId('annotation-badge')}[data-element="${TASK}"]`;
    await page.waitForSelector(badge, { visible: true });
    expect(await page.$eval(badge, (e) => e.textContent)).toBe('1');
    const thread = `${byTestId('annotation-thread')}[data-element="${TASK}"]`;
    expect(await page.$eval(thread, (e) => e.textContent)).toContain('Sebutkan dasar hukum surat penugasan ini.');
    expect(await page.$eval(thread, (e) => e.textContent)).toMatch(/baris SOP \d+/i);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'review-panel.png') });

    // The drafter opens the thread from the badge, answers and resolves it.
    await openMap(page, penyusun, mapId);
    await page.waitForSelector(badge, { visible: true });
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'modeller-locked.png') });
    // The SOP view counts the open comment on the row the task becomes.
    await page.click(byTestId('sop-toggle'));
    await page.waitForSelector(byTestId('sop-row-comments'), { visible: true });
    expect(await page.$eval(byTestId('sop-row-comments'), (e) => e.textContent)).toMatch(/Baris \d+: 1 komentar/);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'sop-row-comments.png') });
    await page.click(byTestId('sop-toggle'));
    await page.click(badge);
    await page.waitForSelector(`${thread}.is-focused`);
    await page.type(`${thread} ${byTestId('annotation-reply')}`, 'Sudah ditambahkan pada identitas SOP.');
    await page.click(`${thread} ${byTestId('annotation-reply-submit')}`);
    await page.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('Sudah ditambahkan pada identitas SOP.'), {}, thread);
    await page.click(`${thread} ${byTestId('annotation-resolve')}`);
    await page.waitForSelector(`${badge}.is-resolved`);
    const stored = (await server.api(`/api/maps/${mapId}/annotations`)).body.items;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'selesai', anchor: { kind: 'elemen', elementId: TASK }, replies: [{ body: 'Sudah ditambahkan pada identitas SOP.' }] });

    // The reviewer approves.
    await openMap(page, reviewer, mapId);
    await takeAction(page, 'setujui', 'disetujui', async (p) => p.type(byTestId('transition-comment'), 'Sesuai.'));

    // The signatory reads what will be signed, signs, and gets the code, the PDF and the verification page.
    await openMap(page, pengesah, mapId);
    await takeAction(page, 'sahkan', 'disahkan', async (p) => {
      const summary = await p.$eval(byTestId('signing-summary'), (e) => e.textContent);
      expect(summary).toContain(SOP_IDENTITY.namaSop);
      expect(summary).toContain(SOP_IDENTITY.disahkanOleh.nama);
      // The address the QR code will carry: the one the admin confirmed at setup.
      expect(await p.$eval(byTestId('signing-public-url'), (e) => e.textContent)).toBe(`Alamat pada kode QR verifikasi: ${server.url}`);
      expect(await p.$eval(byTestId('transition-date'), (e) => (e as HTMLInputElement).value)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    });
    await page.waitForSelector(byTestId('signature-code'), { visible: true });
    const code = await page.$eval(byTestId('signature-code'), (e) => e.textContent ?? '');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'review-signed.png') });
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const pdfHref = await page.$eval(byTestId('signature-pdf'), (a) => a.getAttribute('href'));
    expect(pdfHref).toBe(`/api/maps/${mapId}/signatures/${code}/pdf`);
    const pdf = await pengesah.api(pdfHref!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(await page.$eval(byTestId('signature-verify'), (a) => a.getAttribute('href'))).toContain(code);
    expect(await page.$$eval(byTestId('review-log-item'), (items) => items.map((i) => i.getAttribute('data-action')))).toEqual([
      'sahkan',
      'setujui',
      'mulai-reviu',
      'ajukan',
    ]);

    // The signed scan goes back with the record.
    const scan = path.join(await tempDir(), 'pindaian.png');
    writeFileSync(scan, Buffer.from(PNG_1PX, 'base64'));
    const input = (await page.$(byTestId('scan-input'))) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(scan);
    await page.waitForSelector(byTestId('signature-scan'), { visible: true });
    expect(await page.$eval(byTestId('signature-scan'), (e) => e.textContent)).toBe('pindaian.png');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows why a map is not ready to submit, and reloads when someone else acted first', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-dua');
    const created = await penyusun.api('/api/maps', { method: 'POST', json: { templateId: 'penunjukan-dalam-unit', name: 'Penunjukan tanpa identitas', unit: UNIT } });
    const mapId: string = created.body.map.id;
    const errors: string[] = [];
    const page = await openPage(browser, errors);

    await openMap(page, penyusun, mapId);
    await page.waitForSelector(byTestId('readiness-findings'), { visible: true });
    expect(await page.$eval(byTestId('readiness-findings'), (e) => e.textContent)).toContain('Identitas SOP');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'not-ready.png') });
    // The template's only blocker is the identity: listed once, as an identity problem (the lint rule that repeats it
    // on the diagram is not counted a second time).
    expect(await page.$$eval(`${byTestId('readiness-findings')} li`, (items) => items.map((li) => li.textContent))).toEqual([
      'Identitas SOP belum disimpan (isi pada tampilan SOP).',
    ]);
    // "Ajukan untuk direviu" says before the click that it cannot be: disabled, with the server's count, which is the
    // number of problems listed.
    const ajukan = await page.$eval(byTestId('review-action-ajukan'), (b) => ({ disabled: (b as HTMLButtonElement).disabled, title: b.getAttribute('title') }));
    const listed = await page.$$eval(`${byTestId('readiness-findings')} li`, (items) => items.length);
    expect(ajukan.disabled).toBe(true);
    const readiness = (await penyusun.api(`/api/maps/${mapId}/review/readiness`)).body;
    expect(ajukan.title).toBe(readiness.summary);
    expect(ajukan.title).toContain(`${listed} kesalahan`);
    expect(listed).toBe(readiness.problems.length);
    expect(await page.$eval(byTestId('readiness-summary'), (e) => e.textContent)).toContain(`${listed} kesalahan`);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'not-ready-dialog.png') });
    expect(await stateOf(mapId)).toBe('draf');

    // Once the identity is saved it may be submitted; someone else submits while the dialog is open: the page catches up
    // from the map's events, and submitting from the stale dialog is refused with a notice.
    await penyusun.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 0, identity: SOP_IDENTITY, settings: {} } });
    await page.waitForSelector(byTestId('readiness-ok'), { visible: true });
    await page.waitForFunction(() => !(document.querySelector('[data-testid="review-action-ajukan"]') as HTMLButtonElement).disabled);
    await page.click(byTestId('review-action-ajukan'));
    await page.waitForSelector(`dialog[open] ${byTestId('transition-submit')}`, { visible: true });
    const submitted = await penyusun.api(`/api/maps/${mapId}/review/transitions`, { method: 'POST', json: { action: 'ajukan', baseSeq: 0 } });
    expect(submitted.status).toBe(200);
    await page.waitForSelector(`${byTestId('review-state')}[data-state="diajukan"]`);
    await page.click(`dialog[open] ${byTestId('transition-submit')}`);
    await page.waitForSelector(byTestId('review-notice'), { visible: true });
    expect(await page.$eval(byTestId('review-notice'), (e) => e.textContent)).toContain('diubah orang lain');
    await page.waitForSelector(`${byTestId('review-state')}[data-state="diajukan"]`);
    // The notice comes first; the dialog closes once the panel has reloaded the review (ReviewPanel.transition): wait
    // for it to close rather than read it at once (a loaded machine saw it still open).
    await page.waitForFunction(() => document.querySelector('dialog[open]') === null);
    expect(await page.$('dialog[open]')).toBeNull();
    expect(await page.$$eval(byTestId('review-log-item'), (items) => items.length)).toBe(1);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a comment usang once its task changed in the next revision, and carries it there', async () => {
    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun-tiga');
    const reviewer = await server.userWith(['reviewer'], UNIT, 'reviewer-tiga');
    const created = await penyusun.api('/api/maps', { method: 'POST', json: { templateId: 'penunjukan-dalam-unit', name: 'Penunjukan diperbaiki', unit: UNIT } });
    const mapId: string = created.body.map.id;
    await penyusun.api(`/api/maps/${mapId}/sop`, { method: 'PUT', json: { version: 0, identity: SOP_IDENTITY, settings: {} } });
    const transition = async (client: ApiClient, action: string, comment?: string) => {
      const { seq } = (await client.api(`/api/maps/${mapId}/review`)).body;
      const response = await client.api(`/api/maps/${mapId}/review/transitions`, { method: 'POST', json: { action, baseSeq: seq, comment } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    };
    await transition(penyusun, 'ajukan');
    await transition(reviewer, 'mulai-reviu');
    const note = await reviewer.api(`/api/maps/${mapId}/annotations`, { method: 'POST', json: { anchor: { kind: 'elemen', elementId: TASK }, body: 'Nama kegiatan kurang jelas.' } });
    expect(note.status).toBe(201);
    await transition(reviewer, 'minta-perbaikan', 'Perjelas nama kegiatan.');

    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await openMap(page, penyusun, mapId);
    await page.waitForSelector(`${byTestId('review-state')}[data-state="perlu-perbaikan"]`);
    expect(await page.$eval(byTestId('review-log'), (e) => e.textContent)).toContain('Perjelas nama kegiatan.');
    const badge = `${byTestId('annotation-badge')}[data-element="${TASK}"]`;
    await page.waitForSelector(badge, { visible: true });
    expect(await page.$eval(badge, (e) => e.classList.contains('is-usang'))).toBe(false);

    // The drafter renames the task and saves revision 2: the comment comes along, marked usang.
    await page.evaluate((id) => {
      const modeler = window.petakerja!.modeler;
      const registry = modeler.get<{ get(id: string): unknown }>('elementRegistry');
      modeler.get<{ updateLabel(element: unknown, text: string): void }>('modeling').updateLabel(registry.get(id), 'Menerbitkan surat penugasan pelaksana');
    }, TASK);
    await page.click(byTestId('save-button'));
    await page.waitForSelector(byTestId('save-message'), { visible: true });
    await page.type(byTestId('save-message'), 'Nama kegiatan diperjelas');
    await page.click(byTestId('save-submit'));
    await page.waitForSelector(`${badge}.is-usang`, { timeout: WAIT_TIMEOUT_MS });
    const thread = `${byTestId('annotation-thread')}[data-element="${TASK}"]`;
    const text = await page.$eval(thread, (e) => e.textContent);
    expect(text).toContain('usang');
    expect(text).toContain('dari revisi 1');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'usang.png') });

    expect(errors).toEqual([]);
    await page.close();
  });
});
