// Importing a unit's SOP documents at once (issue 17): several files chosen at once, or a ZIP of them, imported in
// turn with progress; each line says what became of its file — the map created, or why it was refused — and a refused
// file does not stop the others.
// PETAKERJA_OFFICE_SCREENSHOTS=1 keeps its pictures in docs/screenshots/ (a plain run writes nothing in the tree).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { openMapList } from '../helpers/map-list-page';
import { minimalBpmn, ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const server = await startTestServer();
const browser = await launchBrowser();
const byTestId = (id: string) => `[data-testid="${id}"]`;
const OFFICE = path.join(ROOT, 'test/fixtures/sop-documents/office');

const listPage = (errors: string[]): Promise<Page> => openMapList(browser, server, errors);

async function choose(page: Page, files: string[]): Promise<void> {
  const input = (await page.$(byTestId('import-input'))) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(...files);
  await page.waitForSelector(byTestId('batch-list'));
}

const states = (page: Page) => page.$$eval(byTestId('batch-file'), (lines) => lines.map((line) => [line.querySelector('.batch-name')?.textContent?.split(' · ')[0], line.getAttribute('data-state')]));

describe('importing several SOP documents at once', () => {
  it('imports each chosen file in turn, says what became of each, and goes on past a refused one', async () => {
    const errors: string[] = [];
    const page = await listPage(errors);
    const dir = await tempDir('petakerja-batch-');
    const broken = path.join(dir, 'rusak.pdf');
    writeFileSync(broken, '%PDF-1.7\n1 0 obj << /Type /Catalog');
    const before = (await server.api('/api/maps')).body.items.length;
    await choose(page, [path.join(OFFICE, 'lintas-fungsi.pdf'), broken, path.join(OFFICE, 'penunjukan-dalam-unit.xlsx')]);
    expect(await page.$eval(byTestId('batch-count'), (e) => e.textContent)).toBe('3 berkas siap diimpor');
    expect(await states(page)).toEqual([
      ['lintas-fungsi.pdf', 'waiting'],
      ['rusak.pdf', 'waiting'],
      ['penunjukan-dalam-unit.xlsx', 'waiting'],
    ]);
    await page.type(byTestId('batch-unit'), 'Bagian Organisasi');
    await page.click(byTestId('batch-submit'));
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.startsWith('Selesai'), { timeout: 120_000 }, byTestId('batch-count'));
    expect(await page.$eval(byTestId('batch-count'), (e) => e.textContent)).toBe('Selesai: 2 dari 3 berkas menjadi peta, 1 ditolak.');
    expect(await states(page)).toEqual([
      ['lintas-fungsi.pdf', 'done'],
      ['rusak.pdf', 'refused'],
      ['penunjukan-dalam-unit.xlsx', 'done'],
    ]);
    const refused = await page.$$eval(byTestId('batch-status'), (items) => items[1]?.textContent ?? '');
    expect(refused).toContain('DOCUMENT_UNREADABLE');
    expect(await page.$eval(byTestId('batch-progress'), (e) => (e as HTMLProgressElement).value)).toBe(3);
    const maps = (await server.api('/api/maps')).body.items as Array<{ unit: string; name: string }>;
    expect(maps.length).toBe(before + 2);
    // Documents without a Nama SOP are named after their files, never after the unit their pool stands for.
    expect(maps.filter((m) => m.unit === 'Bagian Organisasi').map((m) => m.name).sort()).toEqual(['lintas-fungsi', 'penunjukan-dalam-unit']);
    expect(await page.$$eval(`${byTestId('batch-status')} a`, (links) => links.map((a) => a.textContent))).toEqual(['Dibuat: lintas-fungsi', 'Dibuat: penunjukan-dalam-unit']);
    if (process.env.PETAKERJA_OFFICE_SCREENSHOTS) await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/import-batch-1366.png') });
    // The dialog's button now closes it.
    expect(await page.$eval(byTestId('batch-submit'), (e) => e.textContent)).toBe('Tutup');
    await page.click(byTestId('batch-submit'));
    await page.waitForSelector('dialog.dialog-import[open]', { hidden: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('opens for several files dropped onto the list at once', async () => {
    const errors: string[] = [];
    const page = await listPage(errors);
    await page.evaluate((bpmn) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([bpmn], 'peta-a.bpmn', { type: 'application/xml' }));
      transfer.items.add(new File(['%PDF-1.7'], 'sop-b.pdf', { type: 'application/pdf' }));
      const target = document.querySelector('.list-main')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, minimalBpmn());
    await page.waitForSelector(byTestId('batch-list'));
    expect((await states(page)).map(([name]) => name)).toEqual(['peta-a.bpmn', 'sop-b.pdf']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('unpacks a ZIP of a unit\'s documents, listing what it leaves out', async () => {
    const errors: string[] = [];
    const page = await listPage(errors);
    const zip = path.join(await tempDir('petakerja-batch-zip-'), 'sop-bidang.zip');
    writeFileSync(
      zip,
      zipSync({
        'SOP Bidang/lintas-fungsi.pdf': new Uint8Array(readFileSync(path.join(OFFICE, 'lintas-fungsi.pdf'))),
        'SOP Bidang/delapan-pelaksana.xls': new Uint8Array(readFileSync(path.join(OFFICE, 'delapan-pelaksana.xls'))),
        'SOP Bidang/catatan.txt': strToU8('bukan SOP'),
      }),
    );
    await choose(page, [zip]);
    expect((await states(page)).map(([name]) => name).sort()).toEqual(['delapan-pelaksana.xls', 'lintas-fungsi.pdf']);
    expect(await page.$eval(byTestId('batch-skipped'), (e) => e.textContent)).toContain('catatan.txt');
    expect(errors).toEqual([]);
    await page.close();
  });
});
