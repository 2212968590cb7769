// The admin's "Log audit" page shows the SOP review steps (issue 15, item 6) in Indonesian: which step, by whom, on
// which map (a link to it), the states before and after and the comment. Real server, real cycle, real Chromium.
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession } from '../helpers/browser';
import { newSopMap, reviewStep } from '../helpers/review-cycle';
import { startTestServer } from '../helpers/server';

const UNIT = 'Dinas Kesehatan';
const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const penyusun = await server.userWith(['penyusun'], UNIT, 'audit-penyusun');
const reviewer = await server.userWith(['reviewer'], UNIT, 'audit-reviewer');
const pengesah = await server.userWith(['pengesah'], UNIT, 'audit-pengesah');

describe('Log audit', () => {
  it('lists submit, send back, approve, sign and withdraw with map, states and comment', async () => {
    const mapId = await newSopMap(penyusun, UNIT, 'Penerbitan surat keterangan sehat');
    for (const [client, action, extra] of [
      [penyusun, 'ajukan', {}],
      [reviewer, 'mulai-reviu', {}],
      [reviewer, 'minta-perbaikan', { comment: 'Lengkapi mutu baku waktu' }],
      [penyusun, 'ajukan', {}],
      [reviewer, 'mulai-reviu', {}],
      [reviewer, 'setujui', {}],
      [pengesah, 'sahkan', { tanggalEfektif: '2026-12-01' }],
      [pengesah, 'cabut', { comment: 'Tidak berlaku lagi' }],
    ] as const) {
      const answer = await reviewStep(server.admin, client, mapId, action, extra);
      expect(answer.status, `${action}: ${JSON.stringify(answer.body)}`).toBe(200);
    }

    const errors: string[] = [];
    const page = await openPage(browser, errors);
    await page.setViewport({ width: 1366, height: 768 });
    await useSession(page, server.url, server.admin.sessionCookie);
    await page.goto(`${server.url}/#/audit`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(byTestId('audit-review'));
    const rows = await page.$$eval(`${byTestId('audit-row')}`, (trs) =>
      trs
        .filter((tr) => tr.querySelector('[data-testid="audit-review"]'))
        .map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
    );
    // Newest first: withdraw … submit; columns Waktu, Peristiwa, Pengguna, Alamat, Rincian.
    expect(rows.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['SOP dicabut', 'audit-pengesah', expect.stringMatching(/^Penerbitan surat keterangan sehat \(Dinas Kesehatan\) Disahkan → Dicabut — revisi 1 — kode \S+ — “Tidak berlaku lagi”$/)],
      ['SOP disahkan', 'audit-pengesah', expect.stringMatching(/^Penerbitan surat keterangan sehat \(Dinas Kesehatan\) Disetujui → Disahkan — revisi 1 — kode \S+$/)],
      ['SOP disetujui', 'audit-reviewer', 'Penerbitan surat keterangan sehat (Dinas Kesehatan) Direviu → Disetujui — revisi 1'],
      ['Reviu SOP dimulai', 'audit-reviewer', 'Penerbitan surat keterangan sehat (Dinas Kesehatan) Diajukan → Direviu — revisi 1'],
      ['SOP diajukan', 'audit-penyusun', 'Penerbitan surat keterangan sehat (Dinas Kesehatan) Perlu perbaikan → Diajukan — revisi 1'],
      ['SOP dikembalikan untuk perbaikan', 'audit-reviewer', 'Penerbitan surat keterangan sehat (Dinas Kesehatan) Direviu → Perlu perbaikan — revisi 1 — “Lengkapi mutu baku waktu”'],
      ['Reviu SOP dimulai', 'audit-reviewer', 'Penerbitan surat keterangan sehat (Dinas Kesehatan) Diajukan → Direviu — revisi 1'],
      ['SOP diajukan', 'audit-penyusun', 'Penerbitan surat keterangan sehat (Dinas Kesehatan) Draf → Diajukan — revisi 1'],
    ]);
    expect(await page.$eval(`${byTestId('audit-review')} a`, (a) => a.getAttribute('href'))).toBe(`#/peta/${mapId}`);

    // The event filter offers the review steps by their Indonesian names and narrows the list to one.
    await page.select(byTestId('audit-event'), 'sop-sahkan');
    await page.waitForFunction((s) => [...document.querySelectorAll(s)].every((tr) => tr.getAttribute('data-event') === 'sop-sahkan') && document.querySelectorAll(s).length === 1, {}, byTestId('audit-row'));
    expect(await page.$eval(`${byTestId('audit-event')} option[value="sop-sahkan"]`, (o) => o.textContent)).toBe('SOP disahkan');
    await page.select(byTestId('audit-event'), '');
    await page.waitForFunction((s) => document.querySelectorAll(s).length > 8, {}, byTestId('audit-row'));
    if (process.env.PETAKERJA_SCREENSHOTS) await page.screenshot({ path: `${process.env.PETAKERJA_SCREENSHOTS}/log-audit-reviu.png` });
    expect(errors).toEqual([]);
  });
});
