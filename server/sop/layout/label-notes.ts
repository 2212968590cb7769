// A label the layout had to shorten ("…") is named in a warning with its whole text (issue 15 item 9: a label too long
// for any free place is wrapped or shortened with a visible note), so the drafter can shorten the flow's name or give
// the table more room.
import type { Page } from './document.schema';
import type { Procedure } from './procedure.schema';

/** Whether the label's lines print less than its text. */
export const isShortened = (label: { text: string; lines: string[] }): boolean => {
  const printed = label.lines.join(' ').replace(/\s+/g, ' ').trim();
  return printed.endsWith('…') && !label.text.trim().endsWith('…');
};

export function shortenedLabelWarnings(pages: Page[], procedure: Procedure): string[] {
  const warnings: string[] = [];
  for (const page of pages) {
    for (const arrow of page.arrows) {
      if (!arrow.label || !isShortened(arrow.label)) continue;
      const row = procedure.rows[arrow.source.row]!;
      warnings.push(
        `Label alur "${arrow.label.text}" dari No. ${row.no ?? '-'} "${row.kegiatan}" dipendekkan di halaman prosedur ${page.number} karena tidak ada tempat kosong; persingkat nama alurnya atau gunakan kertas lanskap/F4.`,
      );
    }
  }
  return warnings;
}
