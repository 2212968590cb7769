// Bytes to text as the import reads them: BOM, then the declared encoding, then strict UTF-8, and a warning that
// says where and how much when bytes are not valid UTF-8.
import { describe, expect, it } from 'vitest';
import { decodeBytes, invalidUtf8 } from '../../server/bpmn/import/decode-bytes';
import { readImport } from '../../server/bpmn/import/import-pipeline';
import { DEFAULT_PROFILE } from '../../server/domain/vocabulary';
import { minimalBpmn } from '../helpers/fixtures';

const utf16 = (text: string, bigEndian: boolean) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
  }
  return bytes;
};

describe('decodeBytes', () => {
  const xml = minimalBpmn('Periksa berkas Pák Dédé').replace('encoding="UTF-8"', 'encoding="UTF-16"');

  it('reads UTF-16 with either byte order mark, and UTF-8 with one', () => {
    expect(decodeBytes(utf16(xml, false))).toMatchObject({ text: xml, encoding: 'utf-16le', warnings: [] });
    expect(decodeBytes(utf16(xml, true))).toMatchObject({ text: xml, encoding: 'utf-16be', warnings: [] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(minimalBpmn('Pák'))]);
    expect(decodeBytes(bom)).toMatchObject({ text: minimalBpmn('Pák'), encoding: 'utf-8', warnings: [] });
  });

  it('reads the encoding the XML declaration names', () => {
    const cp1252 = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><a n="'), 0x80, 0xe9, ...new TextEncoder().encode('"/>')]);
    expect(decodeBytes(cp1252).text).toBe('<?xml version="1.0" encoding="windows-1252"?><a n="€é"/>');
  });

  it('says where bytes are not valid UTF-8 and how many, and replaces them', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<a>\n<b>'), 0xc3, 0x28, 0x41, 0xed, 0xa0, 0x80, ...new TextEncoder().encode('</b></a>')]);
    expect(invalidUtf8(bytes)).toEqual([
      { offset: 7, line: 2 },
      { offset: 10, line: 2 },
      { offset: 11, line: 2 },
      { offset: 12, line: 2 },
    ]);
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe(new TextDecoder().decode(bytes));
    expect(decoded.warnings).toHaveLength(1);
    expect(decoded.warnings[0]).toMatchObject({ code: 'INVALID_UTF8' });
    expect(decoded.warnings[0]!.what).toMatch(/^4 urutan bait .* baris 2, bait ke-7\)/);
  });

  it('falls back to UTF-8 for an encoding it does not know, and says so', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="x-unknown-42"?><a/>');
    expect(decodeBytes(bytes).warnings.map((w) => w.code)).toEqual(['UNKNOWN_ENCODING']);
  });

  it('imports a UTF-16 file as its text', async () => {
    const { xml: stored, warnings } = await readImport({ bytes: utf16(xml, false), given: {}, defaultProfile: DEFAULT_PROFILE, defaultName: 'x' });
    expect(warnings).toEqual([]);
    expect(stored).toContain('name="Periksa berkas Pák Dédé"');
  });
});
