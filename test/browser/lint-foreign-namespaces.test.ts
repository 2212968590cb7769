// Live lint on a map from another modeller (issue 14 item 6): a file that re-declares the default namespace inside
// extension elements and on its diagram (Bizagi, Enterprise Explorer) is serialised in pieces for the lint worker, and
// the user sees its findings while editing instead of none.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const fixture = path.resolve(import.meta.dirname, '../fixtures/foreign/crafted/client-default-ns-redeclared.bpmn');

it('lints a map that re-declares the default namespace, and lints it again after an edit', async () => {
  const query = new URLSearchParams({ name: 'Pelayanan izin usaha', kind: 'lintas-fungsi', unit: 'Dinas Kesehatan', fileName: 'client-default-ns-redeclared.bpmn' });
  const imported = await server.api(`/api/import?${query}`, { method: 'POST', body: readFileSync(fixture), headers: { 'content-type': 'application/xml' } });
  expect(imported.status).toBe(201);
  const errors: string[] = [];
  const page = await openPage(browser, errors);
  // The scheduler falls back to serialising the whole model at once when slicing fails: that must not be needed here.
  const fallbacks: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warn' && message.text().startsWith('Sliced serialisation failed')) fallbacks.push(message.text());
  });
  await useSession(page, server.url, server.admin.sessionCookie);
  await page.goto(`${server.url}/#/peta/${imported.body.map.id}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);

  // then: the worker's findings arrive (the lane "Petugas Front Office" is no jabatan the kamus knows)
  const laneFinding = `${byTestId('lint-finding')}[data-rule="mk/lane-role"][data-element="Jalur_1"]`;
  await page.waitForSelector(laneFinding);
  expect(await page.$(`${byTestId('lint-panel')} .lint-status-failed`)).toBeNull();
  expect(await page.$eval(byTestId('lint-summary'), (el) => el.textContent)).toMatch(/\d+ (galat|peringatan)/);

  // and an edit is linted too: the lane renamed to a jabatan, its finding goes
  await page.evaluate(() => {
    const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
    modeler.get('modeling').updateLabel(modeler.get('elementRegistry').get('Jalur_1'), 'Kepala Dinas');
  });
  await page.waitForSelector(laneFinding, { hidden: true });
  expect(await page.$(`${byTestId('lint-panel')} .lint-status-failed`)).toBeNull();
  expect(fallbacks).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
