// The identity part of an SOP AP document (SOP-FORMAT.md §1) read from a page's positioned text: each field found by
// its label (the variants pemda use: "Ditetapkan oleh", "Tgl Pengesahan", "Judul SOP", …), its value beside it on
// the same line ("Nomor SOP : 065/12/…") or below it in its own column ("Dasar Hukum:" and a numbered list). Dates in
// Indonesian ("2 Januari 2026") or numeric (02/01/2026) become YYYY-MM-DD; what cannot be read is left out, never guessed.
import { SopIdentityDraft } from '../sop/identity.schema';
import { MONTHS as PRINTED_MONTHS } from '../sop/render/identity-part';
import type { TextRun } from './pdf/page-graphics';
import { joinLines } from './pdf/table-grid';

type InlineField = 'nomor' | 'tanggalPembuatan' | 'tanggalRevisi' | 'tanggalEfektif' | 'disahkanOleh' | 'namaSop';
type BlockField = 'dasarHukum' | 'keterkaitan' | 'peringatan' | 'kualifikasiPelaksana' | 'peralatan' | 'pencatatan';

const INLINE: Array<[RegExp, InlineField]> = [
  [/^(nomor|no\.?) sop$/, 'nomor'],
  [/^(tanggal|tgl\.?) pembuatan$/, 'tanggalPembuatan'],
  [/^(tanggal|tgl\.?) revisi$/, 'tanggalRevisi'],
  [/^(tanggal|tgl\.?) (efektif|pengesahan|berlaku)$/, 'tanggalEfektif'],
  [/^(disahkan|ditetapkan) oleh$/, 'disahkanOleh'],
  [/^(nama|judul) sop$/, 'namaSop'],
];
const BLOCK: Array<[RegExp, BlockField]> = [
  [/^dasar hukum$/, 'dasarHukum'],
  [/^keterkaitan$/, 'keterkaitan'],
  [/^peringatan$/, 'peringatan'],
  [/^kualifikasi pelaksana$/, 'kualifikasiPelaksana'],
  [/^peralatan ?\/ ?perlengkapan$|^peralatan$|^perlengkapan$/, 'peralatan'],
  [/^pencatatan (dan|&) pendataan$|^pencatatan$/, 'pencatatan'],
];

/** The months as the SOP prints them (identity-part.ts), in lower case to compare. */
const MONTHS = PRINTED_MONTHS.map((month) => month.toLocaleLowerCase('id'));

const labelKey = (text: string) => text.toLocaleLowerCase('id').replace(/[:：]\s*$/, '').replace(/\s+/g, ' ').trim();

