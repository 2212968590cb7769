// Small horizontal bar charts drawn as inline SVG (no chart library): stacked bars of several series per row, or
// single bars. Each chart is an image with a title and a description; every bar segment carries a <title> with its
// row, series and count, so that pointing at it (or a screen reader exploring it) tells the number. The page's table
// is the full text alternative.
import { h, uniqueId } from '../../ui/dom';

const SVG = 'http://www.w3.org/2000/svg';

type SvgAttrs = Record<string, string | number | undefined>;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: SvgAttrs = {}, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

export interface Series {
  key: string;
  label: string;
  /** A CSS colour. */
  color: string;
}

export interface ChartRow {
  label: string;
  /** Values by series key; missing keys count 0. */
  values: Record<string, number>;
}

export interface BarChartOptions {
  /** Read first by screen readers; shown as the chart's heading by the page. */
  title: string;
  description: string;
  series: Series[];
  rows: ChartRow[];
  /** Extra class of the figure. */
  className?: string;
  /** A data-testid of the figure. */
  testId?: string;
  /** The legend is left out for a single series. */
  legend?: boolean;
  /** Width of the drawing in SVG units (text keeps its size relative to it): narrower for a narrower column. */
  width?: number;
}

const WIDTH = 720;
const LABEL_WIDTH = 220;
const TOTAL_WIDTH = 48;
const BAR_HEIGHT = 20;
const ROW_GAP = 10;
const TOP = 22;
const MAX_LABEL_CHARS = 28;

const numberText = (n: number) => n.toLocaleString('id-ID');

/** The label cut to fit the label column; the full text stays in the row's <title>. */
const shortLabel = (label: string) => (label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label);

/** "Nice" round step of the value axis: 1, 2 or 5 times a power of ten, about four ticks. */
function tickStep(max: number): number {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  return Math.max(1, step);
}

/** A horizontal bar chart; with several series the bars are stacked in the series' order. */
export function barChart(options: BarChartOptions): HTMLElement {
  const titleId = uniqueId('chart-title');
  const descId = uniqueId('chart-desc');
  const totals = options.rows.map((row) => options.series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0));
  const step = tickStep(Math.max(1, ...totals));
  const axisMax = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step);
  const width = options.width ?? WIDTH;
  const plotWidth = width - LABEL_WIDTH - TOTAL_WIDTH;
  const scale = (value: number) => (value / axisMax) * plotWidth;
  const height = TOP + options.rows.length * (BAR_HEIGHT + ROW_GAP) + 4;

  const grid = svg('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  for (let tick = 0; tick <= axisMax; tick += step) {
    const x = LABEL_WIDTH + scale(tick);
    grid.append(
      svg('line', { x1: x, x2: x, y1: TOP - 4, y2: height - 4, class: 'chart-gridline' }),
      svg('text', { x, y: TOP - 8, 'text-anchor': 'middle', class: 'chart-tick' }, numberText(tick)),
    );
  }

  const bars = options.rows.map((row, i) => {
    const y = TOP + i * (BAR_HEIGHT + ROW_GAP);
    const group = svg('g', { class: 'chart-row', 'data-row': row.label });
    group.append(
      svg('title', {}, `${row.label}: ${numberText(totals[i]!)}`),
      svg('text', { x: LABEL_WIDTH - 8, y: y + BAR_HEIGHT / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'chart-label' }, shortLabel(row.label)),
    );
    let x = LABEL_WIDTH;
    for (const series of options.series) {
      const value = row.values[series.key] ?? 0;
      if (value <= 0) continue;
      const width = scale(value);
      group.append(
        svg(
          'rect',
          { x, y, width: Math.max(width, 1), height: BAR_HEIGHT, fill: series.color, class: 'chart-bar', 'data-series': series.key, 'data-value': value },
          svg('title', {}, `${row.label} — ${series.label}: ${numberText(value)}`),
        ),
      );
      x += width;
    }
    group.append(svg('text', { x: x + 6, y: y + BAR_HEIGHT / 2, 'dominant-baseline': 'central', class: 'chart-total' }, numberText(totals[i]!)));
    return group;
  });

  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'bar-chart', preserveAspectRatio: 'xMinYMin meet' },
    svg('title', { id: titleId }, options.title),
    svg('desc', { id: descId }, options.description),
    grid,
    ...bars,
  );
  // The chart's height in CSS pixels follows its rows (the width scales with the page).
  chart.style.maxHeight = `${height * 1.4}px`;

  const legend =
    (options.legend ?? options.series.length > 1) &&
    h(
      'ul',
      { class: 'chart-legend', 'aria-label': 'Keterangan warna' },
      options.series.map((series) => {
        const swatch = h('span', { class: 'chart-swatch', 'aria-hidden': 'true' });
        // Through the CSSOM: the content security policy refuses style attributes.
        swatch.style.background = series.color;
        return h('li', {}, swatch, series.label);
      }),
    );
  return h('figure', { class: `chart ${options.className ?? ''}`.trim(), 'data-testid': options.testId }, h('figcaption', { class: 'chart-caption' }, options.title), chart, legend);
}
