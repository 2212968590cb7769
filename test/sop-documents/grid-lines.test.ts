// Table borders drawn as separate lines (server/sop-documents/pdf/grid-lines.ts): the cells come back whole when
// other straight pieces lie along a border.
import { describe, expect, it } from 'vitest';
import { cellsFromSegments, type Segment } from '../../server/sop-documents/pdf/grid-lines';

const h = (y: number, x1: number, x2: number): Segment => ({ from: { x: x1, y }, to: { x: x2, y } });
const v = (x: number, y1: number, y2: number): Segment => ({ from: { x, y: y1 }, to: { x, y: y2 } });
/** A table of two rows by two columns, 40 × 20 each; its middle border at x = 40.05, as a PDF writer rounds it. */
const table = [h(0, 0, 80), h(20, 0, 80), h(40, 0, 80), v(0, 0, 40), v(40.05, 0, 40), v(80, 0, 40)];
const sorted = (cells: ReturnType<typeof cellsFromSegments>) => cells.map((c) => [c.x, c.y, c.width, c.height].map(Math.round)).sort((a, b) => a[1]! - b[1]! || a[0]! - b[0]!);

describe('cells from border lines', () => {
  it('a table of four cells', () => {
    expect(sorted(cellsFromSegments(table))).toEqual([
      [0, 0, 40, 20],
      [40, 0, 40, 20],
      [0, 20, 40, 20],
      [40, 20, 40, 20],
    ]);
  });

  it('a short step of an elbow connector a hair left of a border does not cut the border short (the top cells stay two)', () => {
    // LibreOffice Writer drew an elbow connector's step at x = 288.25 beside a column border at 288.3 from the header
    // down: joined in the order of their x, the step came first and the border was kept from the step's start only.
    const step = v(40, 25, 30);
    expect(sorted(cellsFromSegments([...table, step]))).toEqual(sorted(cellsFromSegments(table)));
  });
});
