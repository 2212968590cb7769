// Scopes of work between two places of a map (scope.ts over map-model.ts's scopeBetween): declared sk:unitKind, and
// read from pool and unit names.
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../server/bpmn/moddle';
import { readMap, type MapModel } from '../../../server/lint/map-model/map-model';
import { SCOPE_LABELS, SCOPES, scopeOf, scopeOfHandOff, scopeRank } from '../../../server/lint/map-model/scope';
import { templateXml } from '../../helpers/fixtures';

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
