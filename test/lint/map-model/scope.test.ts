// Scopes of work between two places of a map (scope.ts, the one reader): declared sk:unitKind, sk:unit and sk:orgType,
// and read from pool and unit names.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../server/bpmn/moddle';
import { readMap, type MapModel } from '../../../server/lint/map-model/map-model';
import { SCOPE_LABELS, SCOPES, scopeOf, scopeOfHandOff, scopeRank } from '../../../server/lint/map-model/scope';
import { readText, ROOT, templateXml } from '../../helpers/fixtures';

interface PoolSpec {
  name: string;
  attrs?: string;
}

/** Two pools (P1, P2) without lanes, or one pool with two lanes of their own sk:unit, and a message flow between them. */
function twoPools(a: PoolSpec, b: PoolSpec): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="t">
  <bpmn:collaboration id="C">
    <bpmn:participant id="P1" name="${a.name}" processRef="Proc1" ${a.attrs ?? ''} />
    <bpmn:participant id="P2" name="${b.name}" processRef="Proc2" ${b.attrs ?? ''} />
    <bpmn:messageFlow id="M" name="Surat" sourceRef="T1" targetRef="T2" />
  </bpmn:collaboration>
  <bpmn:process id="Proc1"><bpmn:task id="T1" name="Mengirim" /></bpmn:process>
  <bpmn:process id="Proc2"><bpmn:task id="T2" name="Menerima" /></bpmn:process>
