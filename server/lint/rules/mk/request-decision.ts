// mk/request-decision: whoever receives a surat permohonan pelibatan decides on it — approval leads to a surat
// penugasan, refusal answers the requester with the reasons (GMS Ps 14(3) huruf b, c, e; BDG Lampiran I BAB II B.2
// huruf a angka 2 huruf b–c) — docs/rules/mk/request-decision.md.
import type { ModdleElement } from 'bpmn-moddle';
import type { RuleFactory } from 'bpmnlint/lib/types';
import { outputLettersOf, type LetterFacts, type LetterKind } from '../../map-model/letters';
import type { MapModel, Placement } from '../../map-model/map-model';
import { isNo, isYes } from '../answers';
import { describeDecision } from '../../../bpmn/element-label';
import { flowGraphOf } from '../flow-graph';
import { isStaffPerformer } from '../../map-model/kamus-jabatan';
import { isRoleMap, mapModelOf } from '../map-model-of';
import { letterScope } from '../case-of';

const idOf = (value: unknown) => (value as ModdleElement | undefined)?.id;

/** Elements reachable from `from` (itself included) over `next`, never entering `avoid`. */
function reachable(next: ReadonlyMap<string, readonly string[]>, from: string, avoid?: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id) || id === avoid) continue;
    seen.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return seen;
}

/** The elements that send a letter of `kind`, each with the places it reaches (none known: empty). */
function sendersOf(model: MapModel, kind: LetterKind, outputs: ReturnType<typeof outputLettersOf>): Map<string, Placement[]> {
  const senders = new Map<string, Placement[]>();
  const add = (id: string, to: Placement[]) => senders.set(id, [...(senders.get(id) ?? []), ...to]);
  for (const letter of model.letters) {
    if (letter.kind !== kind) continue;
    for (const id of letter.senders) add(id, letter.receivers.map((r) => model.placement(r)));
  }
  for (const handOff of model.handOffs) if (handOff.letters.includes(kind)) add(handOff.source, [model.placement(handOff.target)]);
  // A letter named only as an activity's output goes where the activity's hand-offs go.
  for (const output of outputs) {
    if (output.kind !== kind) continue;
    add(output.activity, model.handOffs.filter((h) => h.source === output.activity).map((h) => model.placement(h.target)));
  }
  return senders;
}

interface Decision {
  gateway: ModdleElement;
  approves: boolean;
  refuses: boolean;
}

const requestDecision: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    const requests = model.letters.filter((letter) => letter.kind === 'permohonan-pelibatan');
    if (requests.length === 0) return;
    const { next, sequenceNext, byId } = flowGraphOf(node);
    const outputs = outputLettersOf(node);
    const assignmentLetters = sendersOf(model, 'penugasan', outputs);
    const answers = sendersOf(model, 'jawaban-permohonan', outputs);
    const assigners = new Set([...model.activities.filter((a) => a.kinds.includes('penetapan-penugasan')).map((a) => a.id), ...assignmentLetters.keys()]);
    const reported = new Set<string>();

    const decide = (gateway: ModdleElement, requester: Placement[]): Decision => {
      const exits = ((gateway.get('outgoing') as ModdleElement[] | undefined) ?? []).map((flow) => ({ name: flow.name, target: idOf(flow.get('targetRef')) }));
      const reach = (exit: { target: string | undefined }) => (exit.target ? reachable(next, exit.target, gateway.id) : new Set<string>());
      const onRequesterSide = (place: Placement) =>
        requester.some((r) => (r.pool !== undefined && r.pool === place.pool) || (r.unit !== undefined && r.unit === place.unit));
      // The approval reaches a surat penugasan, or the staff it involves: whether they receive it in writing is then
      // mk/assignment-letter's to check (approving is the assignment decision, GMS Ps 14(3) huruf c–d).
      const involvesStaff = (id: string) => {
        const lane = model.laneOf(id);
        return lane !== undefined && isStaffPerformer(lane) && !onRequesterSide(model.placement(id));
      };
      return {
        gateway,
        approves: exits.filter((exit) => isYes(exit.name)).some((exit) => [...reach(exit)].some((id) => assigners.has(id) || involvesStaff(id))),
        refuses: exits
          .filter((exit) => isNo(exit.name))
          .some((exit) => [...reach(exit)].some((id) => (answers.get(id) ?? []).some(onRequesterSide))),
      };
    };

    // A request drawn both as a data object and as the message flow its writer sends is judged once, at the flow.
    const drawnTwice = (letter: LetterFacts) =>
      letter.type !== 'bpmn:MessageFlow' &&
      requests.some((other) => other.type === 'bpmn:MessageFlow' && other.senders.some((id) => letter.senders.includes(id)));
    for (const letter of requests) {
      if (drawnTwice(letter)) continue;
      const receivers = letter.receivers.filter((id) => byId.get(id)?.$instanceOf('bpmn:FlowNode'));
      // A request to a pool drawn as a black box: the receiving side is not modelled in this map.
      if (receivers.length === 0) continue;
      const requester = letter.senders.map((id) => model.placement(id));
      const decisions = receivers
        .flatMap((id) => [...reachable(sequenceNext, id)])
        .map((id) => byId.get(id))
        .filter((e): e is ModdleElement => e?.$instanceOf('bpmn:ExclusiveGateway') === true)
        .filter((g) => ((g.get('outgoing') as ModdleElement[] | undefined) ?? []).some((flow) => isYes(flow.name) || isNo(flow.name)))
        .map((g) => decide(g, requester));
      if (decisions.some((d) => d.approves && d.refuses)) continue;
      const inferred = letter.inferred || receivers.some((id) => model.laneOf(id)?.inferred === true);
      const nearest = decisions[0];
      if (!nearest) {
        reporter.report(
          letter.id,
          `Surat permohonan pelibatan "${letter.name}" tidak diputuskan oleh penerimanya: tidak ada keputusan yang menyetujui ` +
            'dengan surat penugasan atau menolak dengan surat jawaban beserta alasannya kepada pemohon',
          { inferred, case: letterScope(model, letter) },
        );
        continue;
      }
      if (reported.has(nearest.gateway.id!)) continue;
      reported.add(nearest.gateway.id!);
      const missing = [
        ...(nearest.approves ? [] : ['jalan keluar persetujuan ("Ya"/"Setuju") yang berujung pada surat penugasan']),
        ...(nearest.refuses ? [] : ['jalan keluar penolakan ("Tidak") yang menjawab pemohon dengan surat jawaban permohonan beserta alasannya']),
      ];
      reporter.report(
        nearest.gateway.id!,
        `Keputusan ${describeDecision(nearest.gateway)} atas surat permohonan pelibatan "${letter.name}" tidak memiliki ${missing.join(' dan ')}`,
        { inferred: inferred || isInferredAnswerLetter(model.letters), case: letterScope(model, letter) },
      );
    }
  },
});

/** Whether the answers or assignment letters the decision was judged by came from names. */
const isInferredAnswerLetter = (letters: LetterFacts[]) =>
  letters.some((l) => (l.kind === 'jawaban-permohonan' || l.kind === 'penugasan') && l.inferred);

export default requestDecision;
