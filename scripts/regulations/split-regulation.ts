// Splits the text of a regulation (as OCR'd into ../shared/regulations) into its Pasal and its Lampiran, with numbered items.
import type { ItemKind, SectionText, TextItem } from '../../server/regulations/article-types';

/** Drops markdown marks, list bullets and link brackets; keeps the words. */
export function cleanLine(raw: string): string {
  let line = raw.replace(/\*\*|__/g, '').replace(/\*/g, '').replace(/\[([^\]]*)\]/g, '$1').replace(/[[\]]/g, '');
  line = line.replace(/^\s*#+\s*/, '');
  while (/^\s*[-•]\s+/.test(line)) line = line.replace(/^\s*[-•]\s+/, '');
  return line.replace(/\s+/g, ' ').trim();
}

/** Page furniture of the printed original: "4. Undang-Undang . . ." catch-words, "- 2 -" page numbers. */
function isPageFurniture(line: string): boolean {
  return /\.\s?\.\s?\.\s*$/.test(line) || /^-?\s*\d+\s*-$/.test(line);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** The numbered item a line opens, if any. */
export function itemOf(line: string): { kind: ItemKind; label: string } | null {
  const patterns: Array<[ItemKind, RegExp]> = [
    ['lampiran', /^LAMPIRAN(?:\s+([IVX]+))?(?:\s|$)/],
    ['bab', /^BAB\s+([IVX]+)(?:\s|$)/],
    ['upper', /^([A-Z])\.\s/],
    ['number', /^(\d{1,2})\.\s/],
    ['number-paren', /^(\d{1,2})\)\s/],
    ['paren', /^\((\d{1,2})\)\s/],
    ['lower', /^([a-z])\.\s/],
    ['lower-paren', /^([a-z])\)\s/],
  ];
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(line);
    if (match) return { kind, label: match[1] ?? '' };
  }
  return null;
}

function isFirstLabel(label: string): boolean {
  return label === '1' || label === 'a' || label === 'A' || label === 'I' || label === '';
}

function successor(label: string): string {
  if (/^\d+$/.test(label)) return String(Number(label) + 1);
  const roman = ROMAN.indexOf(label);
  if (roman >= 0 && label !== 'V' && label !== 'X') return ROMAN[roman + 1] ?? '';
  if (/^[A-Za-z]$/.test(label)) return String.fromCharCode(label.charCodeAt(0) + 1);
  return '';
}

/**
 * Joins lines into one text and finds its items' nesting from their numbering alone (indentation is unreliable in
 * the OCR): an item is the sibling of the nearest open item of its kind when it continues that numbering, and a
 * child of the innermost open item when it starts a new list ("A." inside "2." is a sub-list, not part "A").
 */
export function sectionOf(lines: readonly string[]): SectionText {
  const items: TextItem[] = [];
  const open: number[] = [];
  let text = '';
  const close = (index: number, at: number) => {
    items[index]!.end = at;
  };
  for (const line of lines) {
    const start = text.length === 0 ? 0 : text.length + 1;
    text = text.length === 0 ? line : `${text}\n${line}`;
    const item = itemOf(line);
    if (!item) continue;
    let same = -1;
    for (let depth = open.length - 1; depth >= 0; depth--) {
      if (items[open[depth]!]!.kind === item.kind) {
        same = depth;
        break;
      }
    }
    const continues = same >= 0 && successor(items[open[same]!]!.label) === item.label;
    // A list restarting right after a same-kind item that has no items of its own is a second list beside it
    // ("1. … 3. …" then "Penjelasan …: 1. … 4. …"); otherwise a restart opens a sub-list of the innermost item.
    const restartsBeside = same >= 0 && !continues && isFirstLabel(item.label) && same === open.length - 1;
    const nestsNew = same < 0 || (!continues && !restartsBeside && isFirstLabel(item.label));
    const keep = nestsNew ? open.length : same;
    while (open.length > keep) close(open.pop()!, start - 1);
    items.push({ kind: item.kind, label: item.label, start, end: -1, parent: open.length > 0 ? open[open.length - 1]! : -1 });
    open.push(items.length - 1);
  }
  while (open.length > 0) close(open.pop()!, text.length);
  return { text, items };
}

/** Structural lines between articles: BAB, Bagian, Paragraf headings and their all-capital titles. */
function isStructural(line: string): boolean {
  return /^(BAB|Bagian|Paragraf)\b/.test(line) || (/^[^a-z]{4,}$/.test(line) && /[A-Z]{3}/.test(line));
}

const PASAL = /^Pasal\s+(\d+[A-Z]?)$/;

export interface SplitRegulation {
  pasal: Record<string, SectionText>;
  lampiran: SectionText | null;
}

export function splitRegulation(source: string): SplitRegulation {
  const lines = source
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((line) => line !== '' && !isPageFurniture(line));
  const pasal: Record<string, SectionText> = {};
  let current: { number: string; lines: string[] } | null = null;
  const finish = () => {
    if (current && !(current.number in pasal)) pasal[current.number] = sectionOf(current.lines);
    current = null;
  };
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^LAMPIRAN\b/.test(line)) break;
    const heading = PASAL.exec(line);
    if (heading) {
      finish();
      current = { number: heading[1]!, lines: [line] };
    } else if (/^(Ditetapkan|Diundangkan) di\b/.test(line) || isStructural(line)) {
      finish();
    } else if (current) {
      (current as { lines: string[] }).lines.push(line);
    }
  }
  finish();
  const rest = lines.slice(index);
  return { pasal, lampiran: rest.length > 0 ? sectionOf(rest) : null };
}
