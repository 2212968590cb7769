// bpmn-moddle's import warnings (unknown elements and attributes, unresolved references) as ImportWarnings in Indonesian.
import type { ModdleElement } from 'bpmn-moddle';
import { warning, type ImportWarning } from './import-warning';
import { attribute, elementsOf, type XmlElement } from './xml-tree';

interface ModdleWarning {
  message: string;
  element?: ModdleElement;
  property?: string;
  value?: string;
}

const nameOf = (e: ModdleElement | undefined) => (e && typeof e.id === 'string' ? e.id : e ? `<${e.$type}>` : undefined);

export function fromModdleWarnings(moddleWarnings: ModdleWarning[], tree: XmlElement): ImportWarning[] {
  const out: ImportWarning[] = [];
  // Unknown attributes are kept as they are: one warning per attribute name, not one per element carrying it.
  const unknownAttributes = new Map<string, string[]>();
  for (const w of moddleWarnings) {
    const message = w.message;
    if (message.startsWith('unsupported document encoding')) continue;
    let match: RegExpExecArray | null;
    if ((match = /^unknown attribute <(.+)>$/.exec(message))) {
      const holders = unknownAttributes.get(match[1]!) ?? [];
      holders.push(nameOf(w.element) ?? '?');
      unknownAttributes.set(match[1]!, holders);
    } else if ((match = /^unresolved reference <(.+)>$/.exec(message))) {
      out.push(
        warning(
          'UNRESOLVED_REFERENCE',
          `Rujukan "${(w.property ?? '').replace(/^bpmn(di)?:/, '')}" ke "${match[1]}" dihapus.`,
          `Tidak ada elemen dengan id "${match[1]}" dalam berkas.`,
          nameOf(w.element),
        ),
      );
    } else if ((match = /^unparsable content (?:<(.+?)> )?detected\n\tline: (\d+)\n\tcolumn: \d+\n\tnested error: ([^\n]*)/.exec(message))) {
      const tag = match[1];
      const source = tag ? findElement(tree, tag, Number(match[2])) : undefined;
      const id = source ? attribute(source, 'id') : undefined;
      const nested = match[3] ?? '';
      const unknownType = /^unknown type <(.+)>$/.exec(nested);
      out.push(
        warning(
          unknownType ? 'UNKNOWN_ELEMENT' : 'UNPARSABLE_ELEMENT',
          `Elemen <${tag ?? '?'}>${id ? ` "${id}"` : ''} (baris ${match[2]}) beserta isinya tidak disimpan.`,
          unknownType
            ? `Jenis elemen ${unknownType[1]} tidak dikenal dalam BPMN 2.0 maupun ekstensi yang dikenal Petakerja.`
            : `Isinya tidak dapat dibaca sebagai BPMN 2.0 (${nested}).`,
          id ?? (tag ? `<${tag}> baris ${match[2]}` : undefined),
        ),
      );
    } else {
      out.push(warning('IMPORT_NOTICE', `Pembaca BPMN melaporkan: ${message.split('\n')[0]}`, 'Bagian berkas ini mungkin tidak terbaca utuh.', nameOf(w.element)));
    }
  }
  for (const [name, holders] of unknownAttributes) {
    const shown = holders.slice(0, 3).join(', ') + (holders.length > 3 ? ', …' : '');
    out.push(
      warning(
        'UNKNOWN_ATTRIBUTE',
        `Atribut "${name}" tidak dikenal pada ${holders.length} elemen (${shown}); disimpan apa adanya, tetapi tidak dipakai Petakerja.`,
        'Atribut ini tidak ada dalam skema BPMN 2.0 untuk elemen itu; biasanya tambahan pemodel asalnya.',
        holders[0],
      ),
    );
  }
  return out;
}

/** The element named `tag` whose start tag is nearest after `line` (moddle reports where the tag starts). */
function findElement(tree: XmlElement, tag: string, line: number): XmlElement | undefined {
  let best: XmlElement | undefined;
  for (const element of elementsOf(tree)) {
    if (element.name !== tag || element.line < line) continue;
    if (!best || element.line < best.line) best = element;
  }
  return best;
}
