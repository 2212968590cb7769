// mk/cross-unit-request: involving another unit's Pejabat Fungsional or Pelaksana takes a surat permohonan pelibatan,
// sent and received by the officials the scope calls for (GMS Ps 14(3) huruf a, 14(4) huruf a–b; BDG Lampiran I
// BAB II B.2 huruf a angka 2–3) — docs/rules/mk/cross-unit-request.md.
import type { ModdleElement } from 'bpmn-moddle';
import type { RuleFactory } from 'bpmnlint/lib/types';
import { flowContent } from '../../map-model/flow-content';
import { isKnownPerformer, isStaffPerformer, isStructuralPerformer } from '../../map-model/kamus-jabatan';
import type { LetterFacts, LetterKind } from '../../map-model/letters';
import type { LaneFacts, MapModel, Placement } from '../../map-model/map-model';
import { endsOf, SCOPE_LABELS, scopeOf, scopeRank, type Scope, type ScopeReading } from '../../map-model/scope';
import { mapModelOf, isRoleMap } from '../map-model-of';

type Model = ReturnType<typeof mapModelOf>;

/** Letters whose hand-offs are not work given to staff: requests, answers, reports, voluntary applications. */
const NOT_WORK: readonly LetterKind[] = ['permohonan-pelibatan', 'jawaban-permohonan', 'laporan', 'pengajuan-sukarela'];

const isPimpinanUnit = (lane: LaneFacts) => lane.role === 'PIMPINAN_UNIT' || lane.role === 'PEMILIK_KINERJA';
const isPejabatBerwenang = (lane: LaneFacts) => lane.role === 'PEJABAT_BERWENANG' || lane.jabatan === 'KEPALA_DAERAH';
const isHeadOfPerangkatDaerah = (lane: LaneFacts) => lane.level === 1 || lane.jabatan === 'JPT';
/** Any structural official may be the Penilai Kinerja of the staff below (ROLES.md §2–3), a Ketua Tim may not. */
const isPenilaiKinerja = (lane: LaneFacts) => lane.role === 'PENILAI_KINERJA' || (isStructuralPerformer(lane) && !isStaffPerformer(lane));

interface Party {
  test: (lane: LaneFacts) => boolean;
  label: string;
}

/** Who sends and who receives a request of each scope; `first leg` is the request to one's own Pejabat yang Berwenang. */
const PARTIES: Record<Exclude<Scope, 'dalam-unit'> | 'first-leg', { sender: Party; receiver: Party }> = {
  'lintas-unit': {
    sender: { test: isPimpinanUnit, label: 'Pimpinan Unit Organisasi pemilik kinerja' },
    receiver: { test: isPenilaiKinerja, label: 'Pejabat Penilai Kinerja tempat Pejabat Fungsional atau Pelaksana berada' },
  },
  'lintas-pd': {
    sender: { test: isHeadOfPerangkatDaerah, label: 'Kepala Perangkat Daerah pemilik kinerja' },
    receiver: { test: isHeadOfPerangkatDaerah, label: 'Kepala Perangkat Daerah yang dituju' },
  },
  'lintas-instansi': {
    sender: { test: isPejabatBerwenang, label: 'Pejabat yang Berwenang instansi pemohon' },
    receiver: { test: isPejabatBerwenang, label: 'Pejabat yang Berwenang instansi yang dituju' },
  },
  'first-leg': {
    sender: { test: isPimpinanUnit, label: 'Pimpinan Unit Organisasi pemilik kinerja' },
    receiver: { test: isPejabatBerwenang, label: 'Pejabat yang Berwenang' },
  },
};

const laneAt = (model: MapModel, place: Placement) => (place.lane ? model.lane(place.lane) : undefined);
const placesOf = (model: MapModel, ids: string[]) => ids.map((id) => model.placement(id)).filter((place) => place.unit !== undefined);

/** Checks the sender and receiver of one request; the message names the wrong lanes, or is undefined when they fit. */
function wrongParties(model: Model, letter: LetterFacts): { message: string; inferred: boolean; case: string } | undefined {
  const from = placesOf(model, letter.senders)[0];
  const to = placesOf(model, letter.receivers)[0];
  if (!from || !to) return undefined;
  const reading = scopeOf(model, from, to);
  if (!reading || reading.scope === 'dalam-unit') return undefined;
  const sender = laneAt(model, from);
  const receiver = laneAt(model, to);
  const firstLeg = reading.scope !== 'lintas-instansi' && receiver !== undefined && isPejabatBerwenang(receiver);
  const parties = PARTIES[firstLeg ? 'first-leg' : reading.scope];
  const faults: string[] = [];
  if (sender && isKnownPerformer(sender) && !parties.sender.test(sender)) faults.push(`pengirimnya ${parties.sender.label}`);
  if (receiver && isKnownPerformer(receiver) && !parties.receiver.test(receiver)) faults.push(`penerimanya ${parties.receiver.label}`);
  if (faults.length === 0) return undefined;
  const between = [sender ? `dari jalur "${sender.name}"` : '', receiver ? `kepada jalur "${receiver.name}"` : ''].filter(Boolean).join(' ');
  return {
    message: `Surat permohonan pelibatan "${letter.name}" (${SCOPE_LABELS[reading.scope]}) dikirim ${between}; seharusnya ${faults.join(' dan ')}`,
    inferred: letter.inferred || reading.inferred || sender?.inferred === true || receiver?.inferred === true,
    // The case whose articles the finding cites (grounds.ts): the first leg of a lintas instansi request is lintas instansi.
    case: `pihak:${firstLeg ? 'lintas-instansi' : reading.scope}`,
  };
}

