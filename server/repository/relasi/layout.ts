// The layout of a generated peta relasi (docs/relasi.md): pools as horizontal bands stacked top to bottom, each
// message flow a vertical segment in a column of its own between the facing edges of its two pools, its label beside
// it in a gap between pools. A collapsed pool's name is drawn centred in the pool (bpmn-js), so the columns stay out of
// a central band as wide as the longest name: no flow crosses a name, not even where it passes another pool.
// Pure and deterministic: text widths are estimated from character counts, never measured.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FlowLayout {
  /** The flow's vertical segment: from the source pool's facing edge to the target pool's. */
  waypoints: [{ x: number; y: number }, { x: number; y: number }];
  label: Box;
}

export interface RelasiLayout {
  pools: Box[];
  flows: FlowLayout[];
}

/** What the layout needs: pool names in order, and each flow as indices into them with its label text. */
export interface LayoutInput {
  pools: readonly string[];
  flows: ReadonlyArray<{ from: number; to: number; label: string }>;
}

const ORIGIN = { x: 160, y: 80 };
const POOL_HEIGHT = 80;
/** Distance between two flow columns; a label takes all of it but a small margin. */
const COLUMN = 150;
/** A flow's line sits this far into its column, its label starts LABEL_OFFSET to the right of the line. */
const LINE_INSET = 12;
const LABEL_OFFSET = 8;
const LABEL_WIDTH = COLUMN - LINE_INSET - LABEL_OFFSET - 10;
/** Between the pool's side edges and the first or last column. */
const SIDE_MARGIN = 40;
const MIN_GAP = 100;
const GAP_PADDING = 16;
/** bpmn-js draws names in Arial: 12 px inside shapes, 11 px for external labels (line height 1.2). */
const POOL_CHAR_WIDTH = 7.2;
const LABEL_CHAR_WIDTH = 5.8;
const LABEL_LINE_HEIGHT = 14;
const MIN_NAME_BAND = 160;

/** Lines of `text` wrapped at word boundaries into `width`, as bpmn-js's text layout would (estimated). */
export function wrappedLines(text: string, width: number, charWidth: number): number {
  const perLine = Math.max(1, Math.floor(width / charWidth));
  let lines = 0;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (used > 0 && used + 1 + length <= perLine) {
      used += 1 + length;
      continue;
    }
    // A word longer than a line runs over several.
    lines += Math.max(1, Math.ceil(length / perLine));
    used = length % perLine || perLine;
  }
  return Math.max(1, lines);
}

export function labelHeight(text: string): number {
  return wrappedLines(text, LABEL_WIDTH, LABEL_CHAR_WIDTH) * LABEL_LINE_HEIGHT;
}

export function layoutRelasi(input: LayoutInput): RelasiLayout {
  const flowCount = input.flows.length;
  // Columns fill the left side first, then the right; both sides are equally wide so the name band stays centred.
  const perSide = Math.ceil(flowCount / 2);
  const nameBand = Math.max(MIN_NAME_BAND, ...input.pools.map((name) => Math.ceil(name.trim().length * POOL_CHAR_WIDTH) + 2 * SIDE_MARGIN));
  const side = SIDE_MARGIN + perSide * COLUMN;
  const width = 2 * side + nameBand;
  const columnX = (i: number): number =>
    ORIGIN.x + (i < perSide ? SIDE_MARGIN + i * COLUMN : side + nameBand + (i - perSide) * COLUMN) + LINE_INSET;

  // Each label sits in the gap next to its source pool, on the way to the target; every gap is as tall as the
  // tallest label needs, so the bands stay evenly spaced.
  const gapOf = (flow: { from: number; to: number }): number => (flow.from < flow.to ? flow.from : flow.from - 1);
  const heights = input.flows.map((flow) => labelHeight(flow.label));
  const gap = Math.max(MIN_GAP, ...heights.map((height) => height + 2 * GAP_PADDING));

  const pools: Box[] = [];
  let y = ORIGIN.y;
  input.pools.forEach(() => {
    pools.push({ x: ORIGIN.x, y, width, height: POOL_HEIGHT });
    y += POOL_HEIGHT + gap;
  });

  const flows = input.flows.map((flow, i): FlowLayout => {
    const source = pools[flow.from]!;
    const target = pools[flow.to]!;
    const down = flow.from < flow.to;
    const x = columnX(i);
    const gapTop = pools[gapOf(flow)]!.y + POOL_HEIGHT;
    const height = heights[i]!;
    return {
      waypoints: [
        { x, y: down ? source.y + source.height : source.y },
        { x, y: down ? target.y : target.y + target.height },
      ],
      label: { x: x + LABEL_OFFSET, y: Math.round(gapTop + (gap - height) / 2), width: LABEL_WIDTH, height },
    };
  });
  return { pools, flows };
}