</bpmn:definitions>`;
}

const modelOf = async (xml: string): Promise<MapModel> => readMap((await parseBpmn(xml)).definitions);
const poolScope = async (a: PoolSpec, b: PoolSpec) => {
  const model = await modelOf(twoPools(a, b));
  return scopeOf(model, model.placement('P1'), model.placement('P2'));
};

describe('scope of work between two pools', () => {
  it('reads two bidang of one dinas as lintas unit, from their names', async () => {
    expect(await poolScope({ name: 'Bidang P2P Dinas Kesehatan' }, { name: 'Bidang Kesmas, Dinas Kesehatan' })).toEqual({ scope: 'lintas-unit', inferred: true });
  });

  it('reads two perangkat daerah as lintas PD, from their names', async () => {
    expect(await poolScope({ name: 'Dinas Kesehatan' }, { name: 'Badan Kepegawaian dan Pengembangan SDM' })).toEqual({ scope: 'lintas-pd', inferred: true });
    expect(await poolScope({ name: 'Bidang P2P, Dinas Kesehatan' }, { name: 'Bidang Mutasi, Badan Kepegawaian Daerah' })).toEqual({ scope: 'lintas-pd', inferred: true });
  });

  it('reads a ministry or another government as lintas instansi', async () => {
    expect((await poolScope({ name: 'Dinas Kesehatan' }, { name: 'Kementerian Kesehatan' }))?.scope).toBe('lintas-instansi');
    expect((await poolScope({ name: 'Pemerintah Provinsi Bali' }, { name: 'Bidang P2P, Dinas Kesehatan' }))?.scope).toBe('lintas-instansi');
  });

  it('reads two units organisasi whose names say no perangkat daerah as units of one perangkat daerah', async () => {
    expect(await poolScope({ name: 'Bidang Kesehatan Masyarakat' }, { name: 'Bidang P2P' })).toEqual({ scope: 'lintas-unit', inferred: true });
    expect(await poolScope({ name: 'Bagian Organisasi' }, { name: 'Bagian Hukum' })).toEqual({ scope: 'lintas-unit', inferred: true });
  });

  it('takes sk:unitKind as declared, not inferred', async () => {
    const declared = (unit: string, kind: string) => ({ name: unit, attrs: `sk:unit="${unit}" sk:unitKind="${kind}"` });
    expect(await poolScope(declared('Bidang Pemilik Kinerja', 'unit-organisasi'), declared('Bidang Mitra', 'unit-organisasi'))).toEqual({ scope: 'lintas-unit', inferred: false });
    expect(await poolScope(declared('Dinas A', 'perangkat-daerah'), declared('Badan B', 'perangkat-daerah'))).toEqual({ scope: 'lintas-pd', inferred: false });
    expect(await poolScope(declared('Instansi Pemohon', 'instansi'), declared('Instansi Dituju', 'instansi'))).toEqual({ scope: 'lintas-instansi', inferred: false });
  });

  it('reads two governments named as lintas instansi, and a perangkat daerah of the government named as inside it', async () => {
    expect(await poolScope({ name: 'Bagian Organisasi Setda Kab. Badung' }, { name: 'Bagian Organisasi Sekretariat Daerah Kota Denpasar' })).toEqual({ scope: 'lintas-instansi', inferred: true });
    expect(await poolScope({ name: 'Bagian Organisasi Setda Kab. Badung' }, { name: 'Bagian Hukum Sekretariat Daerah Kabupaten Badung' })).toEqual({ scope: 'lintas-unit', inferred: true });
    // The Pemerintah Kabupaten Badung and its Dinas Kesehatan: one instansi, and not two perangkat daerah.
    expect(await poolScope({ name: 'Pemerintah Kabupaten Badung' }, { name: 'Dinas Kesehatan Kabupaten Badung' })).toBeUndefined();
  });

  it('says nothing when the names tell neither unit nor perangkat daerah', async () => {
    expect(await poolScope({ name: 'Tim A' }, { name: 'Kelompok Kerja B' })).toBeUndefined();
  });

  it('reads the same unit as dalam unit', async () => {
    expect((await poolScope({ name: 'Bidang P2P' }, { name: 'Bidang  P2P' }))?.scope).toBe('dalam-unit');
  });

  it('reads the scope of a message flow between the pools', async () => {
    const model = await modelOf(twoPools({ name: 'Dinas Kesehatan' }, { name: 'Badan Kepegawaian Daerah' }));
    const handOff = model.handOffs.find((h) => h.id === 'M')!;
    expect(scopeOfHandOff(model, handOff)).toEqual({ scope: 'lintas-pd', inferred: true });
  });
});

describe('scope of work between lanes of one pool', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="t">
  <bpmn:collaboration id="C"><bpmn:participant id="P" name="Dinas Kesehatan" processRef="Proc" /></bpmn:collaboration>
  <bpmn:process id="Proc">
    <bpmn:laneSet id="LS">
      <bpmn:lane id="L1" name="Kepala Bidang" sk:unit="Bidang Kesehatan Masyarakat"><bpmn:flowNodeRef>T1</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="L2" name="Pejabat Fungsional" sk:unit="Bidang P2P"><bpmn:flowNodeRef>T2</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="L3" name="Pelaksana" sk:unit="Bidang P2P"><bpmn:flowNodeRef>T3</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:task id="T1" name="Menugaskan" /><bpmn:task id="T2" name="Menganalisis" /><bpmn:task id="T3" name="Mengolah data" />
    <bpmn:sequenceFlow id="F1" sourceRef="T1" targetRef="T2" />
    <bpmn:sequenceFlow id="F2" sourceRef="T2" targetRef="T3" />
  </bpmn:process>
</bpmn:definitions>`;

  it('reads lanes of different sk:unit in one dinas as lintas unit, and lanes of one unit as dalam unit', async () => {
    const model = await modelOf(xml);
    expect(scopeOf(model, model.placement('T1'), model.placement('T2'))?.scope).toBe('lintas-unit');
    expect(scopeOf(model, model.placement('T2'), model.placement('T3'))?.scope).toBe('dalam-unit');
  });
});

describe('scope labels and ranks', () => {
  it('ranks the scopes from dalam unit to lintas instansi and names each in Indonesian', () => {
    expect(SCOPES.map(scopeRank)).toEqual([0, 1, 2, 3]);
    expect(SCOPE_LABELS['lintas-pd']).toBe('lintas perangkat daerah');
  });

  it('reads the relasi template, whose pools are declared units organisasi, as lintas unit', async () => {
    const model = await modelOf(templateXml('relasi'));
    expect(scopeOf(model, model.placement('Participant_PemilikKinerja'), model.placement('Participant_BidangMitra'))).toEqual({ scope: 'lintas-unit', inferred: false });
  });
});

