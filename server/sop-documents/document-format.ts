// Which kind of document an upload is, from its first bytes (never its name): a PDF, a Word/Excel file (.docx/.xlsx
// are ZIP packages, .doc/.xls OLE compound files), or neither (then it is read as BPMN).
export type DocumentFormat = 'pdf' | 'office-open-xml' | 'office-binary';

/** What the bytes look like: a PDF, a Word/Excel file (.docx/.xlsx are ZIP packages, .doc/.xls OLE files), or neither. */
export function sniffDocument(bytes: Uint8Array): DocumentFormat | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  // A PDF's header may follow some bytes of junk; an XML file that mentions "%PDF-" is still XML.
  if (/%PDF-\d\.\d/.test(head) && !/^(\uFEFF|ï»¿)?\s*</.test(head)) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'office-open-xml';
  if ([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b)) return 'office-binary';
  return undefined;
}

