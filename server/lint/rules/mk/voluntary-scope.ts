// mk/voluntary-scope: a voluntary application (pengajuan sukarela) stays within the unit or crosses units of one
// perangkat daerah — never across perangkat daerah or instansi (BDG Lampiran I BAB II B.2 huruf b; GMS Ps 15(1)) —
// docs/rules/mk/voluntary-scope.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { voluntaryRoutes } from '../../map-model/hand-offs';
import { scopeOf, type Scope } from '../../map-model/scope';
import { isRoleMap, mapModelOf } from '../map-model-of';

const CROSSING: Partial<Record<Scope, string>> = { 'lintas-pd': 'lintas perangkat daerah', 'lintas-instansi': 'lintas instansi pemerintah' };

const voluntaryScope: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    const reported = new Set<string>();
    for (const route of voluntaryRoutes(model.letters, model.handOffs)) {
      if (reported.has(route.element)) continue;
      const from = model.placement(route.source);
      const to = model.placement(route.target);
      const reading = scopeOf(model, from, to);
      const crossing = reading ? CROSSING[reading.scope] : undefined;
      if (!reading || !crossing) continue;
      reported.add(route.element);
      reporter.report(
        route.element,
        `Pengajuan sukarela dari "${from.unit}" kepada "${to.unit}" bersifat ${crossing}; ` +
          'pengajuan sukarela hanya dapat dilakukan di dalam unit organisasi atau lintas unit organisasi dalam satu Perangkat Daerah',
        { inferred: route.inferred || reading.inferred },
      );
    }
  },
});

export default voluntaryScope;
