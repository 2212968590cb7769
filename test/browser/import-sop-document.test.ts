// Importing an SOP AP document printed as PDF through the import dialog (issue 17): the original beside the map read
// from it, what was read (rows, performers, arrows, identity), the guesses to confirm before "Impor" creates anything;
// the map opens, its SOP record holds the document's identity.
// PETAKERJA_OFFICE_SCREENSHOTS=1 keeps its pictures in docs/screenshots/ (a plain run writes nothing in the tree).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import type { SopIdentityDraft } from '../../server/sop/identity.schema';
import { PdfPool } from '../../server/sop/pdf/pdf-pool';
import { renderSop } from '../../server/sop/render/index';
import { launchBrowser } from '../helpers/browser';
import { openMapList } from '../helpers/map-list-page';
import { readText, ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';
import { FULL_SOP_IDENTITY } from '../helpers/sop-identity';
import { tempDir } from '../helpers/temp-dir';

const server = await startTestServer();
const browser = await launchBrowser();
const pool = new PdfPool({ size: 1 });
afterAll(() => pool.close());
const byTestId = (id: string) => `[data-testid="${id}"]`;

const IDENTITY: SopIdentityDraft = FULL_SOP_IDENTITY;

/** The SOP of a library map printed to PDF; `edit` may change its HTML first (to draw what a reader must guess). */
async function printed(name: string, edit: (html: string) => string = (html) => html): Promise<string> {
  const { definitions } = await parseBpmn(readText(path.join(ROOT, 'processes/templates/lintas-fungsi.bpmn')));
  const rendered = renderSop({ definitions, identity: IDENTITY, settings: { paper: 'A4', orientation: 'landscape' } });
  const file = path.join(await tempDir('petakerja-import-sop-'), name);
  writeFileSync(file, await pool.pdf(edit(rendered.html), { paper: 'A4', landscape: true }));
  return file;
}

const listPage = (errors: string[]): Promise<Page> => openMapList(browser, server, errors);

async function choose(page: Page, file: string): Promise<void> {
  const input = (await page.$(byTestId('import-input'))) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await page.waitForSelector('dialog.dialog-import[open]');
  await page.waitForSelector(`${byTestId('import-preview')} svg .djs-element.djs-shape`);
  await page.waitForSelector(byTestId('import-document'), { visible: true });
}

describe('importing an SOP document (PDF)', () => {
  it('shows the original beside the map and what was read, and creates the map with its SOP identity', async () => {
    const errors: string[] = [];
    const page = await listPage(errors);
    await choose(page, await printed('sop-tim-kerja.pdf'));
    const summary = await page.$eval(byTestId('import-document-summary'), (e) => e.textContent ?? '');
    expect(summary).toContain('Dibaca dari PDF, 2 halaman: 8 kegiatan, 3 pelaksana');
    expect(summary).toContain('Nomor SOP');
    expect(await page.$(byTestId('import-guesses-none'))).not.toBeNull();
    // The original's pages as drawn by the server, every one loaded.
    await page.waitForFunction((selector) => [...document.querySelectorAll<HTMLImageElement>(selector)].every((img) => img.complete && img.naturalWidth > 0), {}, `${byTestId('import-page')} img`);
    expect(await page.$$eval(byTestId('import-page'), (pages) => pages.length)).toBe(2);
    expect(await page.$eval(byTestId('import-name'), (e) => (e as HTMLInputElement).value)).toBe(IDENTITY.namaSop);
    if (process.env.PETAKERJA_OFFICE_SCREENSHOTS) await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/import-sop-document-1366.png') });

    await page.type('[data-testid="import-unit"]', 'Dinas Kesehatan');
    await Promise.all([page.waitForFunction(() => location.hash.startsWith('#/peta/')), page.click(byTestId('import-submit'))]);
    const id = await page.evaluate(() => location.hash.split('/')[2]!.split('?')[0]!);
    const sop = await server.api(`/api/maps/${id}/sop`);
    expect(sop.body.record.identity).toEqual(IDENTITY);
    expect((await server.api(`/api/maps/${id}`)).body.map).toMatchObject({ name: IDENTITY.namaSop, unit: 'Dinas Kesehatan' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks for every guessed piece to be confirmed before it imports', async () => {
    const errors: string[] = [];
    const page = await listPage(errors);
    // One arrow drawn without its arrowhead: its direction is a guess.
    const file = await printed('tanpa-panah.pdf', (html) => html.replace(/ marker-end="url\(#arrowhead-1\)"/, ''));
    await choose(page, file);
    await page.waitForSelector(byTestId('import-guess'));
    const guesses = await page.$$eval(byTestId('import-guess'), (items) => items.map((item) => item.textContent ?? ''));
    expect(guesses).toHaveLength(1);
    expect(guesses[0]).toContain('tanpa mata panah');
    // …and marked on the original with its number.
    expect(await page.$$eval(byTestId('import-guess-marker'), (markers) => markers.map((m) => m.textContent))).toEqual(['1']);
    if (process.env.PETAKERJA_OFFICE_SCREENSHOTS) await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/import-sop-document-guess-1366.png') });
    const before = (await server.api('/api/maps')).body.items.length;

    await page.click(byTestId('import-submit'));
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('Centang dulu 1 bagian'), {}, byTestId('import-error'));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('import-guess-confirm');
    expect((await server.api('/api/maps')).body.items.length).toBe(before);

    await page.keyboard.press('Space');
    await Promise.all([page.waitForFunction(() => location.hash.startsWith('#/peta/')), page.click(byTestId('import-submit'))]);
    expect((await server.api('/api/maps')).body.items.length).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