describe('a fixture per scope of ROLES.md §5, declared and inferred (test/lint/map-model/scope/<scope>-<declared|inferred>.bpmn)', () => {
  const dir = path.join(ROOT, 'test/lint/map-model/scope');
  const files = readdirSync(dir).filter((f) => f.endsWith('.bpmn'));

  it('has one declared and one inferred fixture for every scope', () => {
    expect(files.sort()).toEqual(SCOPES.flatMap((scope) => [`${scope}-declared.bpmn`, `${scope}-inferred.bpmn`]).sort());
  });

  it.each(files)('reads every hand-off of %s as its name says', async (file) => {
    const [, scope, how] = /^(.+)-(declared|inferred)\.bpmn$/.exec(file)!;
    const model = await modelOf(readText(path.join(dir, file)));
    const handOffs = model.handOffs.filter((h) => h.id.startsWith('Handoff_'));
    expect(handOffs.length).toBeGreaterThan(0);
    for (const handOff of handOffs) {
      expect(scopeOfHandOff(model, handOff), `${file} ${handOff.id}`).toEqual({ scope, inferred: how === 'inferred' });
    }
  });
});

describe('two units organisasi of one perangkat daerah (GMS Ps 14(3), 28(1))', () => {
  it('reads two Bagian declared of a Setda as lintas unit, whatever their names say of the perangkat daerah', async () => {
    const bagian = (name: string, unit: string) => ({ name, attrs: `sk:unit="${unit}" sk:unitKind="unit-organisasi" sk:orgType="setda"` });
    expect(await poolScope(bagian('Bagian Organisasi Sekretariat Daerah Kabupaten Badung', 'Bagian Organisasi'), bagian('Bagian Hukum Setda Kab. Badung', 'Bagian Hukum'))).toEqual({ scope: 'lintas-unit', inferred: false });
  });

  it('reads units declared of two types of perangkat daerah as lintas PD, but not a UPTD of a dinas', async () => {
    const unit = (name: string, orgType: string) => ({ name, attrs: `sk:unitKind="unit-organisasi" sk:orgType="${orgType}"` });
    expect(await poolScope(unit('Bidang P2P', 'dinas'), unit('Bidang Mutasi', 'badan'))).toEqual({ scope: 'lintas-pd', inferred: false });
    expect(await poolScope(unit('Bidang P2P', 'dinas'), unit('UPTD Puskesmas Mengwi', 'puskesmas'))).toEqual({ scope: 'lintas-unit', inferred: false });
  });

  it('reads lanes of their own sk:unit in two pools declared perangkat daerah as lintas PD, declared', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="t">
  <bpmn:collaboration id="C">
    <bpmn:participant id="P1" name="Dinas Kesehatan" processRef="Proc1" sk:unitKind="perangkat-daerah" sk:orgType="dinas" />
    <bpmn:participant id="P2" name="Dinas Pendidikan" processRef="Proc2" sk:unitKind="perangkat-daerah" sk:orgType="dinas" />
    <bpmn:messageFlow id="M" name="Surat" sourceRef="T1" targetRef="T2" />
  </bpmn:collaboration>
  <bpmn:process id="Proc1"><bpmn:laneSet id="LS1"><bpmn:lane id="L1" name="Kepala Bidang" sk:unit="Bidang P2P"><bpmn:flowNodeRef>T1</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet><bpmn:task id="T1" name="Mengirim" /></bpmn:process>
  <bpmn:process id="Proc2"><bpmn:laneSet id="LS2"><bpmn:lane id="L2" name="Kepala Bidang" sk:unit="Bidang Sekolah Dasar"><bpmn:flowNodeRef>T2</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet><bpmn:task id="T2" name="Menerima" /></bpmn:process>
</bpmn:definitions>`;
    const model = await modelOf(xml);
    expect(scopeOf(model, model.placement('T1'), model.placement('T2'))).toEqual({ scope: 'lintas-pd', inferred: false });
  });

  it('reads the perangkat daerah of a name that puts it first, or writes it short', async () => {
    expect(await poolScope({ name: 'Dinas Kesehatan – Bidang P2P' }, { name: 'Dinas Kesehatan – Bidang Kesmas' })).toEqual({ scope: 'lintas-unit', inferred: true });
    expect(await poolScope({ name: 'Bidang Mutasi BKPSDM' }, { name: 'Bidang Pengembangan Badan Kepegawaian dan Pengembangan SDM' })).toEqual({ scope: 'lintas-unit', inferred: true });
    expect(await poolScope({ name: 'Dinas Kesehatan – Bidang P2P' }, { name: 'Dinas Pendidikan – Bidang SD' })).toEqual({ scope: 'lintas-pd', inferred: true });
  });
});
