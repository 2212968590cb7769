// Issue 16's aims in one run (`npm run bench -- --only aims`): each speed aim beside its anchor, measured by the bench
// that owns it, one after another on the same machine, then one table — ours, anchor, ratio, aim, met, growth
// exponents and the load average around each bench — followed by every bench's own detailed table.
import { formatCliBench, type CliBenchResult, runCliBench } from './cli';
import { formatFindingsBench, type FindingsResults, runFindingsBench } from './findings-after-edit';
import { formatLintBench, type LintBenchResult, RULES_AIM, runLintBench } from './lint';
import { formatListingBench, LISTING_AIM_MS, type ListingBenchResult, runListingBench } from './listing';
import { formatOpenBench, type OpenResults, runOpenBench } from './modeller-open';
import { growthExponent, median } from './stats';

/** One size of one aim: our time and the anchor's, measured in the same run. */
export interface AimPoint {
  size: number;
  ours: number;
  anchor: number;
  /** ours / anchor, or the bench's own ratio (a median of per-pair ratios) where it has one. */
  ratio: number;
}

export interface AimRow {
  aim: string;
  /** What the sizes count: flow elements, shapes, maps, activities. */
  unit: string;
  anchorName: string;
  points: AimPoint[];
  /** The aim as the issue states it. */
  target: string;
  /** Undefined for a row shown for reference only. */
  met: boolean | undefined;
  load: { start: string; end: string };
  note?: string;
}

const RATIO_AIM = 1.2;
const HELP_AIM_MS = 150;
const FINDINGS_AIM_MS = 300;
const LONG_TASK_AIM_MS = 100;

const point = (size: number, ours: number, anchor: number, ratio = ours / anchor): AimPoint => ({ size, ours, anchor, ratio });

export function rulesAim({ rows, load }: LintBenchResult): AimRow {
  const points = rows.map((r) => point(r.elements, r.parseMs + r.oursMs, r.parseMs + r.recommendedMs));
  return {
    aim: 'rules: parse + ours vs parse + recommended, in process',
    unit: 'el.',
    anchorName: 'parse + bpmnlint recommended',
    points,
    target: `≤ ${RULES_AIM} at 2,000`,
    met: points.at(-1)!.ratio <= RULES_AIM,
    load,
  };
}

export function cliAims(result: CliBenchResult): AimRow[] {
  const load = { start: result.loadStart, end: result.loadEnd };
  const lint = result.lint.map((r) => point(r.size, r.ours.wallMs, r.anchor.wallMs));
  const sop = result.sop.map((r) => point(r.size, r.ours.wallMs, r.anchor.wallMs));
  const { help } = result;
  return [
    {
      aim: 'CLI `lint`, whole process',
      unit: 'el.',
      anchorName: 'bpmnlint CLI',
      points: lint,
      target: `≤ ${RATIO_AIM}× at 2,000`,
      met: lint.at(-1)!.ratio <= RATIO_AIM,
      load,
      note: `CPU ratio at ${result.lint.at(-1)!.size}: ${(result.lint.at(-1)!.ours.cpuMs / result.lint.at(-1)!.anchor.cpuMs).toFixed(2)}`,
    },
    {
      aim: 'CLI `help`, whole process',
      unit: '–',
      anchorName: '`node -e 0`',
      points: [point(0, help.ours.wallMs, help.anchor.wallMs)],
      target: `< ${HELP_AIM_MS} ms`,
      met: help.ours.wallMs < HELP_AIM_MS,
      load,
    },
    {
      aim: 'CLI `sop`, whole process',
      unit: 'act.',
      anchorName: '`chromium --print-to-pdf`',
      points: sop,
      target: `≤ ${RATIO_AIM}×`,
      met: sop.every((p) => p.ratio <= RATIO_AIM),
      load,
    },
  ];
}

export function openAim(results: OpenResults): AimRow {
  const points = results.sizes.map((s) =>
    point(s.shapes, median(s.runs.map((r) => r.oursMs)), median(s.runs.map((r) => r.bareMs)), median(s.runs.map((r) => r.oursMs / r.bareMs))),
  );
  return {
    aim: 'open a map in the modeller, cold cache',
    unit: 'shapes',
    anchorName: 'bare bpmn-js, same XML',
    points,
    target: `≤ ${RATIO_AIM}× at 200 and 2,000`,
    met: points.every((p) => p.ratio <= RATIO_AIM),
    load: { start: results.loadBefore, end: results.loadAfter },
  };
}

