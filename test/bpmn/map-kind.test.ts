import { describe, expect, it } from 'vitest';
import { readMapKind } from '../../server/bpmn/map-kind';
import { parseBpmn } from '../../server/bpmn/moddle';
import { miwgFiles, readText } from '../helpers/fixtures';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1"';
const kindOf = async (xml: string) => readMapKind((await parseBpmn(xml)).definitions);

const lanes = (names: string[], extra = '') => `<bpmn:definitions ${NS} id="D">
  <bpmn:collaboration id="C"><bpmn:participant id="P" name="Dinas Kesehatan" processRef="Pr"/></bpmn:collaboration>
  <bpmn:process id="Pr"><bpmn:laneSet id="LS">${names.map((n, i) => `<bpmn:lane id="L${i}" name="${n}"><bpmn:flowNodeRef>T${i}</bpmn:flowNodeRef></bpmn:lane>`).join('')}</bpmn:laneSet>
  ${names.map((_, i) => `<bpmn:task id="T${i}" name="Tugas ${i}"/>`).join('')}${extra}</bpmn:process>
</bpmn:definitions>`;

describe('map kind (BPMN-CONVENTIONS.md)', () => {
  it('reads sk:mapKind when the map declares it', async () => {
    const xml = `<bpmn:definitions ${NS} id="D" sk:mapKind="relasi"><bpmn:process id="P"/></bpmn:definitions>`;
    expect(await kindOf(xml)).toEqual({ kind: 'relasi', inferred: false });
  });

  it('infers lintas-fungsi from lanes, and mekanisme-kerja when a group marks the stages', async () => {
    expect(await kindOf(lanes(['Kepala Bidang', 'Pelaksana']))).toEqual({ kind: 'lintas-fungsi', inferred: true });
    const staged = lanes(['Kepala Bidang', 'Pelaksana'], '<bpmn:group id="G" categoryValueRef="CV"/>').replace(
      '</bpmn:definitions>',
      '<bpmn:category id="Cat"><bpmn:categoryValue id="CV" value="Tahap Perencanaan"/></bpmn:category></bpmn:definitions>',
    );
    expect(await kindOf(staged)).toEqual({ kind: 'mekanisme-kerja', inferred: true });
  });

  it('infers proses from lanes named as the three process bands', async () => {
    expect(await kindOf(lanes(['Proses Manajemen', 'Proses Inti', 'Proses Pendukung']))).toMatchObject({ kind: 'proses' });
  });

  it('infers relasi from pools joined only by message flows', async () => {
    const xml = `<bpmn:definitions ${NS} id="D"><bpmn:collaboration id="C">
      <bpmn:participant id="A" name="Bagian Organisasi"/><bpmn:participant id="B" name="Dinas Kesehatan"/>
      <bpmn:messageFlow id="M" name="Surat Permohonan Pelibatan" sourceRef="A" targetRef="B"/></bpmn:collaboration></bpmn:definitions>`;
    expect(await kindOf(xml)).toEqual({ kind: 'relasi', inferred: true });
  });

  it('reads a kind for every file of the MIWG corpus without a crash', async () => {
    for (const file of miwgFiles()) {
      const reading = await kindOf(readText(file));
      expect(reading.inferred, file).toBe(true);
    }
  });
});
