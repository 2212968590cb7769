// The SOP AP document as HTML (server/sop/render/) on the reference maps of processes/: every activity, every
// performer column and every identity field is printed; every row carries exactly one of the SOP AP symbols.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import type { SopIdentityDraft } from '../../server/sop/identity.schema';
import { symbolKindOf } from '../../server/sop/layout/document';
import { renderSop, renderSopHtml } from '../../server/sop/render/index';
import { namesOf } from '../helpers/bpmn-names';
import { readText, ROOT } from '../helpers/fixtures';
import { FULL_SOP_IDENTITY } from '../helpers/sop-identity';

const IDENTITY: SopIdentityDraft = FULL_SOP_IDENTITY;
/** The identity as it must read in the document (dates in Indonesian, NIP grouped). */
const IDENTITY_TEXTS = [
  '065/12/Diskominfo/2026',
  '2 Januari 2026',
  '1 Juli 2026',
  '15 Januari 2026',
  'Kepala Dinas Komunikasi dan Informatika',
  'I Made Contoh, S.Kom.',
  'Pembina Tingkat I (IV/b)',
  '19700101 199503 1 001',
  'Pencapaian Target Kinerja Dinas',
  'Peraturan Menteri PANRB Nomor 35 Tahun 2012',
  'Peraturan Bupati Klungkung Nomor 12 Tahun 2024',
  'SOP Penyusunan Perjanjian Kinerja',
  'Target kinerja tidak tercapai tepat waktu',
  'Memahami perencanaan kinerja',
  'Komputer',
  'Jaringan internet',
  'Buku agenda kegiatan',
];
const IDENTITY_LABELS = ['Nomor SOP', 'Tanggal Pembuatan', 'Tanggal Revisi', 'Tanggal Efektif', 'Disahkan oleh', 'Nama SOP', 'Dasar Hukum', 'Kualifikasi Pelaksana', 'Keterkaitan', 'Peralatan/Perlengkapan', 'Peringatan', 'Pencatatan dan Pendataan'];
const ALLOWED_SYMBOLS = new Set(['terminator', 'process', 'decision', 'off-page-connector']);

const MAPS = [
  path.join(ROOT, 'processes/templates/mekanisme-kerja.bpmn'),
  ...readdirSync(path.join(ROOT, 'processes/library'))
    .filter((name) => name.endsWith('.bpmn'))
    .sort()
    .map((name) => path.join(ROOT, 'processes/library', name)),
];

/** The text a reader sees: tags dropped, entities decoded, whitespace collapsed. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
/** The <wbr> break opportunities after slashes leave no space in what a reader sees. */
const squeeze = (text: string) => text.replace(/\s+/g, '');


