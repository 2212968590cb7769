// Reading the mutu baku of activities (sk: attributes, else linked annotations) and parsing its durations.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../server/bpmn/moddle';
import { mutuBakuLines, mutuBakuOf, parseDuration } from '../../../server/lint/map-model/mutu-baku';
import { readText, ROOT, templateXml } from '../../helpers/fixtures';

const minutes = (m: number) => ({ minutes: m, days: 0, weeks: 0 });
const days = (d: number) => ({ minutes: 0, days: d, weeks: 0 });

describe('parseDuration', () => {
  it.each([
    ['30 detik', minutes(0.5)],
    ['3 menit', minutes(3)],
    ['2 jam', minutes(120)],
    ['1 jam 30 menit', minutes(90)],
    ['1,5 jam', minutes(90)],
    ['1 hari', days(1)],
    ['1 hari kerja', days(1)],
    ['2 Hari Kerja', days(2)],
    ['sehari', days(1)],
    ['satu hari', days(1)],
    ['3 x 24 jam', days(3)],
    ['1-2 hari', days(2)],
    ['1 s.d. 3 hari', days(3)],
    ['1 sampai dengan 2 jam', minutes(120)],
    ['maks. 2 jam', minutes(120)],
    ['± 15 menit', minutes(15)],
    ['paling lama 3 hari', days(3)],
    ['1 hari 2 jam', { minutes: 120, days: 1, weeks: 0 }],
    ['2 minggu', { minutes: 0, days: 0, weeks: 2 }],
    ['PT2H', minutes(120)],
    ['PT30M', minutes(30)],
    ['PT45S', minutes(0.75)],
    ['P1D', days(1)],
    ['P1DT4H', { minutes: 240, days: 1, weeks: 0 }],
    ['P1W', { minutes: 0, days: 0, weeks: 1 }],
  ])('reads "%s"', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['segera', '1 bulan', '3 hari kalender', 'P', 'PT', 'P1M', 'jam', '', 'lebih dari 2 jam', 'tergantung berkas'])('does not read "%s"', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('mutu baku of activities', () => {
  it('reads the lines of an annotation, under the labels real SOPs use', () => {
    expect(mutuBakuLines('Kelengkapan: Surat permohonan\nWaktu: 30 menit\nOutput: Lembar disposisi')).toEqual({
      kelengkapan: 'Surat permohonan',
      waktu: '30 menit',
      output: 'Lembar disposisi',
    });
    expect(mutuBakuLines('- Persyaratan : KTP, KK\r\n- Keluaran: Surat keterangan\nCatatan: lain')).toEqual({ kelengkapan: 'KTP, KK', output: 'Surat keterangan' });
    expect(mutuBakuLines('Diserahkan langsung')).toEqual({});
  });

  it('reads sk: attributes as declared', async () => {
    const { definitions } = await parseBpmn(templateXml('lintas-fungsi'));
    expect(mutuBakuOf(definitions).get('Activity_MelaksanakanKegiatan')).toEqual({
      kelengkapan: { text: 'Rincian kegiatan, data dan dokumen pendukung', inferred: false },
      waktu: { text: '5 hari', inferred: false, duration: days(5) },
      output: { text: 'Hasil kerja', inferred: false },
    });
  });

  it('falls back on a text annotation associated with the activity, flagging the reading as inferred', async () => {
    const xml = readText(path.join(ROOT, 'test/lint/rules/sop/quality-standard/valid-annotation.bpmn'));
    const { definitions } = await parseBpmn(xml);
    expect(mutuBakuOf(definitions).get('Activity_MelaporkanHasilKerja')).toEqual({
      kelengkapan: { text: 'Hasil kerja', inferred: true },
      waktu: { text: '1 jam', inferred: true, duration: minutes(60) },
      output: { text: 'Laporan hasil kerja anggota tim', inferred: true },
    });
    // The sk: attribute wins over an annotation.
    const both = xml.replace('Waktu: 1 jam', 'Waktu: 3 jam').replace('name="Melaporkan hasil kerja kepada Ketua Tim"', 'name="Melaporkan hasil kerja kepada Ketua Tim" sk:time="2 jam"');
    const { definitions: withAttribute } = await parseBpmn(both);
    expect(mutuBakuOf(withAttribute).get('Activity_MelaporkanHasilKerja')?.waktu).toEqual({ text: '2 jam', inferred: false, duration: minutes(120) });
  });
});
