// Reads citations as profiles write them ("Perbup Gunung Mas 18/2024 Pasal 29 ayat (4) dan Pasal 38 ayat (4) huruf a–b")
// and finds the cited text in the shipped regulations. Pure: runs on the server and in the browser.
import type { ArticlesFile, ItemKind, SectionText, ShippedRegulation } from './article-types';

/** One step of a reference: "ayat (4)", "huruf a–b", or a Lampiran part "B" / "1" whose numbering is not named. */
export interface CitationStep {
  kind: 'ayat' | 'huruf' | 'angka' | 'bab' | 'part';
  /** Several labels for a range ("a–b" is a, b). */
  labels: string[];
  /** As written, for headings. */
  written: string;
}

export interface CitationReference {
  /** The regulation as cited: "Perbup Badung 35/2023". */
  regulation: string;
  /** "Pasal 29 ayat (4)", "Lampiran I BAB II A.1–3": what the citation says of this reference. */
  heading: string;
  /** Pasal number, absent for a Lampiran reference. */
  pasal?: string;
  /** Lampiran number ("I"), empty for an unnumbered Lampiran; absent for a Pasal reference. */
  lampiran?: string;
  steps: CitationStep[];
  /**
   * The title of the cited Lampiran part, written after it in parentheses ("B.2 huruf b (Pengajuan sukarela)"): it
   * tells apart parts a Lampiran numbers alike (Badung's B.2 holds two lists a–f).
   */
  partTitle?: string;
}

export interface TextRange {
  start: number;
  end: number;
}

export interface ResolvedReference {
  regulation: string;
  /** The regulation's full title, or the citation's own name when it is not shipped. */
  title: string;
  heading: string;
  /** The article's body (without its "Pasal N" line) or the Lampiran section; empty when not shipped or not found. */
  text: string;
  /** The cited parts inside text (ayat, huruf, angka). */
  highlight?: TextRange[];
  shipped: boolean;
}

const DASH = /\s*(?:[–—-]|s\.d\.|sampai dengan)\s*/;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** "a–c" → a, b, c; "(1)–(3)" → 1, 2, 3; "II–IV" → II, III, IV; a single label → itself. */
export function expandRange(written: string): string[] {
  const bare = (label: string) => label.replace(/[()]/g, '').trim();
  const [from, to] = written.split(DASH).map(bare);
  if (!from) return [];
  if (!to) return [from];
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const labels: string[] = [];
    for (let n = Number(from); n <= Number(to) && labels.length < 100; n++) labels.push(String(n));
    return labels;
  }
  if (ROMAN.includes(from) && ROMAN.includes(to)) return ROMAN.slice(ROMAN.indexOf(from), ROMAN.indexOf(to) + 1);
  if (/^[A-Za-z]$/.test(from) && /^[A-Za-z]$/.test(to)) {
    const labels: string[] = [];
    for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) labels.push(String.fromCharCode(c));
    return labels;
  }
  return [from];
}

const LABEL = String.raw`(?:\(?[0-9]+[A-Z]?\)?|[A-Za-z])`;
const RANGE = String.raw`${LABEL}(?:\s*(?:[–—-]|s\.d\.|sampai dengan)\s*${LABEL})?`;
const STEP = new RegExp(String.raw`^(ayat|huruf|angka|butir)\s+(${RANGE})(?=[\s,;]|$)\s*`, 'i');
const BAB = /^BAB\s+([IVX]+)(?=[\s,;]|$)\s*/;
const PASAL = new RegExp(String.raw`^Pasal\s+(${RANGE})\s*`, 'i');
const LAMPIRAN = /^Lampiran(?:\s+([IVX]+)\b)?\s*/i;
/** "A.1–3", "B.1.a", "B.4": Lampiran parts separated by dots, the last possibly a range. */
const DOTTED = new RegExp(String.raw`^((?:[A-Za-z0-9]+\.)*${RANGE})(?=\s|$)\s*`);

