// Monitoring & Evaluasi in Chromium: a signed SOP's monitoring form is filled from the map page (rows prefilled from
// the SOP, Indonesian validation, Enter submits) and appears in the list with its PDF; "Evaluasi SOP" lists the SOP.
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { startTestServer } from '../helpers/server';
import { newSopMap as newMapWithSop, signSop } from '../helpers/review-cycle';

const UNIT = 'Dinas Kesehatan';
const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const penyusun = await server.userWith(['penyusun'], UNIT, 'peramban-penyusun');
const reviewer = await server.userWith(['reviewer'], UNIT, 'peramban-reviewer');
const pengesah = await server.userWith(['pengesah'], UNIT, 'peramban-pengesah');

const newSopMap = (name: string) => newMapWithSop(penyusun, UNIT, name);

describe('Monitoring & Evaluasi', () => {
  it('fills a monitoring form from the map page, lists it, and lists the SOP as due on Evaluasi SOP', async () => {
    // Took effect more than 12 months ago: its evaluation is due.
    const mapId = await newSopMap('Penunjukan pelaksana tugas');
    await signSop({ bureau: server.admin, penyusun, reviewer, pengesah }, mapId, '2025-06-02');
    const { template } = (await server.api(`/api/maps/${mapId}/monitoring`)).body;
    const unsigned = await newSopMap('SOP belum disahkan');

    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.setViewport({ width: 1440, height: 900 });
    await useSession(page, server.url, server.admin.sessionCookie);

    // A map without an SOP in force explains why there is nothing to fill.
    await page.goto(`${server.url}/#/peta/${unsigned}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('evaluation-toggle'));
    await page.click(byTestId('evaluation-toggle'));
    await page.waitForSelector(byTestId('evaluation-not-in-force'));
    expect(await page.$eval(byTestId('evaluation-not-in-force'), (e) => e.textContent)).toBe('SOP ini belum disahkan; monitoring dan evaluasi diisi untuk SOP yang berlaku.');
    expect(await page.$(byTestId('monitoring-fill'))).toBeNull();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));

    await page.goto(`${server.url}/#/peta/${mapId}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('evaluation-toggle'));
    await page.click(byTestId('evaluation-toggle'));
    await page.waitForSelector(byTestId('monitoring-fill'));
    expect(await page.$eval(byTestId('evaluation-sop'), (e) => e.textContent)).toContain('Penunjukan pelaksana tugas');
    await page.click(byTestId('monitoring-fill'));
    await page.waitForSelector(byTestId('monitoring-form'));

    // Rows come from the signed SOP's procedure; a row can be added and removed.
    const prosedur = () => page.$$eval(`${byTestId('monitoring-form')} ${byTestId('row-prosedur')}`, (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(await prosedur()).toEqual(template.rows.map((r: { prosedur: string }) => r.prosedur));
    await page.click(byTestId('row-add'));
    expect(await prosedur()).toHaveLength(template.rows.length + 1);
    const rows = await page.$$(byTestId('monitoring-row'));
    await (await rows.at(-1)!.$(byTestId('row-remove')))!.click();
    expect(await prosedur()).toHaveLength(template.rows.length);

    // Nothing judged yet: the form says so in Indonesian and is not sent.
    await page.click(byTestId('monitoring-submit'));
    await page.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('Baris 1: pilih “Berjalan baik” atau “Tidak berjalan baik”.'), {}, byTestId('monitoring-error'));
    expect((await server.api(`/api/maps/${mapId}/monitoring`)).body.items).toEqual([]);

    const judged = await page.$$(byTestId('monitoring-row'));
    for (const [index, row] of judged.entries()) {
      await (await row.$(byTestId(index === 1 ? 'row-penilaian-tidak' : 'row-penilaian-ya')))!.click();
    }
    await (await judged[1]!.$(byTestId('row-catatan')))!.type('Surat sering terlambat');
    await (await judged[1]!.$(byTestId('row-tindakan')))!.type('Tetapkan batas waktu');
    await page.click(byTestId('form-penilai'), { clickCount: 3 });
    await page.keyboard.type('Ni Luh Putu Ayu');
    if (process.env.PETAKERJA_SCREENSHOTS) await page.screenshot({ path: `${process.env.PETAKERJA_SCREENSHOTS}/monitoring-form.png` });
    // Enter submits.
    await page.keyboard.press('Enter');
    await page.waitForSelector(byTestId('monitoring-item'));
    expect(await page.$(byTestId('monitoring-form'))).toBeNull();
    const item = await page.$eval(byTestId('monitoring-item'), (e) => e.textContent ?? '');
    expect(item).toContain('Ni Luh Putu Ayu');
    expect(item).toContain(`1 dari ${template.rows.length} prosedur tidak berjalan dengan baik`);

    const stored = (await server.api(`/api/maps/${mapId}/monitoring`)).body.items;
    expect(stored).toHaveLength(1);
    expect(stored[0].rows[1]).toEqual({ prosedur: template.rows[1].prosedur, berjalanBaik: false, catatan: 'Surat sering terlambat', tindakan: 'Tetapkan batas waktu' });
    expect(await page.$eval(`${byTestId('monitoring-item')} ${byTestId('form-pdf')}`, (a) => a.getAttribute('href'))).toBe(`/api/maps/${mapId}/monitoring/${stored[0].id}.pdf`);
    if (process.env.PETAKERJA_SCREENSHOTS) await page.screenshot({ path: `${process.env.PETAKERJA_SCREENSHOTS}/monitoring-list.png` });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));

    // Evaluasi SOP: reached from the header, the SOP is due and marked for revision by the finding.
    await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle0' });
    // The list is in the other pages' chunk: its header is clicked once the list is shown (not the waiting page's).
    await page.waitForSelector(byTestId('map-row'));
    await page.click(byTestId('evaluations-link'));
    await page.waitForSelector(byTestId('evaluation-due-row'));
    const row = await page.$eval(`${byTestId('evaluation-due-row')}[data-map-id="${mapId}"]`, (e) => e.textContent ?? '');
    expect(row).toContain('Penunjukan pelaksana tugas');
    expect(row).toContain(UNIT);
    expect(row).toContain('2 Juni 2025');
    expect(row).toContain('Belum pernah');
    expect(row).toMatch(/Terlambat \d+ bulan|Jatuh tempo bulan ini/);
    expect(row).toContain('Perlu revisi');
    expect(row).toContain('1 prosedur tidak berjalan dengan baik');
    expect(await page.$eval(`[data-map-id="${mapId}"] a`, (a) => a.getAttribute('href'))).toBe(`#/peta/${mapId}`);
    if (process.env.PETAKERJA_SCREENSHOTS) await page.screenshot({ path: `${process.env.PETAKERJA_SCREENSHOTS}/evaluasi-sop.png` });

    // An evaluation answered Ya throughout (the optional sinergi left out) resets the yearly clock.
    await page.click(`[data-map-id="${mapId}"] a`);
    await page.waitForSelector(byTestId('evaluation-toggle'));
    await page.click(byTestId('evaluation-toggle'));
    await page.waitForSelector(byTestId('evaluation-fill'));
    await page.click(byTestId('evaluation-fill'));
    await page.waitForSelector(byTestId('evaluation-form'));
    await page.click(byTestId('evaluation-submit'));
    await page.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('Pertanyaan 1: pilih “Ya” atau “Tidak”.'), {}, byTestId('evaluation-error'));
    expect(await page.$eval(byTestId('evaluation-error'), (e) => e.textContent)).not.toContain('Pertanyaan 7');
    for (const key of ['kinerja', 'dipahami', 'dilaksanakan', 'peran', 'masalah', 'kebutuhan']) await page.click(byTestId(`jawaban-${key}-ya`));
    await page.type(byTestId('catatan-dipahami'), 'Cukup jelas');
    await page.focus(byTestId('form-penilai'));
    await page.keyboard.press('Enter');
    await page.waitForSelector(byTestId('evaluation-item'));
    expect(await page.$eval(byTestId('evaluation-item'), (e) => e.textContent)).toContain('Semua dijawab “Ya”');
    const [evaluation] = (await server.api(`/api/maps/${mapId}/evaluasi`)).body.items;
    expect(evaluation.answers.map((a: { key: string }) => a.key)).toEqual(['kinerja', 'dipahami', 'dilaksanakan', 'peran', 'masalah', 'kebutuhan']);
    expect(evaluation.answers[1]).toEqual({ key: 'dipahami', ya: true, catatan: 'Cukup jelas' });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    // A navigation within the page (the address's hash): waited on by the row it shows, not on the network's rest, which
    // the map page's event stream (held by a worker) may keep from coming.
    await page.goto(`${server.url}/#/evaluasi`);
    await page.waitForSelector(`[data-map-id="${mapId}"]`);
    const after = await page.$eval(`[data-map-id="${mapId}"]`, (e) => e.textContent ?? '');
    expect(after).toContain('Belum jatuh tempo');
    expect(after).toContain('Perlu revisi');
    expect(errors).toEqual([]);
    await page.close();
  });
});
