// What bpmn-js (and bpmn-moddle beneath it) warned about while opening a map, in Indonesian for the user: which
// element, and what was skipped or corrected. Pure (no DOM, no bpmn-js): the warnings are plain objects.

/** One warning as shown: the element it concerns (id or a label) and what happened to it. */
export interface OpenWarning {
  element: string;
  what: string;
}

/** A warning as bpmn-js hands it over: moddle's `{ message, element?, property?, value? }` or the importer's `{ message, context }`. */
interface RawWarning {
  message?: unknown;
  element?: { id?: unknown; $type?: unknown };
  context?: { element?: { id?: unknown; $type?: unknown }; error?: unknown };
  value?: unknown;
  property?: unknown;
}

const TAG = /<([\w.:-]+)(?:\s+id="([^"]*)")?[^>]*>/;

/** "<bpmn:Task id="T1" />" → "T1"; without an id, the type. */
function tagToElement(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const match = TAG.exec(tag);
  if (!match) return tag;
  return match[2] || match[1];
}

function elementOf(raw: RawWarning): string | undefined {
  const element = raw.element ?? raw.context?.element;
  if (element && typeof element.id === 'string' && element.id) return element.id;
  if (element && typeof element.$type === 'string') return element.$type;
  return undefined;
}

interface Rule {
  pattern: RegExp;
  /** Element named in the message (when the warning carries none) and the Indonesian text. */
  describe(match: RegExpExecArray): { element?: string; what: string };
}

const RULES: Rule[] = [
  {
    pattern: /^unparsable content (<[^>\s]+>)?.*?nested error: unknown type <([^>]+)>/s,
    describe: (m) => ({ element: m[1], what: `Elemen bertipe ${m[2]} tidak dikenal BPMN 2.0 dan dilewati.` }),
  },
  {
    pattern: /^unparsable content (<[^>\s]+>)?.*?nested error: unrecognized element <([^>]+)>/s,
    describe: (m) => ({ element: m[1], what: `Elemen <${m[2]}> tidak dikenal di tempat ini dan dilewati.` }),
  },
  {
    pattern: /^unparsable content (<[^>\s]+>)?.*?nested error: (.*)$/s,
    describe: (m) => ({ element: m[1], what: `Isi berkas ini tidak dapat dibaca dan dilewati (${m[2]!.trim()}).` }),
  },
  { pattern: /^unparsable content/, describe: () => ({ what: 'Sebagian isi berkas tidak dapat dibaca dan dilewati.' }) },
  { pattern: /^unknown attribute <([^>]+)>/, describe: (m) => ({ what: `Atribut ${m[1]} tidak dikenal; diabaikan.` }) },
  { pattern: /^unresolved reference <([^>]+)>/, describe: (m) => ({ what: `Rujukan ke “${m[1]}” tidak menemukan elemen; rujukan itu dilewati.` }) },
  {
    pattern: /^unsupported document encoding <([^>]+)>/,
    describe: (m) => ({ element: 'Berkas', what: `Pengodean ${m[1]} tidak didukung; berkas dibaca sebagai UTF-8.` }),
  },
  {
    pattern: /^multiple DI elements defined for (<[^>]+>)/,
    describe: (m) => ({ element: tagToElement(m[1]), what: 'Elemen ini digambar lebih dari sekali; hanya gambar pertamanya yang ditampilkan.' }),
  },
  {
    pattern: /^no bpmnElement referenced in (<[^>]+>)/,
    describe: (m) => ({ element: tagToElement(m[1]), what: 'Gambar ini tidak merujuk elemen BPMN mana pun; tidak ditampilkan.' }),
  },
  {
    pattern: /^correcting missing bpmnElement on (<[^>]+>) to (<[^>]+>)/,
    describe: (m) => ({ element: tagToElement(m[1]), what: `Bidang gambar tanpa rujukan; ditampilkan sebagai ${tagToElement(m[2])}.` }),
  },
  {
    pattern: /^element (<[^>]+>) referenced by (<[^>]+>)#(\w+) not yet drawn/,
    describe: (m) => ({ element: tagToElement(m[2]), what: `Tidak digambar: ujungnya (${tagToElement(m[1])}) tidak ada pada diagram.` }),
  },
  {
    pattern: /^unknown di (<[^>]+>) for element (<[^>]+>)/,
    describe: (m) => ({ element: tagToElement(m[2]), what: `Gambar ${tagToElement(m[1])} tidak cocok untuk jenis elemen ini; tidak ditampilkan.` }),
  },
  {
    pattern: /^missing (<[^>]+>)#attachedToRef/,
    describe: (m) => ({ element: tagToElement(m[1]), what: 'Peristiwa batas tanpa aktivitas induk; tidak ditampilkan.' }),
  },
  {
    pattern: /^(<[^>]+>)#(source|target) ?Ref not specified/,
    describe: (m) => ({ element: tagToElement(m[1]), what: `Alur tanpa ${m[2] === 'source' ? 'asal' : 'tujuan'}; tidak digambar.` }),
  },
  {
    pattern: /^unrecognized flowElement (<[^>]+>)/,
    describe: (m) => ({ element: tagToElement(m[1]), what: 'Jenis elemen alur ini tidak dapat digambar; tidak ditampilkan.' }),
  },
];

