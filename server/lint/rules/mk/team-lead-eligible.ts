// mk/team-lead-eligible: the Ketua Tim is a Pejabat Fungsional or Pelaksana; under GMS a Pejabat Pengawas too
// (BDG Lampiran I BAB II B.3 huruf c; GMS Ps 16(3), 39; DPS Ps 9(3)) — docs/rules/mk/team-lead-eligible.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import type { JabatanCode } from '../../map-model/kamus-jabatan';
import { hasRole } from '../../map-model/map-model';
import { mapModelOf } from '../map-model-of';

const JABATAN_LABELS: Partial<Record<JabatanCode, string>> = {
  KEPALA_DAERAH: 'Kepala Daerah',
  JPT: 'Pejabat Pimpinan Tinggi',
  ADMINISTRATOR: 'Pejabat Administrator',
  PENGAWAS: 'Pejabat Pengawas',
};

const teamLeadEligible: RuleFactory = (options?: { allowPengawas?: boolean }) => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const allowed: JabatanCode[] = ['FUNGSIONAL', 'PELAKSANA', ...(options?.allowPengawas ? (['PENGAWAS'] as const) : [])];
    for (const lane of mapModelOf(node).lanes) {
      if (!hasRole(lane, 'KETUA_TIM')) continue;
      const jabatan = lane.jabatan ? [lane.jabatan] : (lane.jabatanChoices ?? []);
      if (jabatan.length === 0 || jabatan.some((j) => allowed.includes(j))) continue;
      const who = jabatan.map((j) => JABATAN_LABELS[j] ?? j).join(' atau ');
      reporter.report(
        lane.id,
        `Ketua Tim pada jalur "${lane.name}" adalah ${who}; ketua tim ditunjuk dari Pejabat Fungsional atau Pelaksana` +
          (options?.allowPengawas ? ' (atau Pejabat Pengawas)' : ''),
        { inferred: lane.inferred },
      );
    }
  },
});

export default teamLeadEligible;
