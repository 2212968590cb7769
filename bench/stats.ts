// Small statistics shared by the benches.

/** The median of the samples (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** log(t_last / t_first) / log(n_last / n_first) over (size, time) points: 1 is linear growth, NaN for fewer than two. */
export function growthExponent(points: ReadonlyArray<readonly [size: number, time: number]>): number {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || first === last) return NaN;
  return Math.log(last[1] / first[1]) / Math.log(last[0] / first[0]);
}
