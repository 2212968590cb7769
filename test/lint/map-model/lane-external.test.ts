// Lanes of outside parties (sk:external, names like "Pemohon") and lanes read through repository synonyms (issue 14).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../server/bpmn/moddle';
import { readMap } from '../../../server/lint/map-model/map-model';
import { readText, ROOT } from '../../helpers/fixtures';

const XML = readText(path.join(ROOT, 'test/import/lanes-import.bpmn'));
const lanes = async (xml: string, synonyms?: Parameters<typeof readMap>[1]) => readMap((await parseBpmn(xml)).definitions, synonyms).lanes;
const lane = async (id: string, xml = XML, synonyms?: Parameters<typeof readMap>[1]) => (await lanes(xml, synonyms)).find((l) => l.id === id)!;

describe('outside parties in the map model', () => {
  it('reads sk:external="true" as an outside party holding no jabatan, even with a title in its name', async () => {
    const xml = XML.replace('name="Kepala Bidang"', 'name="Kepala Bidang" sk:external="true"');
    expect(await lane('Lane_Kabid', xml)).toMatchObject({ external: true, inferred: false, declared: true });
    const facts = await lane('Lane_Kabid', xml);
    expect(facts.jabatan).toBeUndefined();
    expect(facts.role).toBeUndefined();
    expect(facts.level).toBeUndefined();
  });

  it('reads a name of the public or a company as an outside party, inferred', async () => {
    expect(await lane('Lane_Pemohon')).toMatchObject({ external: true, inferred: true, declared: false });
    // A declared code wins over the name.
    const vendor = await lane('Lane_Vendor');
    expect(vendor.external).toBeUndefined();
    expect(vendor.jabatan).toBe('PELAKSANA');
  });

  it('never reads a lane declaring a code, even an invalid one, as an outside party', async () => {
    const facts = await lane('Lane_Pemohon', XML.replace('name="Pemohon"', 'name="Pemohon" sk:role="BOS"'));
    expect(facts.external).toBeUndefined();
    expect(facts.declared).toBe(true);
  });

  it('keeps unread lanes unread, with their suggestions', async () => {
    expect(await lane('Lane_Kasir')).toMatchObject({ declared: false, suggestions: [{ jabatan: 'PELAKSANA', label: 'Pelaksana' }] });
    expect((await lane('Lane_Ruang')).suggestions).toEqual([]);
  });
});

describe('repository synonyms in the map model', () => {
  it('reads a lane named as a synonym as what the repository answered, inferred from the name', async () => {
    const synonyms = [{ name: 'KASIR', jabatan: 'PELAKSANA' as const, level: 3 as const }, { name: 'ruang control', external: true as const }, { name: 'Pemohon', role: 'ANGGOTA_TIM' as const }];
    expect(await lane('Lane_Kasir', XML, synonyms)).toMatchObject({ jabatan: 'PELAKSANA', level: 3, inferred: true, bySynonym: true });
    expect(await lane('Lane_Ruang', XML, synonyms)).toMatchObject({ external: true, inferred: true, bySynonym: true });
    // The repository's answer wins over the kamus's own reading of the name.
    expect(await lane('Lane_Pemohon', XML, synonyms)).toMatchObject({ role: 'ANGGOTA_TIM', inferred: true, bySynonym: true });
  });
});
