// Every citation in every profile points to text the app ships, and citations read as people write them.
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../server/domain/vocabulary';
import { ruleSettings } from '../../server/lint/profiles';
import type { ArticlesFile } from '../../server/regulations/article-types';
import articlesJson from '../../server/regulations/articles.json' with { type: 'json' };
import { parseCitation, resolveCitation, shippedNames } from '../../server/regulations/citations';

const articles = articlesJson as ArticlesFile;
const names = shippedNames(articles);
const highlighted = (citation: string) =>
  resolveCitation(citation, articles).map((reference) => (reference.highlight ?? []).map((range) => reference.text.slice(range.start, range.end)));

describe('citations of the profiles', () => {
  const citations = new Set<string>();
  for (const profile of PROFILES) for (const setting of Object.values(ruleSettings(profile))) for (const citation of setting.citations) citations.add(citation);

  it.each([...citations].filter((citation) => names.some((name) => citation.startsWith(name))))('%s resolves to shipped text', (citation) => {
    const references = resolveCitation(citation, articles);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference.shipped).toBe(true);
      expect(reference.text.trim()).not.toBe('');
      for (const range of reference.highlight ?? []) expect(reference.text.slice(range.start, range.end).trim()).not.toBe('');
    }
  });

  it('says a regulation that is not shipped is not shipped, without failing', () => {
    const [reference, ...rest] = resolveCitation('PermenPANRB 35/2012 Lampiran, kolom pelaksana SOP AP', articles);
    expect(rest).toEqual([]);
    expect(reference).toMatchObject({ regulation: 'PermenPANRB 35/2012', shipped: false, text: '', heading: 'Lampiran, kolom pelaksana SOP AP' });
  });
});

describe('parseCitation', () => {
  it('reads several Pasal, continued ayat and ranges', () => {
    const references = parseCitation('Perbup Gunung Mas 18/2024 Pasal 8 ayat (1) dan ayat (3), Pasal 9–10', names);
    expect(references.map((reference) => reference.heading)).toEqual(['Pasal 8 ayat (1)', 'Pasal 8 ayat (3)', 'Pasal 9', 'Pasal 10']);
    expect(references.every((reference) => reference.regulation === 'Perbup Gunung Mas 18/2024')).toBe(true);
  });

  it('reads Lampiran places: number, BAB, dotted parts with a range, huruf and angka', () => {
    const [badung] = parseCitation('Perbup Badung 35/2023 Lampiran I BAB II A.1–3', names);
    expect(badung).toMatchObject({ lampiran: 'I', heading: 'Lampiran I BAB II A.1–3' });
    expect(badung!.steps.map((step) => [step.kind, step.labels])).toEqual([
      ['bab', ['II']],
      ['part', ['A']],
      ['part', ['1', '2', '3']],
    ]);
    const [denpasar] = parseCitation('Perwali Denpasar 69/2023 Lampiran B.4 huruf c angka (2)', names);
    expect(denpasar!.steps.map((step) => [step.kind, step.labels])).toEqual([
      ['part', ['B']],
      ['part', ['4']],
      ['huruf', ['c']],
      ['angka', ['2']],
    ]);
  });
});

describe('resolveCitation', () => {
  it('gives the whole Pasal and marks the cited ayat and huruf', () => {
    const [pasal29, pasal38] = resolveCitation('Perbup Gunung Mas 18/2024 Pasal 29 ayat (4) dan Pasal 38 ayat (4) huruf a–b', articles);
    expect(pasal29!.text.startsWith('(1) Mekanisme kerja pada Sekretariat Daerah')).toBe(true);
    expect(pasal29!.title).toBe('Peraturan Bupati Gunung Mas Nomor 18 Tahun 2024 tentang Sistem Kerja di Lingkungan Pemerintah Kabupaten Gunung Mas');
    expect(highlighted('Perbup Gunung Mas 18/2024 Pasal 29 ayat (4)')[0]![0]).toMatch(/^\(4\) Tahap evaluasi/);
    expect(pasal38!.heading).toBe('Pasal 38 ayat (4) huruf a–b');
    const [a, b] = highlighted('Perbup Gunung Mas 18/2024 Pasal 38 ayat (4) huruf a–b')[0]!;
    expect(a).toMatch(/^a\. Sekretaris dan Kepala Bidang meninjau/);
    expect(b).toMatch(/^b\. /);
  });

  it('finds the Lampiran part a citation names, within its surroundings when it is short', () => {
    const [rework] = resolveCitation('Perwali Denpasar 69/2023 Lampiran B.4 huruf c angka (2)', articles);
    expect(rework!.text.startsWith('c. Tahapan evaluasi\n(1) Camat')).toBe(true);
    expect(highlighted('Perwali Denpasar 69/2023 Lampiran B.4 huruf c angka (2)')[0]![0]).toMatch(/^\(2\) Hasil pelaksanaan kegiatan yang tidak sesuai/);
    // "B.3 huruf c" is the third part of B's detailed list, where a team lead is appointed.
    const [teamLead] = resolveCitation('Perbup Badung 35/2023 Lampiran I BAB II B.3 huruf c', articles);
    expect(teamLead!.text).toMatch(/^c\. Dalam tim kerja, pimpinan Perangkat Daerah dapat menunjuk/);
    const [phases] = resolveCitation('Perbup Badung 35/2023 Lampiran I BAB II A.1–3', articles);
    expect(phases!.text).toMatch(/^1\. Tahapan Perencanaan\.[\s\S]*\n3\. Tahapan Evaluasi\./);
  });

  it('tells apart Lampiran parts numbered alike by the title written after them', () => {
    // Badung's B.2 holds two lists a–f: the assignment's rules, then Penunjukan and Pengajuan sukarela.
    const [untitled] = resolveCitation('Perbup Badung 35/2023 Lampiran I BAB II B.2 huruf b', articles);
    expect(untitled!.text).toMatch(/^b\. Pimpinan unit organisasi merupakan/);
    const [voluntary] = resolveCitation('Perbup Badung 35/2023 Lampiran I BAB II B.2 huruf b (Pengajuan sukarela)', articles);
    expect(voluntary).toMatchObject({ heading: 'Lampiran I BAB II B.2 huruf b (Pengajuan sukarela)' });
    expect(voluntary!.text).toMatch(/^b\. Pengajuan sukarela\.[\s\S]*hanya dapat dilakukan di dalam unit organisasi/);
    const [appointment] = resolveCitation('Perbup Badung 35/2023 Lampiran I BAB II B.2 huruf a (Penunjukan)', articles);
    expect(appointment!.text).toMatch(/^a\. Penunjukan[\s\S]*paling sedikit memuat/);
  });

  it('returns empty text for a place the regulation does not have', () => {
    expect(resolveCitation('Perbup Klungkung 2/2023 Pasal 99', articles)[0]).toMatchObject({ shipped: true, text: '' });
    expect(resolveCitation('Perbup Klungkung 2/2023 Pasal 7 ayat (9)', articles)[0]).toMatchObject({ shipped: true, text: '' });
  });
});
