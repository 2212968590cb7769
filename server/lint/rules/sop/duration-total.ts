// sop/duration-total (info): the total time of the main path (main-path.ts) in working hours and working days of the
// profile's calendar (calendar.ts; DPS Ps 16–17) — docs/rules/sop/duration-total.md. Role maps with at least one time.
import type { ModdleElement } from 'bpmn-moddle';
import type { RuleFactory } from 'bpmnlint/lib/types';
import { Profile } from '../../../domain/vocabulary';
import { calendarOf, inWorkingTime, toWorkingMinutes, type WorkingCalendar } from '../../calendar';
import type { SopRuleOptions } from '../../lint-context';
import { flowContent } from '../../map-model/flow-content';
import { mutuBakuOf, parseDuration, type MutuBaku } from '../../map-model/mutu-baku';
import { isRoleMap, mapModelOf } from '../map-model-of';
import { innerPath, mainPath } from './main-path';
import { mapTarget } from './map-target';

const decimal = (value: number) => (Math.round(value * 10) / 10).toLocaleString('id-ID', { maximumFractionDigits: 1 });

/** "22 jam kerja (≈ 2,9 hari kerja menurut kalender …)", or minutes under an hour. */
export function describeWorkingTime(minutes: number, calendar: WorkingCalendar): string {
  const { hours, days } = inWorkingTime(minutes, calendar);
  const amount = minutes < 60 ? `${decimal(minutes)} menit kerja` : `${decimal(hours)} jam kerja`;
  return `${amount} (≈ ${decimal(days)} hari kerja menurut ${calendar.label})`;
}

const timerMinutes = (event: ModdleElement, calendar: WorkingCalendar): number | undefined => {
  const timer = ((event.get('eventDefinitions') as ModdleElement[] | undefined) ?? []).find((d) => d.$instanceOf('bpmn:TimerEventDefinition'));
  const body = (timer?.get('timeDuration') as ModdleElement | undefined)?.get('body');
  const duration = typeof body === 'string' ? parseDuration(body) : undefined;
  return duration ? toWorkingMinutes(duration, calendar) : undefined;
};

const durationTotal: RuleFactory = (options?: SopRuleOptions) => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    if (!isRoleMap(mapModelOf(node))) return;
    const mutuBaku = mutuBakuOf(node);
    const timed = (id: string): MutuBaku['waktu'] | undefined => (mutuBaku.get(id)?.waktu?.duration ? mutuBaku.get(id)!.waktu : undefined);
    if (![...mutuBaku.keys()].some((id) => timed(id))) return;
    const calendar = calendarOf(Profile.catch('nasional').parse(options?.profile));
    const elements = flowContent(node).byId;

    const untimed: string[] = [];
    const weight = (id: string): number => {
      const element = elements.get(id);
      if (!element) return 0;
      const waktu = timed(id);
      if (waktu) return toWorkingMinutes(waktu.duration!, calendar);
      if (element.$instanceOf('bpmn:SubProcess')) {
        const inner = innerPath(node, element, weight);
        if (inner && inner.ids.some((i) => elements.get(i)?.$instanceOf('bpmn:Activity'))) return inner.total;
      }
      if (element.$instanceOf('bpmn:Activity')) untimed.push(id);
      if (element.$instanceOf('bpmn:IntermediateCatchEvent')) return timerMinutes(element, calendar) ?? 0;
      return 0;
    };
    const path = mainPath(node, weight);
    const target = mapTarget(node);
    if (!path || !target) return;
    // The weights were taken for every candidate path; count only the untimed activities on the main one.
    const untimedOnPath = path.ids.filter((id) => untimed.includes(id)).length;
    reporter.report(
      target,
      `Total waktu jalur utama: ${describeWorkingTime(path.total, calendar)}` +
        (untimedOnPath > 0 ? `; ${untimedOnPath} kegiatan pada jalur ini belum memiliki waktu dan dihitung 0` : ''),
      { inferred: path.ids.some((id) => timed(id)?.inferred === true) },
    );
  },
});

export default durationTotal;
