// mk/team-lead-origin: in a team whose members come from several units, the Ketua Tim comes from the unit that owns
// the performance (JBR Ps 10(3); KLK Ps 6(3); BDG Ps 7(3); GMS Ps 12(8), 16(4); DPS Ps 9(4), which speaks of teams
// across perangkat daerah or instansi only) — docs/rules/mk/team-lead-origin.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import type { LaneFacts } from '../../map-model/map-model';
import { scopeOf } from '../../map-model/scope';
import { teamScope } from '../case-of';
import { isRoleMap, mapModelOf } from '../map-model-of';
import { normaliseUnit } from '../../map-model/unit-name';

interface Options {
  /** DPS Ps 9(4): the rule holds for teams "yang anggotanya berasal dari lintas Perangkat Daerah dan/atau lintas instansi pemerintah". */
  beyondPerangkatDaerah?: boolean;
}

const placementOf = (lane: LaneFacts) => ({ ...(lane.poolId ? { pool: lane.poolId } : {}), ...(lane.unit ? { unit: lane.unit } : {}) });

const teamLeadOrigin: RuleFactory = (options?: Options) => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    const owner = model.performanceOwner ? model.pool(model.performanceOwner) : undefined;
    if (!owner) return;
    const team = model.lanes.filter((lane) => (lane.role === 'KETUA_TIM' || lane.role === 'ANGGOTA_TIM') && lane.unit !== undefined);
    const units = new Set(team.map((lane) => normaliseUnit(lane.unit ?? '')));
    if (units.size < 2) return;
    let scopeInferred = false;
    if (options?.beyondPerangkatDaerah) {
      const beyond = team.flatMap((a) => team.map((b) => scopeOf(model, placementOf(a), placementOf(b)))).find((s) => s?.scope === 'lintas-pd' || s?.scope === 'lintas-instansi');
      if (!beyond) return;
      scopeInferred = beyond.inferred;
    }
    const where = options?.beyondPerangkatDaerah ? 'lintas perangkat daerah atau instansi' : 'lintas unit';
    for (const lead of team) {
      if (lead.role !== 'KETUA_TIM' || normaliseUnit(lead.unit ?? '') === normaliseUnit(owner.unit)) continue;
      reporter.report(
        lead.id,
        `Ketua Tim pada jalur "${lead.name}" berasal dari "${lead.unit}", padahal anggota tim berasal dari beberapa unit dan kinerja dimiliki oleh "${owner.unit}"; ` +
          `ketua tim ${where} diutamakan berasal dari unit organisasi pemilik kinerja`,
        { inferred: lead.inferred || owner.inferred || scopeInferred, case: teamScope(model, team) },
      );
    }
  },
});

export default teamLeadOrigin;
