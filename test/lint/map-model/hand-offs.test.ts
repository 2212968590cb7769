// Letters and hand-offs read by the map model (letters.ts, hand-offs.ts) on a small two-pool map without DI.
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../server/bpmn/moddle';
import { readMap } from '../../../server/lint/map-model/map-model';

const MAP = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="t">
  <bpmn:collaboration id="C">
    <bpmn:participant id="P_Kesmas" name="Bidang Kesehatan Masyarakat" processRef="Proc_Kesmas" />
    <bpmn:participant id="P_P2P" name="Bidang P2P" processRef="Proc_P2P" sk:unit="Bidang Pencegahan dan Pengendalian Penyakit" />
    <bpmn:messageFlow id="M_Permohonan" name="Surat Permohonan Pelibatan" sourceRef="T_Mohon" targetRef="T_Terima" />
    <bpmn:messageFlow id="M_Jawaban" sourceRef="T_Terima" targetRef="T_Mohon" sk:letter="jawaban-permohonan" />
  </bpmn:collaboration>
  <bpmn:process id="Proc_Kesmas">
    <bpmn:laneSet id="LS1">
      <bpmn:lane id="L_Kabid" name="Kepala Bidang"><bpmn:flowNodeRef>T_Mohon</bpmn:flowNodeRef><bpmn:flowNodeRef>T_Tinjau</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="L_JF" name="Pejabat Fungsional"><bpmn:flowNodeRef>T_Kerja</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:task id="T_Mohon" name="Mengirim surat permohonan"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:task>
    <bpmn:task id="T_Kerja" name="Melaksanakan kegiatan"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
      <bpmn:dataOutputAssociation id="DA1"><bpmn:targetRef>DOR_Laporan</bpmn:targetRef></bpmn:dataOutputAssociation></bpmn:task>
    <bpmn:task id="T_Tinjau" name="Meninjau"><bpmn:incoming>F2</bpmn:incoming></bpmn:task>
    <bpmn:sequenceFlow id="F1" sourceRef="T_Mohon" targetRef="T_Kerja" />
    <bpmn:sequenceFlow id="F2" sourceRef="T_Kerja" targetRef="T_Tinjau" />
    <bpmn:dataObject id="DO_Laporan" />
    <bpmn:dataObjectReference id="DOR_Laporan" name="Laporan hasil kegiatan" dataObjectRef="DO_Laporan" />
    <bpmn:textAnnotation id="A1"><bpmn:text>Maksud dan tujuan: survei
Kompetensi: epidemiolog
Durasi: 2 bulan</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="AS1" sourceRef="A1" targetRef="M_Permohonan" />
  </bpmn:process>
  <bpmn:process id="Proc_P2P">
    <bpmn:task id="T_Terima" name="Menerima permohonan" />
  </bpmn:process>
</bpmn:definitions>`;

describe('letters and hand-offs', () => {
  it('reads letters from names and sk:letter, with their senders, receivers and annotated contents', async () => {
    const model = readMap((await parseBpmn(MAP)).definitions);
    const byId = Object.fromEntries(model.letters.map((letter) => [letter.id, letter]));
    expect(byId['M_Permohonan']).toMatchObject({
      kind: 'permohonan-pelibatan',
      inferred: true,
      senders: ['T_Mohon'],
      receivers: ['T_Terima'],
      contents: { purpose: 'survei', competence: 'epidemiolog', duration: '2 bulan' },
      contentsInferred: true,
    });
    expect(byId['M_Permohonan']!.contents.target).toBeUndefined();
    expect(byId['M_Jawaban']).toMatchObject({ kind: 'jawaban-permohonan', inferred: false });
    expect(byId['DOR_Laporan']).toMatchObject({ kind: 'laporan', senders: ['T_Kerja'], receivers: [] });
  });

  it('finds hand-offs across lanes and pools, which cross units and which report', async () => {
    const model = readMap((await parseBpmn(MAP)).definitions);
    const byId = Object.fromEntries(model.handOffs.map((handOff) => [handOff.id, handOff]));
    expect(Object.keys(byId).sort()).toEqual(['F1', 'F2', 'M_Jawaban', 'M_Permohonan']);
    expect(byId['F1']).toMatchObject({ fromLane: 'L_Kabid', toLane: 'L_JF', crossUnit: false, report: false });
    expect(byId['F2']).toMatchObject({ fromLane: 'L_JF', toLane: 'L_Kabid', report: true, letters: ['laporan'] });
    expect(byId['M_Permohonan']).toMatchObject({
      type: 'message',
      fromPool: 'P_Kesmas',
      toPool: 'P_P2P',
      fromUnit: 'Bidang Kesehatan Masyarakat',
      toUnit: 'Bidang Pencegahan dan Pengendalian Penyakit',
      crossUnit: true,
      letters: ['permohonan-pelibatan'],
    });
  });
});
