// Opening a map tells what bpmn-js warned about (issue 14 item 2): in the modeller and in the read-only viewer, a
// dismissible notice lists each element and what happened to it, and a model whose diagram draws none of its flow
// nodes says so instead of showing a blank canvas.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const crafted = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/foreign/crafted', name), 'utf8');

/** A map whose current revision is `xml` exactly as given (saved as a revision: no repair on the way). */
async function mapWith(name: string, xml: string): Promise<string> {
  const created = await server.api('/api/maps', { method: 'POST', json: { name, kind: 'proses', unit: 'Dinas Kesehatan' } });
  expect(created.status).toBe(201);
  const id = created.body.map.id as string;
  const saved = await server.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml, baseRevision: 1, message: 'Berkas dari pemodel lain' } });
  expect(saved.status).toBe(201);
  return id;
}

async function openAt(url: string, errors: string[]) {
  const page = await openPage(browser, errors);
  await useSession(page, server.url, server.admin.sessionCookie);
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`${byTestId('modeler-canvas')} svg`);
  return page;
}

const lines = (page: import('puppeteer-core').Page) => page.$$eval(byTestId('open-warning'), (items) => items.map((item) => item.textContent));

describe('warnings on opening a map', () => {
  it('lists each warning in the modeller and in the viewer, and the notice can be dismissed', async () => {
    const id = await mapWith('Pengaduan masyarakat', crafted('client-open-warnings.bpmn'));
    const errors: string[] = [];
    const page = await openAt(`${server.url}/#/peta/${id}`, errors);
    await page.waitForSelector(byTestId('open-warnings'), { visible: true });
    const shown = await lines(page);
    expect(shown).toContain('Alur_3: Rujukan ke “Tugas_Hilang” tidak menemukan elemen; rujukan itu dilewati.');
    expect(shown).toContain('Tugas_1: Elemen ini digambar lebih dari sekali; hanya gambar pertamanya yang ditampilkan.');
    expect(shown).toContain('Elemen bertipe bpmn:FancyTask tidak dikenal BPMN 2.0 dan dilewati.'.replace(/^/, 'bpmn:fancyTask: '));
    expect(await page.$eval(byTestId('open-warnings'), (el) => el.querySelector('.notice-title')?.textContent)).toBe(`${shown.length} peringatan saat membuka peta`);
    expect(shown.join(' ')).not.toMatch(/unresolved|unparsable|multiple DI/);
    expect(await page.$(byTestId('blank-canvas-notice'))).toBeNull();
    if (process.env.PETAKERJA_SCREENSHOT) await page.screenshot({ path: process.env.PETAKERJA_SCREENSHOT });
    await page.click(byTestId('open-warnings-dismiss'));
    await page.waitForSelector(byTestId('open-warnings'), { hidden: true });
    await page.close();

    const viewer = await openAt(`${server.url}/#/peta/${id}/revisi/2`, errors);
    await viewer.waitForSelector(byTestId('open-warnings'), { visible: true });
    expect(await lines(viewer)).toEqual(shown);
    expect(errors).toEqual([]);
    await viewer.close();
  });

  it('says so when the diagram draws none of the flow nodes the model holds', async () => {
    const id = await mapWith('Penerbitan surat keterangan', crafted('client-blank-canvas.bpmn'));
    const errors: string[] = [];
    const page = await openAt(`${server.url}/#/peta/${id}`, errors);
    await page.waitForSelector(byTestId('blank-canvas-notice'), { visible: true });
    expect(await page.$eval(byTestId('blank-canvas-notice'), (el) => el.textContent)).toContain('memuat 4 elemen alur, tetapi diagramnya tidak menggambar satu pun');
    expect(await page.$eval(byTestId('open-warnings'), (el) => el.querySelector('.notice-title')?.textContent)).toBe('Diagram kosong');
    if (process.env.PETAKERJA_SCREENSHOT) await page.screenshot({ path: process.env.PETAKERJA_SCREENSHOT.replace(/\.png$/, '-blank.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