export function findingsAim(results: FindingsResults): AimRow {
  const points = results.rows.map((r) => point(r.nodes, median(r.runs.map((run) => run.shownMs)), median(r.runs.map((run) => run.anchorMs))));
  const last = results.rows.at(-1)!;
  const longest = Math.max(...last.runs.map((run) => run.longestTaskMs));
  return {
    aim: 'edit → findings shown',
    unit: 'shapes',
    anchorName: 'lint alone in the worker',
    points,
    target: `≤ ${FINDINGS_AIM_MS} ms at 2,000, no task > ${LONG_TASK_AIM_MS} ms`,
    met: points.at(-1)!.ours <= FINDINGS_AIM_MS && longest <= LONG_TASK_AIM_MS,
    load: { start: results.loadStart, end: results.loadEnd },
    note: `longest main-thread task at ${last.nodes}: ${longest.toFixed(0)} ms`,
  };
}

/** The listing's aim is the page the list view asks for; the whole listing (CLI, hierarchy) is shown beside it. */
export function listingAims({ rows, loadStart, loadEnd }: ListingBenchResult): AimRow[] {
  const view = (key: string) => rows.map((r) => ({ maps: r.maps, view: r.views.find((v) => v.key === key)! }));
  const points = (key: string) => view(key).map(({ maps, view: v }) => point(maps, v.afterSave.p95, v.cached.p95));
  const page = points('page');
  const exponent = growthExponent(page.map((p) => [p.size, p.ours]));
  const load = { start: loadStart, end: loadEnd };
  return [
    {
      aim: 'listing right after a save, p95: the page the list view asks for',
      unit: 'maps',
      anchorName: 'the same request again (cached)',
      points: page,
      target: `p95 ≤ ${LISTING_AIM_MS} ms at 20,000, growth ≤ 1`,
      met: page.at(-1)!.ours <= LISTING_AIM_MS && !(exponent > 1),
      load,
    },
    {
      aim: 'for reference: the whole listing right after a save, p95 (CLI, hierarchy view)',
      unit: 'maps',
      anchorName: 'the same request again (cached)',
      points: points('whole'),
      target: '–',
      met: undefined,
      load,
    },
  ];
}

const num = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const exponentText = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));

export function formatAimsTable(rows: AimRow[]): string {
  const sizes = (row: AimRow) => row.points.map((p) => (row.unit === '–' ? '–' : p.size.toLocaleString('en'))).join(' / ') + (row.unit === '–' ? '' : ` ${row.unit}`);
  const lines = [
    '| aim | sizes | ours (ms) | anchor (ms), same run | ratio | aim | met | growth exponent ours / anchor | load average start → end |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const growth = row.points.length < 2
        ? '–'
        : `${exponentText(growthExponent(row.points.map((p) => [p.size, p.ours])))} / ${exponentText(growthExponent(row.points.map((p) => [p.size, p.anchor])))}`;
      const load = `${row.load.start.split(' ')[0]} → ${row.load.end.split(' ')[0]}`;
      return (
        `| ${row.aim}${row.note ? ` (${row.note})` : ''} | ${sizes(row)} | ${row.points.map((p) => num(p.ours)).join(' / ')} | ` +
        `${row.anchorName}: ${row.points.map((p) => num(p.anchor)).join(' / ')} | ${row.points.map((p) => `${p.ratio.toFixed(2)}×`).join(' / ')} | ` +
        `${row.target} | ${row.met === undefined ? '–' : row.met ? '**met**' : 'not met'} | ${growth} | ${load} |`
      );
    }),
  ];
  return lines.join('\n');
}

/** Runs every aim's bench in turn (the cheapest first) and prints the table of aims, then each bench's details. A bench
 * that fails is reported in its place and the others still run. */
export async function runAims(progress: (line: string) => void): Promise<string> {
  const rows: AimRow[] = [];
  const details: string[] = [];
  const failed: string[] = [];
  async function step<T>(title: string, run: () => Promise<T>, aims: (result: T) => AimRow[], format: (result: T) => string): Promise<void> {
    progress(title);
    try {
      const result = await run();
      rows.push(...aims(result));
      details.push(`## ${title}`, '', format(result), '');
    } catch (error) {
      failed.push(`- ${title}: ${(error as Error).stack ?? String(error)}`);
    }
  }
  await step('Our rules\' own cost (in process)', () => runLintBench(), (r) => [rulesAim(r)], formatLintBench);
  await step('CLI, whole process', () => runCliBench({ progress }), cliAims, formatCliBench);
  await step('Opening a map in the modeller', () => runOpenBench(), (r) => [openAim(r)], formatOpenBench);
  await step('Findings after an edit', () => runFindingsBench(), (r) => [findingsAim(r)], formatFindingsBench);
  await step('Listing right after a save', () => runListingBench({ sizes: [5000, 10_000, 20_000], rounds: 100, progress }), listingAims, formatListingBench);
  return [
    '## Aims of issue 16, one run',
    '',
    formatAimsTable(rows),
    ...(failed.length > 0 ? ['', 'Benches that failed:', '', ...failed] : []),
    '',
    ...details,
  ].join('\n');
}
