// mk/monitoring: the execution stage holds monitoring of progress and feedback by Level 2 and/or the Ketua Tim
// (GMS Ps 8 huruf b angka 2; BDG Lampiran I BAB II A.2 huruf b), or by whom the profile's lampiran names for the
// organisation type (DPS Lampiran B.3 huruf c angka (1), B.4 huruf b angka (5), B.5 huruf b angka (5), B.6 huruf b
// angka (5)) — docs/rules/mk/monitoring.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import type { OrgType } from '../../map-model/levels';
import { DEFAULT_ORG_TYPE, hasRole, type LaneFacts, type Phase } from '../../map-model/map-model';
import { mapModelOf } from '../map-model-of';

/** Who else monitors in one organisation type, as a lampiran names them. */
interface LampiranMonitors {
  /** The head of the unit (its Level 1 official or Pimpinan Unit Organisasi). */
  head?: boolean;
  /** The Pejabat Fungsional themselves. */
  fungsional?: boolean;
  /** Stages the lampiran places the monitoring in, beside pelaksanaan. */
  stages?: Phase[];
}

/**
 * Perwali Denpasar 69/2023 Lampiran B: B.3 huruf c angka (1) "oleh Kepala Dinas, Sekretaris, Pejabat Fungsional
 * dan/atau ketua tim", listed under the Tahapan evaluasi; B.4 huruf b angka (5) "oleh Camat, Sekretaris Camat, …";
 * B.5 huruf b angka (5) "oleh Pejabat Pengawas (Lurah dan Kepala UPTD) dan/atau ketua tim"; B.6 huruf b angka (5)
 * "oleh Kepala Puskesmas dan Satuan Pendidikan … dan ketua tim".
 */
const LAMPIRAN: Record<'denpasar', Partial<Record<OrgType, LampiranMonitors>>> = {
  denpasar: {
    dpmptsp: { head: true, fungsional: true, stages: ['evaluasi'] },
    brida: { head: true, fungsional: true, stages: ['evaluasi'] },
    kecamatan: { head: true },
    kelurahan: { head: true },
    uptd: { head: true },
    puskesmas: { head: true },
    'satuan-pendidikan': { head: true },
  },
};

const monitoring: RuleFactory = (options?: { lampiran?: 'denpasar' }) => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (model.kind.kind !== 'mekanisme-kerja') return;
    const named = (lane: LaneFacts) => (options?.lampiran ? LAMPIRAN[options.lampiran][lane.orgType ?? DEFAULT_ORG_TYPE] : undefined);
    const monitors = model.activities.filter((activity) => {
      if (!activity.kinds.includes('monitoring')) return false;
      const lane = model.laneOf(activity.id);
      if (!lane) return false;
      const lampiran = named(lane);
      if (activity.phase && activity.phase !== 'pelaksanaan' && !lampiran?.stages?.includes(activity.phase)) return false;
      if (lane.level === 2 || hasRole(lane, 'KETUA_TIM')) return true;
      if (lampiran?.head && (lane.level === 1 || hasRole(lane, 'PIMPINAN_UNIT'))) return true;
      return lampiran?.fungsional === true && (lane.jabatan === 'FUNGSIONAL' || hasRole(lane, 'ANGGOTA_TIM'));
    });
    if (monitors.length > 0) return;
    const target = model.performanceOwner ?? model.pools[0]?.id ?? model.activities[0]?.id;
    if (!target) return;
    reporter.report(
      target,
      'Tahap pelaksanaan belum memuat monitoring perkembangan dan pemberian umpan balik oleh Pejabat Level 2 atau Ketua Tim',
      { inferred: true },
    );
  },
});

export default monitoring;
