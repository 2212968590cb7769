// mk/assignment-letter: every assignment ends with the Pejabat Fungsional or Pelaksana receiving a surat penugasan or
// written proof of assignment, on paper or electronic (GMS Ps 12(6), 14(3) huruf d, 15(2) huruf c; BDG Lampiran I
// BAB II B.2; DPS Lampiran A.3) — docs/rules/mk/assignment-letter.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { describeDecision } from '../../../bpmn/element-label';
import { isStaffPerformer } from '../../map-model/kamus-jabatan';
import { namesLetter, outputLettersOf } from '../../map-model/letters';
import type { LaneFacts } from '../../map-model/map-model';
import { firstActivities, flowGraphOf } from '../flow-graph';
import { isRoleMap, mapModelOf } from '../map-model-of';
import { requestDecisionsOf } from '../request-decisions';

/** What is known of the written proof an assignment step gives. */
interface Proof {
  /** Some surat penugasan (letter, carried letter or named output) leaves the step. */
  written: boolean;
  /** Lanes the step's surat penugasan is explicitly delivered to. */
  deliveredTo: LaneFacts[];
  inferred: boolean;
}

const assignmentLetter: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    const { next } = flowGraphOf(node);
    const activityIds = new Set(model.activities.map((a) => a.id));
    const activityById = new Map<string, (typeof model.activities)[number]>();
    for (const activity of model.activities) if (!activityById.has(activity.id)) activityById.set(activity.id, activity);
    const laneOfElement = (id: string) => {
      const lane = model.placement(id).lane;
      return lane ? model.lane(lane) : undefined;
    };
    const isStaff = (lane: LaneFacts | undefined) => lane !== undefined && isStaffPerformer(lane);

    const proofs = new Map<string, Proof>();
    const proofOf = (id: string): Proof => {
      let proof = proofs.get(id);
      if (!proof) {
        proof = { written: false, deliveredTo: [], inferred: false };
        proofs.set(id, proof);
      }
      return proof;
    };
    for (const letter of model.letters) {
      if (letter.kind !== 'penugasan') continue;
      for (const sender of letter.senders) {
        const proof = proofOf(sender);
        proof.written = true;
        proof.inferred ||= letter.inferred;
        proof.deliveredTo.push(...letter.receivers.flatMap((r) => laneOfElement(r) ?? []));
      }
    }
    for (const handOff of model.handOffs) {
      if (!handOff.letters.includes('penugasan')) continue;
      const proof = proofOf(handOff.source);
      proof.written = true;
      const lane = handOff.toLane ? model.lane(handOff.toLane) : undefined;
      if (lane) proof.deliveredTo.push(lane);
    }
    for (const output of outputLettersOf(node)) {
      if (output.kind !== 'penugasan') continue;
      const proof = proofOf(output.activity);
      proof.written = true;
      proof.inferred ||= output.inferred;
    }

    // Assignment steps: activities that set an assignment, and every sender of a surat penugasan, outside staff lanes
    // (a JF/Pelaksana lane receives assignments; mk/assignment-authority reports one that sets them).
    const steps = [...new Set([...model.activities.filter((a) => a.kinds.includes('penetapan-penugasan')).map((a) => a.id), ...proofs.keys()])].filter(
      (id) => activityIds.has(id) && laneOfElement(id) !== undefined && !isStaff(laneOfElement(id)),
    );
    const isStep = new Set(steps);
    const following = (id: string) => (next.get(id) ?? []).flatMap((target) => firstActivities(next, target, (a) => activityIds.has(a)));
    /** A staff lane receiving a surat penugasan by name ("Menerima surat penugasan", "Menerima surat jawaban dan surat tugas"). */
    const receivesByName = (id: string) => isStaff(laneOfElement(id)) && namesLetter(activityById.get(id)?.name ?? '', 'penugasan');

    /**
     * Whether a step's assignment reaches the JF/Pelaksana in writing: its surat penugasan is delivered to a
     * JF/Pelaksana lane; or, following sequence and message flows past the activities of other lanes that carry the
     * assignment on (the Pimpinan Perangkat Daerah's instruction to the Penilai Kinerja, the Surat Jawaban to the
     * requester, the requester's surat penugasan: BDG Lampiran I BAB II B.2 huruf a angka 3), a JF/Pelaksana is
     * reached who receives a surat penugasan by name, or to whom the step's own written but undelivered letter goes,
     * or another assignment step that passes (drafting, then signing and sending). A path on which the JF/Pelaksana
     * is reached without either fails.
     */
    const verdicts = new Map<string, boolean>();
    const reachesStaff = (id: string): boolean => {
      const known = verdicts.get(id);
      if (known !== undefined) return known;
      verdicts.set(id, false); // cycle guard
      const proof = proofs.get(id);
      const carriesOwnLetter = proof?.written === true && proof.deliveredTo.length === 0;
      let ok = proof?.deliveredTo.some(isStaff) ?? false;
      const seen = new Set([id]);
      const queue = following(id);
      while (!ok && queue.length > 0) {
        const activity = queue.shift()!;
        if (seen.has(activity)) continue;
        seen.add(activity);
        if (isStaff(laneOfElement(activity))) ok = receivesByName(activity) || carriesOwnLetter;
        else if (isStep.has(activity)) ok = reachesStaff(activity);
        else queue.push(...following(activity));
      }
      verdicts.set(id, ok);
      return ok;
    };

    // A decision approving a request for involvement is the assignment decision too (GMS Ps 14(3) huruf c–d): its yes
    // exit leading to a JF/Pelaksana at work, with no assignment step nor written assignment on the way, is reported
    // here. A yes exit through an assignment step leaves the verdict to that step.
    for (const { gateway, approvals } of requestDecisionsOf(node, model).values()) {
      const lane = laneOfElement(gateway.id!);
      if (!lane || isStaff(lane)) continue;
      let bareStaff = false;
      let decided = false;
      const seen = new Set<string>();
      const queue = approvals.flatMap((target) => firstActivities(next, target, (a) => activityIds.has(a)));
      while (!decided && queue.length > 0) {
        const activity = queue.shift()!;
        if (seen.has(activity)) continue;
        seen.add(activity);
        if (isStaff(laneOfElement(activity))) {
          if (receivesByName(activity)) decided = true;
          else bareStaff = true;
        } else if (isStep.has(activity)) decided = true;
        else queue.push(...following(activity));
      }
      if (decided || !bareStaff) continue;
      reporter.report(
        gateway.id!,
        `Persetujuan permohonan pelibatan pada keputusan ${describeDecision(gateway)} (jalur "${lane.name}") tidak berujung pada ` +
          'Pejabat Fungsional/Pelaksana yang menerima surat penugasan atau bukti penugasan tertulis (fisik atau elektronik); menyetujui pelibatan berarti menetapkan penugasan',
        { inferred: lane.inferred || model.letters.some((l) => l.kind === 'permohonan-pelibatan' && l.inferred) },
      );
    }

    for (const id of steps) {
      if (reachesStaff(id)) continue;
      const activity = activityById.get(id);
      const lane = laneOfElement(id);
      const proof = proofs.get(id);
      const inferred = (activity?.kindsInferred ?? false) || (lane?.inferred ?? false) || (proof?.inferred ?? false);
      const wrongReceivers = proof?.deliveredTo.filter((l) => !isStaff(l)) ?? [];
      reporter.report(
        id,
        wrongReceivers.length > 0 && proof?.deliveredTo.length === wrongReceivers.length
          ? `Surat penugasan dari "${activity?.name ?? id}" diterima jalur ${[...new Set(wrongReceivers.map((l) => `"${l.name}"`))].join(', ')}, ` +
              'bukan oleh Pejabat Fungsional/Pelaksana yang ditugaskan'
          : `Penugasan "${activity?.name ?? id}" pada jalur "${lane?.name ?? ''}" tidak berujung pada Pejabat Fungsional/Pelaksana yang ` +
              'menerima surat penugasan atau bukti penugasan tertulis (fisik atau elektronik)',
        { inferred },
      );
    }
  },
});

export default assignmentLetter;
