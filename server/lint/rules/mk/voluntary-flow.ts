// mk/voluntary-flow: the steps of a voluntary application (pengajuan sukarela). Within a unit the JF/Pelaksana states
// the wish to the Pimpinan Unit Organisasi, who approves and assigns; across units the letter goes to the target
// Pimpinan Unit Organisasi and the applicant's own Pejabat Penilai Kinerja issues the surat penugasan
// (GMS Ps 15(2)–(3); BDG Lampiran I BAB II B.2 huruf b; DPS Lampiran, "pengajuan sukarela kepada Pimpinan Unit
// Organisasi") — docs/rules/mk/voluntary-flow.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { voluntaryRoutes, type VoluntaryRoute } from '../../map-model/hand-offs';
import type { LaneFacts, MapModel } from '../../map-model/map-model';
import { scopeOf, type ScopeReading } from '../../map-model/scope';
import { isRoleMap, mapModelOf } from '../map-model-of';
import { normaliseUnit } from '../../map-model/unit-name';

interface Options {
  /** Check the cross-unit steps (GMS Ps 15(3), BDG B.2 huruf b angka 2); off where the text describes only the recipient (DPS). */
  crossUnit?: boolean;
}

/** Someone who may receive an application or issue an assignment: a unit leader, a Penilai Kinerja, or a structural official. */
const isLeader = (lane: LaneFacts) =>
  lane.role === 'PIMPINAN_UNIT' ||
  lane.role === 'PENILAI_KINERJA' ||
  lane.role === 'PEMILIK_KINERJA' ||
  lane.level !== undefined ||
  (lane.jabatan !== undefined && ['KEPALA_DAERAH', 'JPT', 'ADMINISTRATOR', 'PENGAWAS'].includes(lane.jabatan));

/** Says something about who the lane is. */
const known = (lane: LaneFacts) => lane.role !== undefined || lane.jabatan !== undefined || lane.level !== undefined || lane.jabatanChoices !== undefined;


interface Application {
  element: string;
  inferred: boolean;
  applicant: LaneFacts;
  /** `otherUnit`: the two ends' units differ (lintas unit at least; `scope` says whether further, when it can tell). */
  routes: { route: VoluntaryRoute; to: LaneFacts | undefined; scope: ScopeReading | undefined; otherUnit: boolean; toUnit?: string }[];
}

/** The applications made from a JF/Pelaksana lane (not a leader answering), grouped by the element that carries them. */
function applications(model: MapModel): Application[] {
  const byElement = new Map<string, Application>();
  for (const route of voluntaryRoutes(model.letters, model.handOffs)) {
    const from = model.placement(route.source);
    const to = model.placement(route.target);
    const applicant = from.lane ? model.lane(from.lane) : undefined;
    if (!applicant || !known(applicant) || isLeader(applicant) || from.lane === to.lane) continue;
    const application = byElement.get(route.element) ?? { element: route.element, inferred: route.inferred, applicant, routes: [] };
    const otherUnit = from.unit !== undefined && to.unit !== undefined && normaliseUnit(from.unit) !== normaliseUnit(to.unit);
    application.routes.push({ route, to: to.lane ? model.lane(to.lane) : undefined, scope: scopeOf(model, from, to), otherUnit, ...(to.unit ? { toUnit: to.unit } : {}) });
    byElement.set(route.element, application);
  }
  return [...byElement.values()];
}

const voluntaryFlow: RuleFactory = (options?: Options) => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    const crossUnit: { element: string; unit: string; applicant: LaneFacts; inferred: boolean }[] = [];
    for (const application of applications(model)) {
      const inScope = application.routes.filter((r) => r.scope?.scope !== 'lintas-pd' && r.scope?.scope !== 'lintas-instansi');
      if (inScope.length === 0) continue;
      const across = inScope.find((r) => r.otherUnit);
      if (across?.toUnit) crossUnit.push({ element: application.element, unit: across.toUnit, applicant: application.applicant, inferred: application.inferred || (across.scope?.inferred ?? false) });
      // Copies (tembusan) may go elsewhere: the application is right when one receiver leads a unit.
      const receivers = inScope.flatMap((r) => (r.to && known(r.to) ? [r.to] : []));
      if (receivers.length === 0 || receivers.some(isLeader)) continue;
      const to = receivers[0]!;
      reporter.report(
        application.element,
        `Pengajuan sukarela dari jalur "${application.applicant.name}" disampaikan kepada "${to.name}"; ` +
          `pengajuan sukarela disampaikan kepada Pimpinan Unit Organisasi${across ? ' yang dituju' : ''}`,
        { inferred: application.inferred || application.applicant.inferred || to.inferred, case: across ? 'lintas-unit' : 'dalam-unit' },
      );
    }
    if (options?.crossUnit === false || crossUnit.length === 0) return;
    // Across units the applicant's own Pejabat Penilai Kinerja issues the surat penugasan, not the unit applied to.
    // Where a penugasan is set or written: activities of that kind, and the senders of surat penugasan (once per sender).
    const setting = model.activities.filter((a) => a.kinds.includes('penetapan-penugasan')).map((a) => ({ element: a.id, name: a.name, at: a.id, inferred: a.kindsInferred }));
    const writing = model.letters
      .filter((letter) => letter.kind === 'penugasan')
      .flatMap((letter) => letter.senders.map((sender) => ({ element: letter.id, name: letter.name, at: sender, inferred: letter.inferred })));
    const issuers = [...setting, ...writing.filter((w, i) => !setting.some((s) => s.at === w.at) && writing.findIndex((o) => o.at === w.at) === i)];
    for (const { element, unit, applicant, inferred } of crossUnit) {
      const lanes = issuers.flatMap((issuer) => {
        const laneId = model.placement(issuer.at).lane;
        const lane = laneId ? model.lane(laneId) : undefined;
        // The applicant's own lane receives the penugasan ("Melaksanakan … sesuai surat penugasan"); it does not set it.
        return lane && lane.id !== applicant.id ? [{ ...issuer, lane }] : [];
      });
      const wrong = lanes.filter(({ lane }) => normaliseUnit(lane.unit ?? '') === normaliseUnit(unit) && lane.role !== 'PENILAI_KINERJA');
      for (const issuer of wrong) {
        reporter.report(
          issuer.element,
          `Penugasan "${issuer.name}" atas pengajuan sukarela lintas unit dari jalur "${applicant.name}" diterbitkan di jalur "${issuer.lane.name}" pada unit yang dituju ("${unit}"); ` +
            'setelah Pimpinan Unit Organisasi yang dituju menyetujui, surat penugasan disusun oleh Pejabat Penilai Kinerja pemohon',
          { inferred: inferred || issuer.inferred || issuer.lane.inferred, case: 'lintas-unit' },
        );
      }
      if (lanes.length === 0) {
        reporter.report(
          element,
          `Pengajuan sukarela lintas unit dari jalur "${applicant.name}" kepada "${unit}" tidak diikuti penugasan; ` +
            'setelah Pimpinan Unit Organisasi yang dituju menyetujui, Pejabat Penilai Kinerja pemohon menyusun surat penugasan',
          { inferred, case: 'lintas-unit' },
        );
      }
    }
  },
});

export default voluntaryFlow;