/** Indonesian text for one warning bpmn-js gave on open; an unforeseen message is kept (in English) rather than lost. */
export function describeOpenWarning(warning: unknown): OpenWarning {
  const raw: RawWarning = typeof warning === 'object' && warning !== null ? (warning as RawWarning) : { message: String(warning) };
  const message = typeof raw.message === 'string' ? raw.message : String(raw.message ?? '');
  const element = elementOf(raw);
  for (const rule of RULES) {
    const match = rule.pattern.exec(message);
    if (!match) continue;
    const described = rule.describe(match);
    return { element: element ?? tagToElement(described.element) ?? 'Diagram', what: described.what };
  }
  // bpmn-js failed on one element while drawing it (its renderer or a listener threw): the element is left out.
  if (raw.context?.error !== undefined && element) return { element, what: `Elemen ini tidak dapat digambar dan tidak ditampilkan (${message.split('\n')[0]}).` };
  return { element: element ?? 'Diagram', what: `Peringatan saat membuka: ${message.split('\n')[0]}` };
}

/** All warnings, each once (a file repeats the same problem on many elements; identical lines are merged). */
export function describeOpenWarnings(warnings: readonly unknown[]): OpenWarning[] {
  const seen = new Set<string>();
  const described: OpenWarning[] = [];
  for (const warning of warnings) {
    const one = describeOpenWarning(warning);
    const key = `${one.element}\u0000${one.what}`;
    if (seen.has(key)) continue;
    seen.add(key);
    described.push(one);
  }
  return described;
}

/** The flow nodes a model holds (in processes and in sub-processes), whether or not its diagram draws them. */
export function countFlowNodes(definitions: unknown): number {
  let count = 0;
  const seen = new Set<unknown>();
  const visit = (container: { flowElements?: unknown }) => {
    if (seen.has(container)) return;
    seen.add(container);
    for (const element of (container.flowElements as Array<{ $type?: string; flowElements?: unknown }> | undefined) ?? []) {
      if (element.$type !== 'bpmn:SequenceFlow' && !/DataObject|DataStore/.test(element.$type ?? '')) count++;
      if (element.flowElements) visit(element);
    }
  };
  const roots = (definitions as { rootElements?: Array<{ $type?: string; flowElements?: unknown }> } | undefined)?.rootElements ?? [];
  for (const root of roots) if (root.$type === 'bpmn:Process') visit(root);
  return count;
}

/** The sentence for a model that holds flow nodes none of which the diagram draws. */
export function blankCanvasMessage(flowNodes: number): string {
  return `Berkas ini memuat ${flowNodes} elemen alur, tetapi diagramnya tidak menggambar satu pun, sehingga kanvas tampak kosong. ` +
    'Gambar pada berkas asal hilang atau merujuk bagian lain dari model; elemennya tetap tersimpan, tetapi perlu digambar ulang.';
}
