// Signing with a certificate in Chromium (issue 19, docs/signature.md): the administrator sets the trust list on the
// Pengguna page; the pengesah opens the Sahkan dialog, ticks "Tanda tangani dengan sertifikat elektronik" with the
// keyboard, picks the .p12, gets a wrong passphrase refused in place, signs, and opens the verification page.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSession, WAIT_TIMEOUT_MS } from '../helpers/browser';
import { type ApiClient, startTestServer } from '../helpers/server';
import { newSopMap, reviewStep } from '../helpers/review-cycle';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { makeTestPki, TEST_P12_PASSPHRASE } from '../helpers/test-pki';

const server = await startTestServer();
const browser = await launchBrowser();
const pki = await makeTestPki('I Made Sutama');
/** Set to a folder to keep a screenshot of the verification page (docs/review-examples). */
const SCREENSHOTS = process.env.PETAKERJA_REVIEW_SCREENSHOTS;
const byTestId = (id: string) => `[data-testid="${id}"]`;
const UNIT = 'Dinas Kesehatan';

async function openAs(page: Page, client: ApiClient, hash: string): Promise<void> {
  await useSession(page, server.url, client.sessionCookie);
  await page.goto('about:blank');
  await page.goto(`${server.url}/${hash}`, { waitUntil: 'networkidle0' });
}

describe('signing with a certificate in the browser', () => {
  it('sets the trust list, signs through the Sahkan dialog with a .p12 and opens the verification page', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, errors);

    // The administrator pastes the test CA and refuses names that differ.
    await openAs(page, server.admin, '#/pengguna');
    await page.waitForSelector(byTestId('settings-trust-list'), { visible: true });
    await page.$eval(byTestId('settings-trust-list'), (e, pem) => ((e as HTMLTextAreaElement).value = pem), pki.caPem);
    await page.select(byTestId('settings-name-mismatch'), 'tolak');
    await page.click(byTestId('settings-signature-save'));
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.startsWith('Tersimpan'), {}, byTestId('settings-signature-status'));
    expect(await page.$eval(byTestId('settings-trust-list-items'), (e) => e.textContent)).toContain('Petakerja CA Uji');
    expect((await server.api('/api/settings/signature')).body.signature.nameMismatch).toBe('tolak');

    const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun');
    const reviewer = await server.userWith(['reviewer'], UNIT, 'reviewer');
    const pengesah = await server.userWith(['pengesah'], UNIT, 'pengesah');
    const mapId = await newSopMap(penyusun, UNIT, 'Penunjukan pelaksana tugas', SOP_IDENTITY);
    for (const [client, action] of [[penyusun, 'ajukan'], [reviewer, 'mulai-reviu'], [reviewer, 'setujui']] as const) {
      expect((await reviewStep(server.admin, client, mapId, action)).status).toBe(200);
    }

    await openAs(page, pengesah, `#/peta/${mapId}`);
    await page.waitForSelector(byTestId('review-state'));
    if (await page.$eval(byTestId('review-panel'), (panel) => (panel as HTMLElement).hidden)) await page.click(byTestId('review-toggle'));
    await page.waitForSelector(byTestId('review-action-sahkan'), { visible: true });
    await page.click(byTestId('review-action-sahkan'));
    await page.waitForSelector(`dialog[open] ${byTestId('transition-submit')}`, { visible: true });

    // Keyboard: the checkbox is reached and ticked without the mouse; the file field takes the focus.
    expect(await page.$eval(byTestId('certificate-file'), (e) => (e.closest('.certificate-fields') as HTMLElement).hidden)).toBe(true);
    await page.focus(byTestId('sign-with-certificate'));
    await page.keyboard.press('Space');
    expect(await page.$eval(byTestId('certificate-file'), (e) => (e.closest('.certificate-fields') as HTMLElement).hidden)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('certificate-file');
    const input = await page.$(byTestId('certificate-file'));
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(pki.valid.p12File);
    await page.type(byTestId('certificate-passphrase'), 'salah');
    await page.click(`dialog[open] ${byTestId('transition-submit')}`);
    await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').includes('Kata sandi sertifikat salah'), { timeout: WAIT_TIMEOUT_MS }, `dialog[open] ${byTestId('transition-error')}`);
    expect((await server.api(`/api/maps/${mapId}/review`)).body.state).toBe('disetujui');
    if (SCREENSHOTS) await (await page.$('dialog[open]'))!.screenshot({ path: path.join(SCREENSHOTS, 'sahkan-certificate.png') });

    // The right passphrase signs.
    await page.$eval(byTestId('certificate-passphrase'), (e) => ((e as HTMLInputElement).value = ''));
    await page.type(byTestId('certificate-passphrase'), TEST_P12_PASSPHRASE);
    await page.click(`dialog[open] ${byTestId('transition-submit')}`);
    await page.waitForSelector(`${byTestId('review-state')}[data-state="disahkan"]`, { timeout: WAIT_TIMEOUT_MS });
    await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').includes('ditandatangani secara elektronik'), { timeout: WAIT_TIMEOUT_MS }, byTestId('review-notice'));
    await page.waitForSelector(byTestId('signature-code'), { visible: true });
    const code = await page.$eval(byTestId('signature-code'), (e) => e.textContent ?? '');

    // The public page: the signature said plainly, the details folded and opened with the keyboard.
    await page.goto(`${server.url}/verifikasi/${code}`, { waitUntil: 'networkidle0' });
    expect(await page.$eval('[data-tte]', (e) => e.getAttribute('data-tte'))).toBe('sah');
    expect(await page.$eval('[data-tte] .verdict', (e) => e.textContent)).toContain('Tanda tangan elektronik sah');
    expect(await page.$eval('[data-tte] details', (e) => (e as HTMLDetailsElement).open)).toBe(false);
    await page.focus('[data-tte] details summary');
    await page.keyboard.press('Enter');
    expect(await page.$eval('[data-tte] details', (e) => (e as HTMLDetailsElement).open)).toBe(true);
    expect(await page.$eval('[data-tte] details', (e) => (e as HTMLElement).innerText)).toContain('CN=I Made Sutama');
    if (SCREENSHOTS) {
      await page.setViewport({ width: 820, height: 1500 });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'verification-tte.png'), fullPage: true });
    }
    expect(errors).toEqual([]);
  });
});