/** A date as the document writes it, as YYYY-MM-DD; undefined for "-", "…" or anything else. */
export function readDate(text: string): string | undefined {
  const t = text.trim().toLocaleLowerCase('id');
  const pad = (n: number) => String(n).padStart(2, '0');
  const words = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(t);
  if (words) {
    const month = MONTHS.findIndex((m) => m === words[2] || (words[2]!.length >= 3 && m.startsWith(words[2]!)));
    return month < 0 ? undefined : `${words[3]}-${pad(month + 1)}-${pad(Number(words[1]))}`;
  }
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (numeric) return `${numeric[3]}-${pad(Number(numeric[2]))}-${pad(Number(numeric[1]))}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
}

interface Line {
  runs: TextRun[];
  x: number;
  y: number;
  size: number;
  text: string;
}

/** The runs of a page as lines: runs on one baseline, split where a gap wider than a few letters separates them. */
function linesOf(texts: TextRun[]): Line[] {
  const sorted = [...texts].sort((a, b) => (Math.abs(a.y - b.y) > a.size * 0.4 ? a.y - b.y : a.x - b.x));
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const last = lines.at(-1)?.at(-1);
    if (last && Math.abs(run.y - last.y) <= last.size * 0.4 && run.x - (last.x + last.width) < last.size * 1.5) lines.at(-1)!.push(run);
    else lines.push([run]);
  }
  return lines.map((runs) => ({ runs, x: runs[0]!.x, y: runs[0]!.y, size: runs[0]!.size, text: joinLines(runs) }));
}

/** The middle of a line across the page (its runs' extent). */
const centre = (line: Line) => (line.x + Math.max(...line.runs.map((run) => run.x + run.width))) / 2;

const isPlaceholder = (text: string) => /^[-–—….\s]*$/.test(text);

/** Items of a list: numbered lines start an item ("1.", "a.", "-", "•"), other lines continue the one before. */
function listItems(lines: Line[]): string[] {
  const items: string[] = [];
  let numbered = false;
  for (const line of lines) {
    const marker = /^(\d{1,2}[.)]|[a-z][.)]|[-•·])\s*/i.exec(line.text);
    if (marker) {
      numbered = true;
      items.push(line.text.slice(marker[0].length).trim());
    } else if (items.length > 0 && (numbered || /^\p{Ll}/u.test(line.text))) items[items.length - 1] += ` ${line.text}`;
    else items.push(line.text);
  }
  // A marker standing alone on its line ("1." then the text as a run of its own) joins what follows it.
  return items.map((item) => item.trim()).filter((item) => !isPlaceholder(item));
}

/** The identity fields a page states, as a draft (empty when the page is not an identity page). */
export function readIdentity(texts: TextRun[]): SopIdentityDraft {
  const lines = linesOf(texts);
  const labels = lines.flatMap((line, index) => {
    const key = labelKey(line.runs[0]!.text);
    const inline = INLINE.find(([pattern]) => pattern.test(key))?.[1];
    const block = BLOCK.find(([pattern]) => pattern.test(key))?.[1];
    return inline || block ? [{ index, line, inline, block }] : [];
  });
  const draft: Record<string, unknown> = {};
  for (const label of labels) {
    const { line } = label;
    if (label.inline) {
      // The value beside the label on its line, after the colon.
      const beside = line.runs.slice(1).filter((run) => !/^[:：]$/.test(run.text.trim()));
      let value = joinLines(beside).replace(/^[:：]\s*/, '').trim();
      if (beside.length === 0) {
        // Laid out as columns: the runs of other lines on the label's baseline, right of it.
        const right = lines.filter((other) => other !== line && Math.abs(other.y - line.y) <= line.size * 0.4 && other.x > line.x && !/^[:：]$/.test(other.text));
        value = right.sort((a, b) => a.x - b.x)[0]?.text.replace(/^[:：]\s*/, '') ?? '';
      }
      if (label.inline === 'disahkanOleh') {
        const signer = official(lines, line, value, labels.map((l) => l.line));
        if (signer) draft.disahkanOleh = signer;
        continue;
      }
      if (isPlaceholder(value)) continue;
      draft[label.inline] = label.inline.startsWith('tanggal') ? readDate(value) : value;
      continue;
    }
    // A block: the lines below the label in its column, down to the next label in that column. The column is told by
    // the labels on the label's baseline: each line below belongs to the one whose middle is nearest its own, so a
    // label centred over its list ("Dasar Hukum:" centred) keeps the list that starts left of it.
    const peers = labels.filter((other) => other.block && Math.abs(other.line.y - line.y) <= line.size * 0.4);
    const mine = (other: Line) => {
      const middle = centre(other);
      return peers.reduce((best, peer) => (Math.abs(centre(peer.line) - middle) < Math.abs(centre(best.line) - middle) ? peer : best)) === label;
    };
    const below = labels.filter((other) => other.line.y > line.y + 1 && mine(other.line)).map((other) => other.line.y);
    const bottom = Math.min(...below, Infinity);
    const candidates = lines.filter((other) => other.y > line.y + 1 && other.y < bottom && mine(other));
    // The block ends at the first wide gap (what lies further down is not the field's: a footer, another table).
    const body: Line[] = [];
    for (const other of candidates) {
      const previous = body.at(-1) ?? line;
      if (other.y - previous.y > Math.max(previous.size, other.size) * 3) break;
      body.push(other);
    }
    const items = listItems(body);
    if (items.length === 0) continue;
    draft[label.block!] = label.block === 'peringatan' ? items.join(' ') : items;
  }
  const parsed = SopIdentityDraft.safeParse(draft);
  if (parsed.success) return parsed.data;
  // Keep every field that reads well on its own.
  return Object.fromEntries(Object.entries(draft).filter(([key, value]) => SopIdentityDraft.safeParse({ [key]: value }).success)) as SopIdentityDraft;
}

/** Disahkan oleh: the jabatan beside the label, then (under the space for the signature) nama, pangkat and NIP. */
function official(lines: Line[], label: Line, jabatan: string, labelLines: Line[]): SopIdentityDraft['disahkanOleh'] {
  const next = labelLines.filter((other) => other.y > label.y + 1 && Math.abs(other.x - label.x) < 2).map((other) => other.y);
  const bottom = Math.min(...next, Infinity);
  const valueX = lines.find((line) => line.text.trim() && line !== label && Math.abs(line.y - label.y) <= label.size * 0.4 && line.x > label.x + 5 && !/^[:：]$/.test(line.text))?.x ?? label.x;
  const below = lines.filter((line) => line.y > label.y + 1 && line.y < bottom && line.x >= valueX - 2 && !isPlaceholder(line.text));
  const nipLine = below.find((line) => /^nip\b/i.test(line.text));
  const digits = nipLine?.text.replace(/^nip\.?\s*:?\s*/i, '').trim();
  // Printed grouped ("19700101 199503 1 001"), stored as its 18 digits.
  const nip = digits && /^[\d\s]{18,}$/.test(digits) ? digits.replace(/\s+/g, '') : undefined;
  const rest = below.filter((line) => line !== nipLine && line.y < (nipLine?.y ?? Infinity));
  const result = {
    ...(jabatan && !isPlaceholder(jabatan) ? { jabatan: jabatan.trim() } : {}),
    ...(rest.length >= 1 ? { nama: rest.at(-2)?.text ?? rest[0]!.text } : {}),
    ...(rest.length >= 2 ? { pangkat: rest.at(-1)!.text } : {}),
    ...(nip ? { nip } : {}),
  };
  return Object.keys(result).length > 0 ? result : undefined;
}
