// mk/planning-steps: planning holds the performance agreement set by Level 1, the execution strategy by Level 2 and
// the activity and budget plan by the JF/Pelaksana (GMS Ps 8 huruf a; DPS Lampiran B.1.a) —
// docs/rules/mk/planning-steps.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import type { ActivityKind } from '../../map-model/activity-kind';
import type { LaneFacts } from '../../map-model/map-model';
import { mapModelOf } from '../map-model-of';

interface Step {
  kind: ActivityKind;
  label: string;
  by: string;
  performs: (lane: LaneFacts) => boolean;
}

const STEPS: Step[] = [
  { kind: 'perjanjian-kinerja', label: 'perjanjian kinerja', by: 'Pejabat Level 1', performs: (lane) => lane.level === 1 },
  { kind: 'strategi', label: 'strategi pelaksanaan', by: 'Pejabat Level 2', performs: (lane) => lane.level === 2 || lane.role === 'PIMPINAN_UNIT' },
  {
    kind: 'rencana-kegiatan',
    label: 'rencana kegiatan dan anggaran',
    by: 'Pejabat Fungsional atau Pelaksana',
    performs: (lane) =>
      [lane.jabatan, ...(lane.jabatanChoices ?? [])].some((j) => j === 'FUNGSIONAL' || j === 'PELAKSANA') ||
      lane.role === 'KETUA_TIM' ||
      lane.role === 'ANGGOTA_TIM',
  },
];

const planningSteps: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (model.kind.kind !== 'mekanisme-kerja') return;
    const hasLevel2 = model.lanes.some((lane) => lane.level === 2 || lane.role === 'PIMPINAN_UNIT');
    const planning = model.activities.filter((a) => a.phase === undefined || a.phase === 'perencanaan');
    const missing = STEPS.filter((step) => step.kind !== 'strategi' || hasLevel2).filter(
      (step) =>
        !planning.some((a) => {
          const lane = model.laneOf(a.id);
          return a.kinds.includes(step.kind) && lane !== undefined && step.performs(lane);
        }),
    );
    const target = model.performanceOwner ?? model.pools[0]?.id ?? model.activities[0]?.id;
    if (missing.length === 0 || !target) return;
    reporter.report(
      target,
      `Tahap perencanaan belum memuat ${missing.map((s) => `${s.label} oleh ${s.by}`).join('; ')}`,
      { inferred: true },
    );
  },
});

export default planningSteps;
