// The import dialog (issue 14 item 3): a file chosen (or dropped) on the map list is previewed by the server without
// creating anything; the dialog shows the diagram, the warnings (element, what, why), and asks name, kind, unit and
// profile. "Impor" creates the map and opens it; "Batal" and Esc create nothing; a refused file says why, with its
// code. The history of the imported map offers the uploaded file back ("Unduh berkas asli").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { openMapList } from '../helpers/map-list-page';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const crafted = path.resolve(import.meta.dirname, '../fixtures/foreign/crafted');
const withProblems = path.join(crafted, 'client-open-warnings.bpmn');

const mapCount = async () => ((await server.api('/api/maps')).body.items as unknown[]).length;

const listPage = (errors: string[]): Promise<Page> => openMapList(browser, server, errors);

async function choose(page: Page, file: string): Promise<void> {
  const input = (await page.$(byTestId('import-input'))) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await page.waitForSelector('dialog.dialog-import[open]');
}

/** Waits until the preview is drawn and the warnings are listed. */
async function previewShown(page: Page): Promise<void> {
  await page.waitForSelector(`${byTestId('import-preview')} svg .djs-element.djs-shape`);
  await page.waitForSelector(byTestId('import-warnings-title'));
}

// The preview endpoint comes with the import reader (issue 14 items 1-2); on a server without it there is no dialog to test.
const previewAvailable = (await server.api('/api/import/preview', { method: 'POST', body: '<x/>' })).status !== 404;

describe.skipIf(!previewAvailable)('the import dialog', () => {
  it('previews a file with problems, imports it with the chosen kind and unit, and opens it', async () => {
    const errors: string[] = [];
    const page = await listPage(errors);
    const before = await mapCount();
    await choose(page, withProblems);
    await previewShown(page);

    // the warnings, counted in the heading, each with element, what and why
    const warnings = await page.$$eval(byTestId('import-warning'), (items) =>
      items.map((item) => ({
        code: item.getAttribute('data-code'),
        element: item.querySelector('.import-warning-element')?.textContent,
        what: item.querySelector('.import-warning-what')?.textContent,
        why: item.querySelector('.import-warning-why')?.textContent,
      })),
    );
    expect(warnings.length).toBeGreaterThan(0);
    expect(await page.$eval(byTestId('import-warnings-title'), (el) => el.textContent)).toBe(`Peringatan impor (${warnings.length})`);
    for (const warning of warnings) {
      expect(warning.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(warning.what).toBeTruthy();
      expect(warning.why).toBeTruthy();
    }
    expect(warnings.map((w) => w.element)).toContain('Alur_3');
    // prefilled from the file, Impor enabled once the preview is in
    expect(await page.$eval(byTestId('import-name'), (el) => (el as HTMLInputElement).value)).toBeTruthy();
    expect(await page.$eval(byTestId('import-submit'), (el) => (el as HTMLButtonElement).disabled)).toBe(false);

    // when: the user names it, picks kind and unit, and imports
    await page.$eval(byTestId('import-name'), (el) => ((el as HTMLInputElement).value = ''));
    await page.type(byTestId('import-name'), 'Pengaduan masyarakat (impor)');
    await page.select(byTestId('import-kind'), 'lintas-fungsi');
    await page.type(byTestId('import-unit'), 'Dinas Kesehatan');
    if (process.env.PETAKERJA_SCREENSHOT) await page.screenshot({ path: process.env.PETAKERJA_SCREENSHOT });
    await Promise.all([page.waitForFunction(() => location.hash.startsWith('#/peta/')), page.click(byTestId('import-submit'))]);
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element.djs-shape`);

    // then: the map exists with the choices, and revision 1 keeps the uploaded bytes, offered in the history
    const id = decodeURIComponent(await page.evaluate(() => location.hash.split('/')[2]!));
    const map = (await server.api(`/api/maps/${id}`)).body.map;
    expect(map).toMatchObject({ name: 'Pengaduan masyarakat (impor)', kind: 'lintas-fungsi', unit: 'Dinas Kesehatan' });
    expect(await mapCount()).toBe(before + 1);
    // the history panel is docked (one side panel open at a time on an office screen): open it from its tab
    await page.click(byTestId('history-toggle'));
    const link = await page.waitForSelector(`${byTestId('revision-original')}`, { visible: true });
    expect(await link!.evaluate((el) => el.textContent)).toBe('Unduh berkas asli');
    const original = await server.api((await link!.evaluate((el) => el.getAttribute('href')))!);
    expect(original.status).toBe(200);
    expect(original.body).toBe(readFileSync(withProblems, 'utf8'));
    expect(original.headers.get('content-disposition')).toContain('client-open-warnings.bpmn');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates nothing on Batal or Esc, takes a dropped file, and says why a file is refused, with its code', async () => {
    const errors: string[] = [];
    const page = await listPage(errors);
    const before = await mapCount();

    await choose(page, withProblems);
    await previewShown(page);
    await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((b) => b.textContent === 'Batal')!.click());
    await page.waitForSelector('dialog.dialog-import', { hidden: true });

    // a file dropped on the list opens the same dialog; Esc leaves it
    await page.evaluate((xml) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([xml], 'seret.bpmn', { type: 'application/xml' }));
      const target = document.querySelector('.list-main')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, readFileSync(withProblems, 'utf8'));
    await page.waitForSelector('dialog.dialog-import[open]');
    expect(await page.$eval('dialog.dialog-import .dialog-title', (el) => el.textContent)).toBe('Impor berkas “seret.bpmn”');
    await previewShown(page);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.dialog-import', { hidden: true });
    expect(await mapCount()).toBe(before);

    // a file that is no BPMN: the server's message and code, and no way to import it
    const notBpmn = path.join(crafted, '..', 'SOURCES.md');
    await choose(page, notBpmn);
    await page.waitForSelector(byTestId('import-error-code'), { visible: true });
    expect(await page.$eval(byTestId('import-refusal'), (el) => el.textContent)).toContain('tidak dapat diimpor');
    expect(await page.$eval(byTestId('import-error-code'), (el) => el.textContent)).toMatch(/^Kode galat: [A-Z_]+$/);
    expect(await page.$eval(byTestId('import-submit'), (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    if (process.env.PETAKERJA_SCREENSHOT) await page.screenshot({ path: process.env.PETAKERJA_SCREENSHOT.replace(/\.png$/, '-refused.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.dialog-import', { hidden: true });
    expect(await mapCount()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
