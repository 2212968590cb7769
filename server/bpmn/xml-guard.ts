// Checks untrusted XML before any BPMN parser sees it: size, no DOCTYPE or entities, well-formed, BPMN root, and the
// structural limits (depth, attributes per element, elements) that bound what bpmn-moddle and the linter do with it.
import { SaxesParser } from 'saxes';
import { AppError } from '../errors';

export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Largest BPMN document accepted, in bytes (UTF-8). */
export const MAX_XML_BYTES = 10 * 1024 * 1024;

/**
 * The UTF-8 size of `xml`, without Node's Buffer: this guard also runs in the browser's lint worker. A string
 * of n UTF-16 units takes n to 3n bytes, so only a string near the limit is encoded to count.
 */
function exceedsLimit(xml: string): boolean {
  if (xml.length > MAX_XML_BYTES) return true;
  if (xml.length * 3 <= MAX_XML_BYTES) return false;
  return new TextEncoder().encode(xml).byteLength > MAX_XML_BYTES;
}

/**
 * Structural limits of an accepted BPMN document, checked while streaming, before bpmn-moddle parses it (docs/security.md).
 * Generous: the deepest file of the MIWG corpus and processes/ nests 11 elements, the widest element has 42 attributes,
 * the largest file has 3,228 elements (test/bpmn/xml-limits.test.ts keeps every one of them accepted).
 */
export const XML_LIMITS = {
  /** Elements nested inside one another, the root counting as 1. */
  maxDepth: 64,
  /** Attributes of one element, namespace declarations included. */
  maxAttributesPerElement: 256,
  /** Elements in the whole document. */
  maxElements: 100_000,
  /** A re-serialised document (an import stamped with sk: attributes) must still be one the guard accepts. */
  maxOutputBytes: MAX_XML_BYTES,
} as const;

const formatCount = (n: number) => n.toLocaleString('id-ID');

export function assertXmlSize(xml: string): void {
  if (exceedsLimit(xml)) {
    throw new AppError(
      413,
      'BODY_TOO_LARGE',
      `Berkas BPMN terlalu besar: batasnya ${MAX_XML_BYTES / 1024 / 1024} MB.`,
      { limitBytes: MAX_XML_BYTES },
    );
  }
}

/**
 * Throws AppError XML_DOCTYPE_FORBIDDEN, XML_MALFORMED (with line and column) or BPMN_INVALID.
 * saxes never expands entities declared in a DTD; refusing every DOCTYPE keeps it that way downstream too.
 */
export function assertSafeBpmnXml(xml: string): void {
  assertXmlSize(xml);
  if (xml.trim() === '') {
    throw new AppError(400, 'XML_MALFORMED', 'Berkas BPMN kosong.', { line: 1, column: 1 });
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  let rootSeen = false;
  parser.on('doctype', () => {
    throw new AppError(
      400,
      'XML_DOCTYPE_FORBIDDEN',
      `Berkas XML memuat deklarasi DOCTYPE atau entitas (baris ${parser.line}); demi keamanan berkas seperti itu ditolak.`,
      { line: parser.line },
    );
  });
  let depth = 0;
  let elements = 0;
  let attributes = 0;
  parser.on('opentagstart', () => {
    attributes = 0;
    depth += 1;
    elements += 1;
    if (depth > XML_LIMITS.maxDepth) {
      throw new AppError(
        413,
        'XML_TOO_DEEP',
        `Berkas BPMN bersarang terlalu dalam (baris ${parser.line}): batasnya ${formatCount(XML_LIMITS.maxDepth)} tingkat elemen.`,
        { limit: XML_LIMITS.maxDepth, line: parser.line },
      );
    }
    if (elements > XML_LIMITS.maxElements) {
      throw new AppError(
        413,
        'XML_TOO_MANY_ELEMENTS',
        `Berkas BPMN memuat terlalu banyak elemen: batasnya ${formatCount(XML_LIMITS.maxElements)} elemen.`,
        { limit: XML_LIMITS.maxElements, line: parser.line },
      );
    }
  });
  parser.on('attribute', () => {
    attributes += 1;
    if (attributes > XML_LIMITS.maxAttributesPerElement) {
      throw new AppError(
        413,
        'XML_TOO_MANY_ATTRIBUTES',
        `Sebuah elemen berkas BPMN memuat terlalu banyak atribut (baris ${parser.line}): batasnya ` +
          `${formatCount(XML_LIMITS.maxAttributesPerElement)} atribut per elemen.`,
        { limit: XML_LIMITS.maxAttributesPerElement, line: parser.line },
      );
    }
  });
  // saxes emits closetag for self-closing tags too.
  parser.on('closetag', () => {
    depth -= 1;
  });
  parser.on('opentag', (tag) => {
    if (rootSeen) return;
    rootSeen = true;
    if (tag.local !== 'definitions' || tag.uri !== BPMN_MODEL_NS) {
      throw new AppError(
        400,
        'BPMN_INVALID',
        `Berkas ini bukan dokumen BPMN 2.0: elemen akarnya <${tag.name}>, seharusnya <bpmn:definitions> ` +
          `dengan namespace ${BPMN_MODEL_NS}.`,
      );
    }
    // The rest of the document is checked for well-formedness and the limits only.
    parser.off('opentag');
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = (error as Error).message.replace(/^[^:]*:\d+:\d+:\s*/, '');
    throw new AppError(
      400,
      'XML_MALFORMED',
      `Berkas BPMN bukan XML yang tersusun benar: kesalahan pada baris ${parser.line}, kolom ${parser.column + 1}.`,
      { line: parser.line, column: parser.column + 1, reason },
    );
  }
  if (!rootSeen) {
    throw new AppError(400, 'XML_MALFORMED', 'Berkas XML tidak memiliki elemen akar.', { line: parser.line, column: 1 });
  }
}

/** XML_OUTPUT_TOO_LARGE when a document we re-serialised (an import stamped with sk: attributes) exceeds the limit. */
export function assertOutputSize(xml: string): void {
  if (xml.length * 3 <= XML_LIMITS.maxOutputBytes) return;
  const bytes = new TextEncoder().encode(xml).byteLength;
  if (bytes <= XML_LIMITS.maxOutputBytes) return;
  throw new AppError(
    413,
    'XML_OUTPUT_TOO_LARGE',
    `Berkas BPMN menjadi terlalu besar setelah ditulis ulang (${(bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB): batasnya ` +
      `${XML_LIMITS.maxOutputBytes / 1024 / 1024} MB.`,
    { limitBytes: XML_LIMITS.maxOutputBytes, bytes },
  );
}
