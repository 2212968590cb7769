// What reading an SOP table back must keep (issue 17): the comparison the round-trip tests of the map builder and of
// the document readers, and the document bench's "read back exactly", are made on.
import type { SopTable } from './sop-table.schema';

/** Decisions printed with a single arrow: their answers joined the same row in the source, which the table cannot say. */
export const oneArrowDecisions = (table: SopTable) =>
  new Set(table.rows.flatMap((row, index) => (row.kind === 'decision' && table.links.filter((link) => link.from === index).length < 2 ? [index] : [])));

/**
 * What the round trip must keep (issue 17): performers, the numbered rows in order with their symbol, activity,
 * performer and mutu baku, and the arrows between them with their answers. Whether the start or end is a kapsul of its
 * own may differ where the source had several pools (a message leaving the last activity of a pool): one pool has none.
 * A decision printed with one arrow becomes a gateway with one exit, which an SOP does not print as a decision (and
 * bpmnlint's superfluous-gateway reports): it is left out of the comparison, and checked to be in the map by name.
 * Arrows are compared as a set (their order in the table is not printed).
 */
export function structure(table: SopTable, { labels = true }: { labels?: boolean } = {}) {
  const skipped = oneArrowDecisions(table);
  const kept = table.rows.flatMap((row, index) => (row.no === undefined || skipped.has(index) ? [] : [{ row, index }]));
  const position = new Map(kept.map(({ index }, at) => [index, at + 1]));
  // An arrow into a skipped decision continues to where the decision's one arrow leads.
  const through = (index: number): number | undefined => (skipped.has(index) ? table.links.find((link) => link.from === index)?.to : index);
  return {
    columns: table.columns,
    rows: kept.map(({ row: { kind, kegiatan, column, mutuBaku } }) => ({ kind, kegiatan, column, mutuBaku })),
    links: table.links
      .filter((link) => !skipped.has(link.from))
      .map((link) => ({ ...link, to: through(link.to) }))
      .filter((link) => position.has(link.from) && link.to !== undefined && position.has(link.to))
      // The labels' texts only where asked: a PDF cannot always tell which of two overlapping lines, or which of three
      // exits of a decision, a label stands beside. A decision's answers (Ya / Tidak) are always compared.
      .map((link) => ({
        from: position.get(link.from)!,
        to: position.get(link.to!)!,
        label: labels ? link.label : undefined,
        answer: link.answer,
      }))
      .sort((a, b) => a.from - b.from || a.to - b.to || String(a.answer).localeCompare(String(b.answer))),
  };
}