function stepKind(word: string): CitationStep['kind'] {
  const lower = word.toLowerCase();
  if (lower === 'ayat') return 'ayat';
  if (lower === 'huruf') return 'huruf';
  return 'angka';
}

/** Splits off the regulation's name: the shipped name it starts with, else everything before its first Pasal/Lampiran. */
function splitRegulation(citation: string, shipped: readonly string[]): { regulation: string; rest: string } {
  const normal = citation.replace(/\s+/g, ' ').trim();
  for (const name of shipped) {
    if (normal.toLowerCase().startsWith(`${name.toLowerCase()} `) || normal.toLowerCase() === name.toLowerCase()) {
      return { regulation: name, rest: normal.slice(name.length).trim() };
    }
  }
  const at = normal.search(/\s(?:Pasal|Lampiran)\b/i);
  return at < 0 ? { regulation: normal, rest: '' } : { regulation: normal.slice(0, at).trim(), rest: normal.slice(at).trim() };
}

function parseSteps(text: string): { steps: CitationStep[]; rest: string } {
  const steps: CitationStep[] = [];
  let rest = text;
  for (;;) {
    const bab = BAB.exec(rest);
    const match = bab ? null : STEP.exec(rest);
    if (bab) steps.push({ kind: 'bab', labels: [bab[1]!], written: `BAB ${bab[1]}` });
    else if (match) steps.push({ kind: stepKind(match[1]!), labels: expandRange(match[2]!), written: `${match[1]} ${match[2]}` });
    else break;
    rest = rest.slice((bab ?? match)![0].length);
  }
  return { steps, rest };
}

/**
 * The references of a citation: one per Pasal (a range of Pasal gives several), one per Lampiran place. A part that
 * names no Pasal or Lampiran ("… ayat (1) dan ayat (3)") continues the reference before it.
 */
export function parseCitation(citation: string, shippedNames: readonly string[] = []): CitationReference[] {
  const { regulation, rest } = splitRegulation(citation, shippedNames);
  const references: CitationReference[] = [];
  const parts = rest.split(/\s*(?:,|;|\bdan\b|\bserta\b)\s*/).filter((part) => part !== '');
  for (const part of parts) {
    const pasal = PASAL.exec(part);
    if (pasal) {
      const { steps } = parseSteps(part.slice(pasal[0].length));
      for (const number of expandRange(pasal[1]!)) references.push(withHeading({ regulation, pasal: number, steps }));
      continue;
    }
    const lampiran = LAMPIRAN.exec(part);
    if (lampiran) {
      let after = part.slice(lampiran[0].length);
      const first = parseSteps(after);
      after = first.rest;
      const steps = [...first.steps];
      const dotted = DOTTED.exec(after);
      if (dotted) {
        const pieces = dotted[1]!.split('.').filter((piece) => piece !== '');
        pieces.forEach((piece, index) =>
          steps.push({ kind: 'part', labels: index === pieces.length - 1 ? expandRange(piece) : [piece], written: piece }),
        );
        after = after.slice(dotted[0].length);
      }
      const last = parseSteps(after);
      steps.push(...last.steps);
      const title = /^\(([^()]+)\)/.exec(last.rest)?.[1]?.trim();
      references.push(withHeading({ regulation, lampiran: lampiran[1] ?? '', steps, ...(title ? { partTitle: title } : {}) }));
      continue;
    }
    const continued = parseSteps(part);
    const previous = references[references.length - 1];
    if (continued.steps.length > 0 && previous) {
      // "Pasal 8 ayat (1) dan ayat (3)": keep what comes before the first step of the same kind.
      const cut = previous.steps.findIndex((step) => step.kind === continued.steps[0]!.kind);
      const base = cut < 0 ? previous.steps : previous.steps.slice(0, cut);
      const { heading: _previousHeading, ...place } = previous;
      references.push(withHeading({ ...place, steps: [...base, ...continued.steps] }));
    }
    // Anything else ("kolom pelaksana SOP AP") describes the place in words; the references before it stand.
  }
  if (references.length === 0) references.push({ regulation, heading: rest, steps: [] });
  return references;
}

