// sop/activity-verb: an activity's name is an active verb without a subject — "Menerima surat masuk", not "Surat
// diterima oleh Kasubag" nor "Kasubag menerima surat" (PermenPANRB 35/2012, SOP AP; SOP-FORMAT.md §2) —
// docs/rules/sop/activity-verb.md. Role maps only; a map whose names show no Indonesian is not judged.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { isRoleMap, mapModelOf } from '../map-model-of';
import { looksIndonesian, readActivityName } from './activity-name';
import { sopActivities } from './sop-activities';

const EXAMPLE = 'tulis sebagai kata kerja aktif tanpa subjek, mis. "Menerima surat masuk"';

const activityVerb: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    if (!isRoleMap(mapModelOf(node))) return;
    const activities = sopActivities(node).filter((a) => a.name !== '');
    if (!activities.some((a) => looksIndonesian(a.name))) return;
    for (const activity of activities) {
      const verdict = readActivityName(activity.name);
      const name = `Nama kegiatan "${activity.name}"`;
      if (verdict.kind === 'passive') reporter.report(activity.id, `${name} berbentuk kalimat pasif; ${EXAMPLE}`);
      else if (verdict.kind === 'performer-first')
        reporter.report(activity.id, `${name} diawali pelaksananya ("${verdict.performer}"); pelaksana ditunjukkan oleh jalurnya, ${EXAMPLE}`);
      else if (verdict.kind === 'not-a-verb') reporter.report(activity.id, `${name} tidak diawali kata kerja aktif; ${EXAMPLE}`);
    }
  },
});

export default activityVerb;
