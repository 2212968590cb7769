// "Pemeriksaan repositori" in Chromium: the empty state, then findings grouped by map with links to the maps,
// rule ids leading to their explanation, the counts, and "Periksa ulang" showing a fix.
import { describe, expect, it } from 'vitest';
import { lintasXml, processXml, relasiXml } from '../../scripts/repository/generate-repository';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const KES = 'Dinas Kesehatan';
const SOS = 'Dinas Sosial';
const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;

async function create(body: Record<string, unknown>): Promise<{ id: string; code: string; currentRevision: number }> {
  const res = await server.api('/api/maps', { method: 'POST', json: body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.map;
}

describe('Pemeriksaan repositori', () => {
  it('says there is nothing to fix in a consistent repository', async () => {
    await create({ name: 'Peta proses kosong', kind: 'proses', unit: KES, xml: processXml('proses', 'Kosong', [], 'kosong') });
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/repositori/pemeriksaan`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('repository-lint-empty'));
    const text = await page.$eval(byTestId('repository-lint-empty'), (e) => e.textContent);
    expect(text).toContain('Tidak ada temuan antarpeta');
    expect(text).toContain('1 peta diperiksa');
    expect(await page.$eval(byTestId('repository-lint-link'), (e) => e.getAttribute('aria-current'))).toBe('page');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('groups findings by map, explains the rules, and checks again on request', async () => {
    const proses = await create({ name: 'Peta proses kesehatan', kind: 'proses', unit: KES, xml: processXml('proses', 'Kes', [{ id: 'Call_Hilang', name: 'Imunisasi', calledElement: '9.9' }], 'kes') });
    const sub = await create({ name: 'Pelayanan kesehatan', kind: 'subproses', unit: KES, parentId: proses.id, xml: processXml('subproses', 'Sub', [], 'sub') });
    const lintas = await create({ name: 'Pelibatan pejabat fungsional', kind: 'lintas-fungsi', unit: KES, parentId: sub.id, xml: lintasXml(0, KES, SOS, 'lintas') });
    await create({ name: 'Peta relasi pelayanan', kind: 'relasi', unit: KES, parentId: sub.id, xml: relasiXml('Relasi', [{ id: 'R1', from: SOS, to: KES, what: 'Surat jawaban' }], 'relasi') });

    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/repositori/pemeriksaan`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('repository-lint-finding'));
    const groups = await page.$$eval(byTestId('repository-lint-map'), (rows) => rows.map((r) => [r.textContent?.trim(), r.querySelector('a')?.getAttribute('href')]));
    expect(groups).toEqual([
      [`${proses.code} Peta proses kesehatan — ${KES}`, `#/peta/${proses.id}`],
      [`${lintas.code} Pelibatan pejabat fungsional — ${KES}`, `#/peta/${lintas.id}`],
    ]);
    const findings = await page.$$eval(byTestId('repository-lint-finding'), (rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent?.trim())));
    expect(findings.map((f) => f.slice(0, 3))).toEqual([
      ['Galat', 'map/call-resolves', 'Call_Hilang'],
      ['Peringatan', 'map/relasi-consistent', 'MessageFlow_Permohonan'],
    ]);
    expect(findings[1]![3]).toContain(`Serah terima ${KES} → ${SOS} (Surat permohonan pelibatan) tidak ada di peta relasi`);
    expect(await page.$eval('.result-count', (e) => e.textContent)).toMatch(/^2 temuan pada 2 peta: 1 galat, 1 peringatan · 5 peta diperiksa dalam/);

    // A rule id leads to its explanation.
    await page.click(`${byTestId('repository-lint-finding')}[data-rule="map/relasi-consistent"] ${byTestId('rule-link')}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('aturan-map-relasi-consistent');
    expect(await page.evaluate(() => location.hash)).toBe('#/repositori/pemeriksaan');

    // Fix the call, then "Periksa ulang".
    const fixed = await server.api(`/api/maps/${proses.id}/revisions`, { method: 'POST', json: { baseRevision: proses.currentRevision, xml: processXml('proses', 'Kes', [], 'kes-2'), message: 'Perbaikan' } });
    expect(fixed.status).toBe(201);
    const [button] = await page.$$('xpath/.//button[normalize-space()="Periksa ulang"]');
    await button!.click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="repository-lint-finding"]').length === 1);
    expect(await page.$eval('.result-count', (e) => e.textContent)).toMatch(/^1 temuan pada 1 peta: 0 galat, 1 peringatan/);

    // The map link opens the map.
    await Promise.all([page.waitForFunction((id) => location.hash === `#/peta/${id}`, {}, lintas.id), page.click(`${byTestId('repository-lint-map')} a`)]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('offers no nav link to users of one unit, but shows their own unit\'s findings', async () => {
    const reviewer = await server.userWith(['reviewer'], SOS, 'pemeriksa-sosial');
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, reviewer.sessionCookie);
    await page.goto(`${server.url}/#/repositori/pemeriksaan`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('repository-lint-empty'));
    expect(await page.$(byTestId('repository-lint-link'))).toBeNull();
    expect(await page.$eval(byTestId('repository-lint-empty'), (e) => e.textContent)).toContain('0 peta diperiksa');
    expect(errors).toEqual([]);
    await page.close();
  });
});