describe('renderSopHtml', () => {
  it.each(MAPS.map((file) => [path.relative(ROOT, file), file]))('%s: every activity, performer and identity field; one allowed symbol per row', async (_name, file) => {
    const { definitions } = await parseBpmn(readText(file));
    const { html, document } = renderSop({ definitions, identity: IDENTITY, letterhead: { pemda: 'Pemerintah Kabupaten Klungkung', unit: 'Dinas Komunikasi dan Informatika' } });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html, 'no outside requests').not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    const text = squeeze(visibleText(html));

    const { activities, lanes } = namesOf(definitions);
    expect(activities.length).toBeGreaterThan(0);
    for (const name of activities) expect(text, `activity "${name}"`).toContain(squeeze(name));
    for (const name of lanes) expect(text, `performer "${name}"`).toContain(squeeze(name));
    for (const column of document.procedure.columns) expect(text, `column "${column.name}"`).toContain(squeeze(column.name));
    for (const value of [...IDENTITY_TEXTS, ...IDENTITY_LABELS, 'Pemerintah Kabupaten Klungkung'.toUpperCase()]) {
      expect(text.toUpperCase(), `identity "${value}"`).toContain(squeeze(value).toUpperCase());
    }
    for (const header of ['No', 'Kegiatan', 'Pelaksana', 'Mutu Baku', 'Kelengkapan', 'Waktu', 'Output', 'Keterangan']) {
      const cells = html.match(new RegExp(`class="cell header[^"]*"[^>]*>${header}</div>`, 'g'));
      expect(cells?.length, `header "${header}" on every page`).toBe(document.pages.length);
    }

    // Every drawn symbol is one of SOP AP's; every row has exactly one.
    const kinds = [...html.matchAll(/class="symbol" data-kind="([^"]+)"/g)].map((match) => match[1]!);
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(ALLOWED_SYMBOLS.has(kind), kind).toBe(true);
    const rowSymbols = [...html.matchAll(/class="symbol" data-kind="([^"]+)" data-row="(\d+)"/g)];
    expect(rowSymbols.map((match) => Number(match[2])).sort((a, b) => a - b)).toEqual(document.procedure.rows.map((row) => row.index));
    for (const [, kind, row] of rowSymbols) expect(kind).toBe(symbolKindOf(document.procedure.rows[Number(row)]!));
    // Arrows: one polyline per arrow of the model, each with its head.
    const arrows = document.pages.reduce((sum, page) => sum + page.arrows.length, 0);
    expect(html.match(/<polyline class="arrow"[^>]*marker-end="url\(#arrowhead-\d+\)"/g)?.length ?? 0).toBe(arrows);
    expect(html.match(/<section class="page/g)?.length).toBe(1 + document.pages.length);
  });

  it('renders a draft without identity: every field an empty line "…", the labels kept', async () => {
    const { definitions } = await parseBpmn(readText(MAPS[0]!));
    const html = renderSopHtml({ definitions });
    const text = visibleText(html);
    for (const label of IDENTITY_LABELS) expect(text).toContain(label);
    // Every field: nomor + Tanggal Pembuatan and Efektif + jabatan/nama/pangkat/NIP + six boxes + letterhead pemda/unit
    // (Tanggal Revisi reads "-" on a first issue).
    expect(text.match(/…/g)?.length ?? 0).toBeGreaterThanOrEqual(15);
    expect(text).not.toMatch(/undefined|null/);
  });

  it('puts the paper size on the page and adds the diagram as an appendix without its scripts', async () => {
    const { definitions } = await parseBpmn(readText(MAPS[0]!));
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" onload="alert(1)"><script>alert(2)</script><rect width="100" height="50"/><text>DiagramUji</text><image href="https://example.org/x.png"/></svg>';
    const html = renderSopHtml({ definitions, settings: { paper: 'F4' }, appendixSvg: svg });
    expect(html).toContain('@page { size: 330mm 215mm;');
    expect(html).toContain('Lampiran');
    expect(html).toContain('DiagramUji');
    expect(html).not.toMatch(/alert\(|<\?xml|example\.org/);
    const portrait = renderSopHtml({ definitions, settings: { paper: 'A4', orientation: 'portrait' } });
    expect(portrait).toContain('@page { size: 210mm 297mm;');
  });

  it('shows a data: logo in the letterhead and drops a logo that would be fetched', async () => {
    const { definitions } = await parseBpmn(readText(MAPS[0]!));
    const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    expect(renderSopHtml({ definitions, letterhead: { pemda: 'Pemerintah Kota Denpasar', logoDataUrl: logo } })).toContain(`<img src="${logo}" alt="Logo">`);
    const fetched = renderSopHtml({ definitions, letterhead: { pemda: 'Pemerintah Kota Denpasar', logoDataUrl: 'https://example.org/logo.png' } });
    expect(fetched).not.toContain('<img');
    expect(fetched).not.toContain('example.org');
  });

  it('escapes the text of the map and the identity', async () => {
    const { definitions } = await parseBpmn(readText(MAPS[0]!));
    const html = renderSopHtml({ definitions, identity: { namaSop: '<b>Uji & "kutip"</b>' } });
    expect(html).not.toContain('<b>Uji');
    expect(html).toContain('&lt;b&gt;Uji &amp; &quot;kutip&quot;&lt;/b&gt;');
  });

  it('prints Tanggal Revisi as "-" on a first issue, and the date once revised', async () => {
    const { definitions } = await parseBpmn(readText(MAPS[0]!));
    const revisionCell = (html: string) => /<td class="label">Tanggal Revisi<\/td><td class="colon">:<\/td><td>([^<]*)<\/td>/.exec(html)?.[1];
    const { tanggalRevisi: _revised, ...firstIssue } = IDENTITY;
    expect(revisionCell(renderSopHtml({ definitions, identity: firstIssue }))).toBe('-');
    expect(revisionCell(renderSopHtml({ definitions, identity: { ...firstIssue, tanggalRevisi: '' } }))).toBe('-');
    expect(revisionCell(renderSopHtml({ definitions }))).toBe('-');
    expect(revisionCell(renderSopHtml({ definitions, identity: IDENTITY }))).toBe('1 Juli 2026');
  });

  it('names the SOP after the map, never after its pool, until the identity gives a Nama SOP', async () => {
    // mk-setda's pool is "Sekretariat Daerah"; its process has no name.
    const xml = readText(path.join(ROOT, 'processes/library/mk-setda.bpmn'));
    const namaSop = (html: string) => /<span class="nama-sop">([^<]*)<\/span>/.exec(html)?.[1];
    const { definitions } = await parseBpmn(xml);
    const named = renderSop({ definitions, mapName: 'Pencapaian Target Kinerja Setda' });
    expect(namaSop(named.html)).toBe('Pencapaian Target Kinerja Setda');
    expect(named.document.title).toBe('Pencapaian Target Kinerja Setda');
    expect(named.html).toContain('<title>SOP Pencapaian Target Kinerja Setda</title>');
    expect(namaSop(renderSopHtml({ definitions }))).not.toBe('Sekretariat Daerah');
    // The model's own name is the map's.
    const { definitions: withName } = await parseBpmn(xml.replace('<bpmn:process id="Process_Unit"', '<bpmn:process id="Process_Unit" name="Mekanisme Kerja Setda"'));
    expect(namaSop(renderSopHtml({ definitions: withName }))).toBe('Mekanisme Kerja Setda');
    expect(namaSop(renderSopHtml({ definitions: withName, mapName: 'Nama di repositori' }))).toBe('Nama di repositori');
    expect(namaSop(renderSopHtml({ definitions, mapName: 'Nama di repositori', identity: { namaSop: 'Nama SOP yang ditetapkan' } }))).toBe('Nama SOP yang ditetapkan');
  });
});
