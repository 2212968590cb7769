// sop/quality-standard: every activity of a role map has its mutu baku — kelengkapan, waktu and output — and its
// waktu is a duration (PermenPANRB 35/2012, SOP AP mutu baku; SOP-FORMAT.md §2) — docs/rules/sop/quality-standard.md.
// Warning while drafting, error at submission (profiles.ts `atSubmission`).
import type { RuleFactory } from 'bpmnlint/lib/types';
import { MUTU_BAKU_PARTS, mutuBakuOf } from '../../map-model/mutu-baku';
import { isRoleMap, mapModelOf } from '../map-model-of';
import { sopActivities } from './sop-activities';

const qualityStandard: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    if (!isRoleMap(mapModelOf(node))) return;
    const mutuBaku = mutuBakuOf(node);
    for (const activity of sopActivities(node)) {
      const reading = mutuBaku.get(activity.id) ?? {};
      const missing = MUTU_BAKU_PARTS.filter((part) => reading[part] === undefined);
      const inferred = MUTU_BAKU_PARTS.some((part) => reading[part]?.inferred === true);
      const label = activity.name ? `Kegiatan "${activity.name}"` : 'Kegiatan tanpa nama';
      if (missing.length > 0) {
        reporter.report(activity.id, `${label} belum memiliki mutu baku: ${missing.join(', ')} belum diisi`, { inferred });
      } else if (reading.waktu && !reading.waktu.duration) {
        reporter.report(
          activity.id,
          `${label}: waktu "${reading.waktu.text}" tidak terbaca sebagai lama waktu; tulis mis. "30 menit", "2 jam" atau "1 hari"`,
          { inferred },
        );
      }
    }
  },
});

export default qualityStandard;