interface Involvement {
  /** Element to report: the hand-off or the surat penugasan. */
  element: string;
  from: Placement;
  to: Placement;
  /** The staff lane involved, when the map draws it. */
  staff?: LaneFacts;
  scope: ScopeReading;
  inferred: boolean;
}

/**
 * Staff of a unit other than the one owning the performance, involved by another unit: work handed to them, a surat
 * penugasan given to them across units, or a hand-off into their unit that leads there to an assignment.
 */
function involvements(model: Model, node: ModdleElement): Involvement[] {
  const owner = model.performanceOwner ? model.pool(model.performanceOwner) : undefined;
  // The units owning the performance: the performance owner's, and any unit that requests staff (whichever pool is
  // drawn first when no pool declares sk:performanceOwner).
  const ownerUnits = new Set([
    ...(owner ? [model.placement(owner.id).unit] : []),
    ...model.letters.filter((l) => l.kind === 'permohonan-pelibatan').flatMap((l) => l.senders.map((id) => model.placement(id).unit)),
  ]);
  const found: Involvement[] = [];
  const consider = (element: string, from: Placement, to: Placement, staff: LaneFacts | undefined, inferred: boolean) => {
    if (to.unit === undefined || ownerUnits.has(to.unit)) return;
    const scope = scopeOf(model, from, to);
    if (!scope || scope.scope === 'dalam-unit') return;
    found.push({ element, from, to, ...(staff ? { staff } : {}), scope, inferred: inferred || scope.inferred || staff?.inferred === true });
  };
  const work = model.handOffs.filter(
    (h) => h.crossUnit && !h.report && !h.voluntary && !h.letters.some((kind) => NOT_WORK.includes(kind)),
  );
  for (const handOff of work) {
    const { from, to } = endsOf(handOff);
    const staff = laneAt(model, to);
    if (staff && isStaffPerformer(staff)) consider(handOff.id, from, to, staff, false);
  }
  for (const letter of model.letters) {
    if (letter.kind !== 'penugasan' || letter.type === 'bpmn:MessageFlow') continue;
    const from = placesOf(model, letter.senders)[0];
    for (const to of placesOf(model, letter.receivers)) {
      const staff = laneAt(model, to);
      if (from && staff && isStaffPerformer(staff)) consider(letter.id, from, to, staff, letter.inferred);
    }
  }
  // A hand-off into another unit that leads there, along its sequence flows, to an assignment of that unit's staff.
  const assigners = new Set([
    ...model.activities.filter((a) => a.kinds.includes('penetapan-penugasan')).map((a) => a.id),
    ...model.letters.filter((l) => l.kind === 'penugasan').flatMap((l) => l.senders),
  ]);
  const sequenceNext = new Map<string, string[]>();
  for (const flow of flowContent(node).elements) {
    if (!flow.$instanceOf('bpmn:SequenceFlow')) continue;
    const source = (flow.get('sourceRef') as ModdleElement | undefined)?.id;
    const target = (flow.get('targetRef') as ModdleElement | undefined)?.id;
    if (source && target) sequenceNext.set(source, [...(sequenceNext.get(source) ?? []), target]);
  }
  for (const handOff of work) {
    const { from, to } = endsOf(handOff);
    if (found.some((i) => i.element === handOff.id)) continue;
    const seen = new Set<string>();
    const queue = [handOff.target];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const place = model.placement(id);
      const lane = laneAt(model, place);
      if (assigners.has(id) && place.unit === to.unit && !(lane && isStaffPerformer(lane))) {
        consider(handOff.id, from, to, undefined, model.activities.find((a) => a.id === id)?.kindsInferred === true);
        break;
      }
      queue.push(...(sequenceNext.get(id) ?? []));
    }
  }
  return found;
}

/** Whether some request reaches the side where the involved staff sit: nearer to them than the work's origin. */
function covered(model: Model, involvement: Involvement, requestPlaces: Placement[]): boolean {
  return requestPlaces.some((place) => {
    if (place.pool !== undefined && place.pool === involvement.to.pool && place.lane === undefined) return true;
    const reading = scopeOf(model, place, involvement.to);
    return reading !== undefined && scopeRank(reading.scope) < scopeRank(involvement.scope.scope);
  });
}

const crossUnitRequest: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    const requests = model.letters.filter((letter) => letter.kind === 'permohonan-pelibatan');
    for (const letter of requests) {
      const fault = wrongParties(model, letter);
      if (fault) reporter.report(letter.id, fault.message, { inferred: fault.inferred, case: fault.case });
    }
    const requestPlaces = [
      ...requests.flatMap((letter) => placesOf(model, letter.receivers)),
      ...model.handOffs.filter((h) => h.letters.includes('permohonan-pelibatan')).map((h) => endsOf(h).to),
    ];
    const reportedUnits = new Set<string>();
    for (const involvement of involvements(model, node)) {
      const unit = involvement.to.unit ?? '';
      if (reportedUnits.has(unit) || covered(model, involvement, requestPlaces)) continue;
      reportedUnits.add(unit);
      const scope = involvement.scope.scope as Exclude<Scope, 'dalam-unit'>;
      reporter.report(
        involvement.element,
        `${involvement.staff ? `Pejabat Fungsional/Pelaksana pada jalur "${involvement.staff.name}" (${unit})` : `Pejabat Fungsional/Pelaksana dari ${unit}`} ` +
          `dilibatkan ${SCOPE_LABELS[scope]} tanpa surat ` +
          `permohonan pelibatan; pelibatan dimohon dengan surat dari ${PARTIES[scope].sender.label} kepada ${PARTIES[scope].receiver.label}`,
        { inferred: involvement.inferred, case: scope },
      );
    }
  },
});

export default crossUnitRequest;
