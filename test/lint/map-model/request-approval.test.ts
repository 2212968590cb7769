// request-approval.ts: approving the involvement requested is deciding the assignment (GMS Ps 12(6), 14(3) huruf c–d),
// read by the map model as an activity of kind penetapan-penugasan.
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../server/bpmn/moddle';
import { readMap } from '../../../server/lint/map-model/map-model';

/** A request for involvement (`requestName`) received by T_Terima, followed there by `after`; an unrelated task T_Lain. */
const map = (requestName: string, after: string, attrs = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="t">
  <bpmn:collaboration id="C">
    <bpmn:participant id="P_A" name="Bidang A" processRef="Proc_A" />
    <bpmn:participant id="P_B" name="Bidang B" processRef="Proc_B" />
    <bpmn:messageFlow id="M" name="${requestName}" sourceRef="T_Kirim" targetRef="T_Terima" />
  </bpmn:collaboration>
  <bpmn:process id="Proc_A"><bpmn:task id="T_Kirim" name="Mengirim surat" /><bpmn:task id="T_Lain" name="Menyetujui permohonan" /></bpmn:process>
  <bpmn:process id="Proc_B">
    <bpmn:task id="T_Terima" name="Menerima surat" />
    <bpmn:task id="T_Setuju" name="${after}" ${attrs} />
    <bpmn:sequenceFlow id="F" sourceRef="T_Terima" targetRef="T_Setuju" />
  </bpmn:process>
</bpmn:definitions>`;

const kindsOf = async (xml: string, id: string) => readMap((await parseBpmn(xml)).definitions).activities.find((a) => a.id === id);

describe('approvals of a request for involvement', () => {
  it('reads "Menyetujui permohonan" after a surat permohonan pelibatan arrives as the assignment decision, inferred', async () => {
    expect(await kindsOf(map('Surat Permohonan Pelibatan', 'Menyetujui permohonan'), 'T_Setuju')).toMatchObject({ kinds: ['penetapan-penugasan'], kindsInferred: true });
    // Not where no request arrives before it.
    expect(await kindsOf(map('Surat Permohonan Pelibatan', 'Menyetujui permohonan'), 'T_Lain')).toMatchObject({ kinds: [] });
    expect(await kindsOf(map('Surat biasa', 'Menyetujui permohonan'), 'T_Setuju')).toMatchObject({ kinds: [] });
  });

  it('reads an activity naming the approval of an involvement as the assignment decision anywhere', async () => {
    expect(await kindsOf(map('Surat biasa', 'Menyetujui permohonan pelibatan pejabat fungsional'), 'T_Setuju')).toMatchObject({ kinds: ['penetapan-penugasan'] });
  });

  it('does not read the approval of an answer, and keeps a declared sk:activityKind', async () => {
    expect(await kindsOf(map('Surat Permohonan Pelibatan', 'Menyetujui surat jawaban permohonan'), 'T_Setuju')).toMatchObject({ kinds: [] });
    expect(await kindsOf(map('Surat Permohonan Pelibatan', 'Menyetujui permohonan', 'sk:activityKind="reviu"'), 'T_Setuju')).toMatchObject({ kinds: ['reviu'], kindsInferred: false });
  });
});
