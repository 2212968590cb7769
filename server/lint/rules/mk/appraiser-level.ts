// mk/appraiser-level: the Pejabat Penilai Kinerja is at least a Pejabat Pengawas, or a fungsional leading a unit
// (JBR Ps 1 angka 22; KLK Ps 1 angka 17; BDG Ps 1 angka 12; GMS Ps 1 angka 16; DPS Ps 1 angka 19) —
// docs/rules/mk/appraiser-level.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { hasRole } from '../../map-model/map-model';
import { mapModelOf } from '../map-model-of';

const STRUCTURAL = ['KEPALA_DAERAH', 'JPT', 'ADMINISTRATOR', 'PENGAWAS'];

const appraiserLevel: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    for (const lane of mapModelOf(node).lanes) {
      // One lane can hold several roles (sk:role="PIMPINAN_UNIT PENILAI_KINERJA"): any of them may be the Penilai Kinerja.
      if (!hasRole(lane, 'PENILAI_KINERJA') || !lane.jabatan) continue;
      // A fungsional appointed to lead a unit kerja mandiri (a puskesmas, a school) is its Level 1 (ROLES.md §3).
      const leadsUnit = lane.jabatan === 'FUNGSIONAL' && lane.level === 1;
      if (STRUCTURAL.includes(lane.jabatan) || leadsUnit) continue;
      reporter.report(
        lane.id,
        `Pejabat Penilai Kinerja pada jalur "${lane.name}" adalah ${lane.jabatan === 'PELAKSANA' ? 'Pelaksana' : 'Pejabat Fungsional'}; ` +
          'penilai kinerja paling rendah Pejabat Pengawas, pejabat fungsional yang memimpin unit, atau pejabat yang diberi pendelegasian',
        { inferred: lane.inferred },
      );
    }
  },
});

export default appraiserLevel;
