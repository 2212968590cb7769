// mk/activity-performer: every activity has a name (the kegiatan) and, in a map that says who does what, lies in
// exactly one lane (its pelaksana) — docs/rules/mk/activity-performer.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { isRoleMap, mapModelOf } from '../map-model-of';
import { describeElementById } from '../../../bpmn/element-label';

const activityPerformer: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    const roleMap = isRoleMap(model);
    for (const activity of model.activities) {
      const name = activity.name.trim();
      if (!name) reporter.report(activity.id, `${describeElementById(node, activity.id)} belum diberi nama`);
      if (!roleMap) continue;
      // A lane nested in another lists the same activity as its parent does: count the innermost lanes only.
      const innermost = activity.laneIds.filter((id) => !activity.laneIds.some((other) => model.lane(other)?.parentLaneId === id));
      const label = name ? `Kegiatan "${name}"` : describeElementById(node, activity.id);
      if (innermost.length === 0) reporter.report(activity.id, `${label} tidak berada di jalur mana pun, sehingga tidak memiliki pelaksana`);
      if (innermost.length > 1) reporter.report(activity.id, `${label} berada di ${innermost.length} jalur; setiap kegiatan memiliki tepat satu pelaksana`);
    }
  },
});

export default activityPerformer;