/** "Pasal 38 ayat (4) huruf a–b", "Lampiran I BAB II A.1–3", "Lampiran B.4 huruf c angka (2)". */
function withHeading(reference: Omit<CitationReference, 'heading'>): CitationReference {
  const words: string[] = [reference.pasal !== undefined ? `Pasal ${reference.pasal}` : reference.lampiran ? `Lampiran ${reference.lampiran}` : 'Lampiran'];
  let parts: string[] = [];
  const flush = () => {
    if (parts.length > 0) words.push(parts.join('.'));
    parts = [];
  };
  for (const step of reference.steps) {
    if (step.kind === 'part') parts.push(step.written);
    else {
      flush();
      words.push(step.written);
    }
  }
  flush();
  if (reference.partTitle) words.push(`(${reference.partTitle})`);
  return { ...reference, heading: words.join(' ') };
}

const STEP_KINDS: Record<CitationStep['kind'], readonly ItemKind[] | null> = {
  ayat: ['paren'],
  huruf: ['lower', 'lower-paren', 'upper'],
  angka: ['number', 'number-paren', 'paren'],
  bab: ['bab'],
  part: null,
};

interface Tree {
  section: SectionText;
  depth: number[];
}

function treeOf(section: SectionText): Tree {
  const depth = section.items.map(() => 0);
  section.items.forEach((item, index) => {
    depth[index] = item.parent < 0 ? 0 : depth[item.parent]! + 1;
  });
  return { section, depth };
}

function isWithin(tree: Tree, index: number, ancestor: number): boolean {
  for (let at = tree.section.items[index]!.parent; at >= 0; at = tree.section.items[at]!.parent) if (at === ancestor) return true;
  return ancestor < 0;
}

function matches(tree: Tree, index: number, step: CitationStep, label: string): boolean {
  const item = tree.section.items[index]!;
  const kinds = STEP_KINDS[step.kind];
  if (kinds && !kinds.includes(item.kind)) return false;
  if (!kinds && (item.kind === 'lampiran' || item.kind === 'bab')) return false;
  return item.label === label;
}

/**
 * Finds each step below the one before, preferring the nesting closest to direct children (the cheapest chain of
 * depth gaps), then document order. Returns the items of the last step, one per label of its range.
 */
export function findItems(section: SectionText, steps: readonly CitationStep[], within = -1, partTitle?: string): number[] | null {
  const tree = treeOf(section);
  const best = { cost: Infinity, chain: [] as number[] };
  const search = (at: number, stepIndex: number, cost: number, chain: number[]) => {
    if (cost >= best.cost) return;
    if (stepIndex === steps.length) {
      best.cost = cost;
      best.chain = chain;
      return;
    }
    const step = steps[stepIndex]!;
    const baseDepth = at < 0 ? -1 : tree.depth[at]!;
    const titled = partTitle !== undefined && stepIndex === steps.length - 1;
    for (let index = 0; index < section.items.length; index++) {
      if (!isWithin(tree, index, at) || !matches(tree, index, step, step.labels[0]!)) continue;
      if (titled && !startsWithTitle(section, index, partTitle)) continue;
      search(index, stepIndex + 1, cost + (tree.depth[index]! - baseDepth - 1), [...chain, index]);
    }
  };
  search(within, 0, 0, []);
  if (best.chain.length !== steps.length) return null;
  if (steps.length === 0) return [];
  const last = steps[steps.length - 1]!;
  const first = best.chain[best.chain.length - 1]!;
  const parent = section.items[first]!.parent;
  const items = [first];
  for (const label of last.labels.slice(1)) {
    const sibling = section.items.findIndex((item, index) => item.parent === parent && index > first && matches(tree, index, last, label));
    if (sibling >= 0) items.push(sibling);
  }
  return items;
}

