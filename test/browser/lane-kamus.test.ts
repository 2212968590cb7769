// Lanes matched to jabatan (issue 14 item 4), in the modeller: an import with a lane answered teaches the kamus, the
// modeller's live lint (in its worker) reads another map's lane of that name through the synonym, and the properties
// panel's "Jabatan / peran" offers the suggestions and "Bukan jabatan pemda", which clears the lane's finding.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { readText, ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const XML = readText(path.join(ROOT, 'test/import/lanes-import.bpmn'));

const importMap = (name: string, lanes?: unknown) =>
  server.api(`/api/import?name=${encodeURIComponent(name)}&kind=lintas-fungsi&unit=Dinas%20Kesehatan${lanes ? `&lanes=${encodeURIComponent(JSON.stringify(lanes))}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: XML,
  });

/** The lanes the findings panel lists an mk/lane-role finding on, once the worker has answered. */
async function laneRoleLanes(page: import('puppeteer-core').Page): Promise<string[]> {
  await page.waitForFunction((s) => !document.querySelector(s)?.textContent?.includes('Memeriksa'), {}, byTestId('lint-summary'));
  return page.$$eval(`${byTestId('lint-finding')}[data-rule="mk/lane-role"]`, (items) => items.map((i) => i.getAttribute('data-element') ?? '').sort());
}

describe('lanes matched to jabatan in the modeller', () => {
  it('reads a lane through the synonym learnt at import, and answers another lane in the properties panel', async () => {
    const other = await importMap('Peta loket');
    expect(other.status).toBe(201);
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    const open = async () => {
      await page.goto(`${server.url}/#/peta/${other.body.map.id}`, { waitUntil: 'networkidle0' });
      await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    };
    await open();
    await page.waitForSelector(`${byTestId('lint-finding')}[data-rule="mk/lane-role"]`);
    expect(await laneRoleLanes(page)).toEqual(['Lane_Kasir', 'Lane_Ruang']);

    // An import with "Kasir" answered: stored with its sk: attribute, and the kamus learns the name.
    const answered = await importMap('Peta kasir', { Lane_Kasir: { jabatan: 'PELAKSANA' } });
    expect(answered.status).toBe(201);
    const stored = (await server.api(`/api/maps/${answered.body.map.id}/revisions/1/xml`)).body as string;
    expect(stored).toContain('<bpmn:lane id="Lane_Kasir" name="Kasir" sk:jabatan="PELAKSANA">');
    expect(((await server.api(`/api/maps/${answered.body.map.id}/lint`)).body.findings as Array<{ rule: string; element: string }>).filter((f) => f.rule === 'mk/lane-role').map((f) => f.element)).toEqual(['Lane_Ruang']);

    // The other map, opened again: its "Kasir" is read through the synonym by the browser's own lint.
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    await page.waitForSelector(`${byTestId('lint-finding')}[data-rule="mk/lane-role"][data-element="Lane_Ruang"]`);
    expect(await laneRoleLanes(page)).toEqual(['Lane_Ruang']);

    // The properties panel: "Kasir" says how it is read; "Ruang Control" is answered as an outside party.
    await page.click('.djs-element[data-element-id="Lane_Kasir"] .djs-hit');
    await page.waitForSelector('select[name="sk-jabatan"]');
    expect(await page.$eval('[data-entry-id="sk-jabatan"]', (el) => el.textContent)).toContain('Dibaca dari kamus repositori: Pelaksana');
    await page.click('.djs-element[data-element-id="Lane_Ruang"] .djs-hit');
    await page.waitForFunction(() => document.querySelector('[data-entry-id="sk-jabatan"]')?.textContent?.includes('tidak dikenali kamus jabatan'));
    const options = await page.$$eval('select[name="sk-jabatan"] option', (items) => items.map((o) => (o as HTMLOptionElement).value));
    expect(options.slice(0, 2)).toEqual(['', 'external']);
    await page.select('select[name="sk-jabatan"]', 'external');
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 0 && !document.querySelector('[data-testid="lint-summary"]')?.textContent?.includes('Memeriksa'), {}, `${byTestId('lint-finding')}[data-rule="mk/lane-role"]`);
    const external = await page.evaluate(() => {
      const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
      return modeler.get('elementRegistry').get('Lane_Ruang').businessObject.get('sk:external');
    });
    expect(external).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers lanes in the import dialog: stored as sk: attributes and learnt by the kamus', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.setViewport({ width: 1366, height: 768 });
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('import-button'), { visible: true });
    const input = (await page.$(byTestId('import-input'))) as import('puppeteer-core').ElementHandle<HTMLInputElement>;
    await input.uploadFile(path.join(ROOT, 'test/import/lanes-import.bpmn'));
    await page.waitForSelector(`${byTestId('import-lane')}[data-lane="Lane_Ruang"] select`);
    // "Ruang Control" has no suggestion: the full list gives its jabatan; "Nanti saja" leaves a lane unanswered.
    expect(await page.$eval(`${byTestId('import-lane')}[data-lane="Lane_Ruang"] select option`, (o) => o.textContent)).toBe('Nanti saja');
    await page.select(`${byTestId('import-lane')}[data-lane="Lane_Ruang"] select`, 'jabatan:FUNGSIONAL');
    await page.$eval(byTestId('import-name'), (el) => ((el as HTMLInputElement).value = ''));
    await page.type(byTestId('import-name'), 'Peta dialog jalur');
    await page.select(byTestId('import-kind'), 'lintas-fungsi');
    await Promise.all([page.waitForFunction(() => location.hash.startsWith('#/peta/')), page.click(byTestId('import-submit'))]);
    const id = decodeURIComponent(await page.evaluate(() => location.hash.split('/')[2]!));
    const stored = (await server.api(`/api/maps/${id}/revisions/1/xml`)).body as string;
    expect(stored).toContain('<bpmn:lane id="Lane_Ruang" name="Ruang Control" sk:jabatan="FUNGSIONAL">');
    expect((await server.api('/api/kamus')).body.items).toContainEqual({ name: 'Ruang Control', jabatan: 'FUNGSIONAL' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
