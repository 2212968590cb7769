import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../server/bpmn/moddle';
import { kindsFromName } from '../../../server/lint/map-model/activity-kind';
import { readMap } from '../../../server/lint/map-model/map-model';
import { templateXml } from '../../helpers/fixtures';

describe('activity kinds (BPMN-CONVENTIONS.md, kind of activity)', () => {
  it.each([
    ['Menyusun dan menetapkan perjanjian kinerja', ['perjanjian-kinerja']],
    ['Merumuskan strategi pencapaian target kinerja', ['strategi']],
    ['Menyusun rencana kegiatan dan anggaran', ['rencana-kegiatan']],
    ['Memantau perkembangan dan memberi umpan balik', ['monitoring']],
    ['Menyampaikan hasil kegiatan kepada Kepala Bidang', ['serah-hasil']],
    ['Meninjau dan menerima hasil pelaksanaan kegiatan', ['reviu', 'penerimaan']],
    ['Menetapkan penugasan melalui surat penugasan', ['penetapan-penugasan']],
    ['Menerima surat penugasan', ['penerimaan']],
    ['Mengarsipkan dokumen', []],
  ])('reads "%s" as %j', (name, kinds) => {
    expect(kindsFromName(name)).toEqual(kinds);
  });

  it('prefers sk:activityKind and flags kinds read from names', async () => {
    const declared = readMap((await parseBpmn(templateXml('mekanisme-kerja'))).definitions);
    expect(declared.activities.find((a) => a.id === 'Activity_Monitoring')).toMatchObject({ kinds: ['monitoring'], kindsInferred: false });
    const stripped = readMap((await parseBpmn(templateXml('mekanisme-kerja').replace(/ sk:[a-zA-Z]+="[^"]*"/g, ''))).definitions);
    expect(stripped.activities.find((a) => a.id === 'Activity_Monitoring')).toMatchObject({ kinds: ['monitoring'], kindsInferred: true });
  });
});