/** Whether an item's text, after its label ("b."), opens with the title (case and spacing aside). */
function startsWithTitle(section: SectionText, index: number, title: string): boolean {
  const item = section.items[index]!;
  const body = section.text.slice(item.start, item.end).replace(/^\S+\s+/, '');
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return normal(body).startsWith(normal(title));
}

/** Short cited parts are shown within the part around them, so the reader sees what they belong to. */
const SHORT_CONTEXT = 600;
const LONGEST_CONTEXT = 6000;

function lampiranText(regulation: ShippedRegulation, reference: CitationReference): { text: string; highlight?: TextRange[] } | null {
  const lampiran = regulation.lampiran;
  if (!lampiran) return null;
  const root = lampiran.items.findIndex((item) => item.kind === 'lampiran' && (reference.lampiran === '' || item.label === reference.lampiran || item.label === ''));
  const found = findItems(lampiran, reference.steps, root, reference.partTitle);
  if (!found) return null;
  if (found.length === 0) {
    const whole = root >= 0 ? lampiran.items[root]! : { start: 0, end: lampiran.text.length };
    return { text: lampiran.text.slice(whole.start, whole.end) };
  }
  const items = found.map((index) => lampiran.items[index]!);
  const span = { start: items[0]!.start, end: items[items.length - 1]!.end };
  const parentIndex = items[0]!.parent;
  const parent = parentIndex >= 0 ? lampiran.items[parentIndex]! : null;
  if (
    span.end - span.start < SHORT_CONTEXT &&
    parent &&
    parent.kind !== 'lampiran' &&
    parent.kind !== 'bab' &&
    parent.end - parent.start <= LONGEST_CONTEXT
  ) {
    return {
      text: lampiran.text.slice(parent.start, parent.end),
      highlight: items.map((item) => ({ start: item.start - parent.start, end: item.end - parent.start })),
    };
  }
  return { text: lampiran.text.slice(span.start, span.end) };
}

function pasalText(regulation: ShippedRegulation, reference: CitationReference): { text: string; highlight?: TextRange[] } | null {
  const pasal = regulation.pasal[reference.pasal!];
  if (!pasal) return null;
  const found = findItems(pasal, reference.steps);
  if (!found) return null;
  // The heading line "Pasal N" is left out: the reference's heading names the Pasal already.
  const body = pasal.text.indexOf('\n') + 1;
  return {
    text: pasal.text.slice(body),
    highlight: found.length > 0 ? found.map((index) => ({ start: pasal.items[index]!.start - body, end: pasal.items[index]!.end - body })) : undefined,
  };
}

export function shippedNames(articles: ArticlesFile): string[] {
  return articles.regulations.map((regulation) => regulation.cite);
}

/** The texts a citation points to; references to regulations not shipped come back with empty text and shipped: false. */
export function resolveCitation(citation: string, articles: ArticlesFile): ResolvedReference[] {
  const names = shippedNames(articles);
  const { regulation: cited, rest } = splitRegulation(citation, names);
  if (!names.includes(cited)) return [{ regulation: cited, title: cited, heading: rest, text: '', shipped: false }];
  return parseCitation(citation, names).map((reference) => {
    const regulation = articles.regulations.find((candidate) => candidate.cite.toLowerCase() === reference.regulation.toLowerCase());
    if (!regulation) return { regulation: reference.regulation, title: reference.regulation, heading: reference.heading, text: '', shipped: false };
    const found = reference.pasal !== undefined ? pasalText(regulation, reference) : reference.lampiran !== undefined ? lampiranText(regulation, reference) : null;
    const resolved: ResolvedReference = { regulation: regulation.cite, title: regulation.title, heading: reference.heading, text: found?.text ?? '', shipped: true };
    if (found?.highlight) resolved.highlight = found.highlight;
    return resolved;
  });
}
