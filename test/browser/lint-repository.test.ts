// One truth per map in the modeller (issue 12 item 10): the findings panel lists the repository checks' findings on
// the saved revision (a peta proses whose calls lead to no child map) beside the in-browser lint, marked as such; they
// stay through edits, and go away after a save once the child maps exist. Real Chromium, real server.
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const UNIT = 'Dinas Perpustakaan';

type Finding = { rule: string; severity: string; element?: string; message: string };

describe('repository findings in the modeller', () => {
  it('shows the map/* findings of the saved revision with the in-browser lint, through edits, until a save after the child maps exist', async () => {
    const created = await server.api('/api/maps', { method: 'POST', json: { name: 'Peta proses perpustakaan', kind: 'proses', unit: UNIT } });
    expect(created.status).toBe(201);
    const mapId = created.body.map.id as string;
    const lint = (await server.api(`/api/maps/${mapId}/lint`)).body as { findings: Finding[] };
    const across = lint.findings.filter((f) => f.rule.startsWith('map/'));
    expect(across.length).toBeGreaterThan(1);

    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/peta/${mapId}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    const repositoryItems = `${byTestId('lint-finding')}[data-source="repositori"]`;
    await page.waitForFunction((s, n) => document.querySelectorAll(s).length === n, {}, repositoryItems, across.length);
    await page.waitForFunction((s) => !document.querySelector(s)?.textContent?.includes('Memeriksa'), {}, byTestId('lint-summary'));

    // The panel lists the same findings the API gives, marked as from the repository, and counts them.
    const shown = await page.$$eval(repositoryItems, (items) =>
      items.map((item) => [item.getAttribute('data-rule'), item.getAttribute('data-element'), item.querySelector('.lint-finding-message')?.textContent]),
    );
    expect(shown.sort()).toEqual(across.map((f) => [f.rule, f.element, f.message]).sort());
    expect(await page.$eval(byTestId('lint-repository-note'), (el) => el.textContent)).toContain(`${across.length} temuan antarpeta dari pemeriksaan repositori atas revisi tersimpan 1`);
    expect(await page.$eval(repositoryItems, (el) => el.textContent)).toContain('repositori · revisi tersimpan');
    const summaryErrors = Number((await page.$eval(byTestId('lint-summary'), (el) => el.textContent ?? '')).match(/(\d+) galat/)?.[1]);
    expect(summaryErrors).toBe(lint.findings.filter((f) => f.severity === 'error').length);
    expect(await page.$eval(byTestId('lint-summary'), (el) => el.textContent)).not.toContain('Tidak ada temuan');
    // A badge on a calling activity, and the rule explained as a repository rule.
    const element = across[0]!.element!;
    const badgeSays = (id: string, message: string) =>
      [...document.querySelectorAll(`[data-testid="lint-badge"][data-element="${id}"]`)].some((badge) => badge.getAttribute('title')?.includes(message));
    await page.waitForFunction(badgeSays, {}, element, across[0]!.message);
    await page.click(`${repositoryItems}[data-element="${element}"]`);
    await page.waitForSelector(byTestId('lint-citations'), { visible: true });
    expect(await page.$eval(byTestId('lint-citations'), (el) => el.textContent)).toContain('Aturan konsistensi repositori');
    // Found by the activity's name (no sk:calledMap): said so, not as a jabatan read from a name.
    expect(await page.$eval(byTestId('lint-citations'), (el) => el.textContent)).toContain('dicocokkan dengan nama peta anak');
    if (process.env.PETAKERJA_SCREENSHOT) await page.screenshot({ path: process.env.PETAKERJA_SCREENSHOT });

    // An edit: the in-browser lint runs again, the repository findings of the saved revision stay.
    await page.evaluate(() => {
      const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
      const start = modeler.get('elementRegistry').filter((e: { type: string }) => e.type === 'bpmn:StartEvent')[0];
      modeler.get('modeling').updateLabel(start, 'Tahun anggaran dimulai');
    });
    await page.waitForSelector(byTestId('dirty-indicator'), { visible: true });
    await page.waitForFunction((s) => !document.querySelector(s)?.textContent?.includes('Memeriksa'), {}, byTestId('lint-summary'));
    expect(await page.$$eval(repositoryItems, (items) => items.length)).toBe(across.length);

    // The child maps are made (elsewhere); the panel still shows the saved revision's check until the next save.
    const calls = [...new Set(across.map((f) => f.element!))];
    const names = await page.evaluate((ids: string[]) => {
      const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
      return ids.map((id) => modeler.get('elementRegistry').get(id).businessObject.name as string);
    }, calls);
    for (const name of names) expect((await server.api('/api/maps', { method: 'POST', json: { name, kind: 'subproses', unit: UNIT, parentId: mapId } })).status).toBe(201);
    await page.click(byTestId('save-button'));
    await page.waitForSelector(byTestId('save-message'), { visible: true });
    await page.type(byTestId('save-message'), 'Nama kegiatan');
    await page.click(byTestId('save-submit'));
    await page.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('revisi 2'), {}, byTestId('save-status'));
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 0, {}, repositoryItems);
    expect(await page.$(byTestId('lint-repository-note'))).toBeNull();
    const after = (await server.api(`/api/maps/${mapId}/lint`)).body as { revision: number; findings: Finding[] };
    expect(after.revision).toBe(2);
    expect(after.findings.filter((f) => f.rule.startsWith('map/'))).toEqual([]);
    await page.waitForFunction((id, message) => ![...document.querySelectorAll(`[data-testid="lint-badge"][data-element="${id}"]`)].some((badge) => badge.getAttribute('title')?.includes(message)), {}, element, across[0]!.message);
    expect(errors).toEqual([]);
    await page.close();
  });
});
