// Checks untrusted XML before any BPMN parser sees it: size, no DOCTYPE or entities, well-formed, BPMN root.
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
    // The rest of the document is checked for well-formedness only.
    parser.on('opentag', () => undefined);
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
