// Findings in the modeller: linted in a Web Worker with the real engine, after real edits, on the real server.
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;

describe('lint findings in the modeller', () => {
  it('shows a finding after an edit, with its citations, keeps counting with overlays hidden, and re-lints on a profile switch', async () => {
    const created = await server.api('/api/maps', { method: 'POST', json: { name: 'Layanan imunisasi', kind: 'lintas-fungsi', unit: 'Dinas Kesehatan' } });
    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/peta/${created.body.map.id}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(`${byTestId('modeler-canvas')} svg .djs-element`);
    await page.waitForFunction((s) => !document.querySelector(s)?.textContent?.includes('Memeriksa'), {}, byTestId('lint-summary'));
    // The canvas is never sized by its content: with flex's min-height: auto each change in the findings panel below
    // laid out the whole SVG again, every label re-shaped (200–400 ms after each lint at 2,000 shapes, issue 16).
    expect(await page.$eval(byTestId('modeler-canvas'), (el) => getComputedStyle(el).minHeight)).toBe('0px');

    // when: the Ketua Tim lane is renamed to a koordinator, through the modelling API as the label editor does
    await page.evaluate(() => {
      const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
      const lane = modeler.get('elementRegistry').filter((e: { type: string; businessObject: { name?: string } }) => e.type === 'bpmn:Lane' && e.businessObject.name === 'Ketua Tim')[0];
      modeler.get('modeling').updateLabel(lane, 'Koordinator Program');
    });

    // then: the worker's answer lists the finding, on the lane, with a badge
    const finding = `${byTestId('lint-finding')}[data-rule="mk/no-koordinator"]`;
    await page.waitForSelector(finding, { visible: true });
    const laneId = await page.$eval(finding, (el) => el.getAttribute('data-element'));
    expect(laneId).toBeTruthy();
    expect(await page.$(`.djs-overlays[data-container-id="${laneId}"] ${byTestId('lint-badge')}`)).not.toBeNull();
    const summary = await page.$eval(byTestId('lint-summary'), (el) => el.textContent ?? '');
    expect(summary).toMatch(/\d+ galat/);

    // A lint whose answer would list the same leaves the list as it is (issue 16): an edit undone in the same moment
    // is linted once more, to the same findings, and the very same item elements stay on screen.
    await page.$eval(finding, (el) => el.setAttribute('data-kept', 'ya'));
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const { modeler } = (window as unknown as { petakerja: { modeler: any } }).petakerja;
          const onChange = (state: { status: string }) => {
            if (state.status !== 'done') return;
            modeler.off('petakerja.lint.changed', onChange);
            resolve();
          };
          modeler.on('petakerja.lint.changed', onChange);
          const task = modeler.get('elementRegistry').filter((e: { type: string }) => /Task$/.test(e.type))[0];
          modeler.get('modeling').updateLabel(task, 'Nama sementara');
          modeler.get('commandStack').undo();
        }),
    );
    expect(await page.$(`${finding}[data-kept="ya"]`)).not.toBeNull();

    // The regulation texts are a chunk of their own, fetched only when a finding's articles are first shown.
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    expect(requested.filter((url) => /articles/.test(url))).toEqual([]);
    await page.click(finding);
    await page.waitForSelector(byTestId('lint-citations'), { visible: true });
    expect(await page.$eval(byTestId('lint-citations'), (el) => el.textContent)).toContain('Perbup Gunung Mas 18/2024 Pasal 40');
    const selected = await page.evaluate(() =>
      (window as unknown as { petakerja: { modeler: any } }).petakerja.modeler.get('selection').get().map((e: { id: string }) => e.id),
    );
    expect(selected).toEqual([laneId]);

    // and the cited article's text, in a dialog that has focus, closes on Esc and gives focus back to the finding
    await page.waitForSelector(`${byTestId('lint-articles')} ${byTestId('lint-article-text')}`, { visible: true });
    expect(requested.filter((url) => /\/assets\/articles-[^/]*\.js$/.test(url))).toHaveLength(1);
    const article = await page.$eval(byTestId('lint-article'), (el) => ({
      regulation: el.querySelector('.lint-article-regulation')?.textContent,
      heading: el.querySelector('h4')?.textContent,
      text: el.querySelector('[data-testid="lint-article-text"]')?.textContent,
    }));
    expect(article.regulation).toBe('Peraturan Bupati Gunung Mas Nomor 18 Tahun 2024 tentang Sistem Kerja di Lingkungan Pemerintah Kabupaten Gunung Mas');
    expect(article.heading).toBe('Pasal 40');
    expect(article.text).toContain('ketentuan lain mengenai peran koordinasi dan sub koordinasi akibat penyetaraan jabatan');
    expect(await page.evaluate((s) => document.querySelector(s)?.contains(document.activeElement), byTestId('lint-articles'))).toBe(true);
    if (process.env.PETAKERJA_SCREENSHOT) await page.screenshot({ path: process.env.PETAKERJA_SCREENSHOT });
    await page.keyboard.press('Escape');
    await page.waitForSelector(byTestId('lint-articles'), { hidden: true });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rule)).toBe('mk/no-koordinator');

    await page.click(byTestId('lint-overlays-toggle'));
    expect(await page.$$(`${byTestId('lint-badge')}`).then((badges) => Promise.all(badges.map((b) => b.isVisible())))).not.toContain(true);
    expect(await page.$eval(byTestId('lint-summary'), (el) => el.textContent)).toBe(summary);

    // A profile that cites only its own regulation: the citation changes with the profile.
    await page.select(byTestId('lint-profile'), 'denpasar');
    await page.waitForFunction(
      (s) => [...document.querySelectorAll(s)].some((el) => el.getAttribute('data-rule') === 'mk/no-koordinator' && el.textContent?.includes('Perwali Denpasar 69/2023 Pasal 25 angka 1') && !el.textContent.includes('Gunung Mas')),
      {},
      byTestId('lint-finding'),
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
