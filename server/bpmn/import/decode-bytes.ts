// Turns an uploaded file's bytes into text honestly: a byte-order mark, else the encoding the XML declaration names,
// else UTF-8; bytes that are not valid UTF-8 are replaced and said so (INVALID_UTF8), never in silence.
import { warning, type ImportWarning } from './import-warning';

export interface DecodedText {
  text: string;
  /** The encoding the text was read in (WHATWG label). */
  encoding: string;
  warnings: ImportWarning[];
}

/** The encoding named by `<?xml … encoding="…"?>` in the first bytes (ASCII-compatible encodings only). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase();
}

/** windows-1252's characters at 0x80–0x9F (undefined bytes stay as they are), per the WHATWG index. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node's TextDecoder decodes windows-1252 (and the labels mapped to it: iso-8859-1, latin1, ascii …) as ISO-8859-1,
 * leaving 0x80–0x9F as C1 controls; the standard maps them to € ‚ ƒ … Ÿ.
 */
function windows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  const declared = declaredEncoding(bytes);
  if (declared && !/^utf-?8$/.test(declared)) {
    if (supported(declared) && !declared.startsWith('utf-16')) {
      const decoder = new TextDecoder(declared);
      const text = decoder.decode(bytes);
      return { text: decoder.encoding === 'windows-1252' ? windows1252(text) : text, encoding: decoder.encoding, warnings: [] };
    }
    const result = utf8(bytes);
    result.warnings.unshift(
      warning(
        'UNKNOWN_ENCODING',
        `Berkas menyatakan pengodean "${declared}" yang tidak dikenal; berkas dibaca sebagai UTF-8.`,
        'Pengodean yang dinyatakan pada deklarasi XML tidak didukung.',
      ),
    );
    return result;
  }
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    const bad = invalidUtf8(bytes);
    const first = bad[0]!;
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      warnings: [
        warning(
          'INVALID_UTF8',
          `${bad.length} urutan bait bukan UTF-8 yang sah (pertama pada baris ${first.line}, bait ke-${first.offset}) diganti dengan tanda "\uFFFD".`,
          'Berkas dinyatakan atau dianggap UTF-8, tetapi memuat bait yang tidak sah dalam UTF-8; teks di tempat itu tidak dapat dibaca apa adanya. Berkas asli tetap disimpan.',
        ),
      ],
    };
  }
}

/** Where the invalid sequences of `bytes` start (byte offset from 0, line from 1), per the WHATWG UTF-8 decoder. */
export function invalidUtf8(bytes: Uint8Array): { offset: number; line: number }[] {
  const found: { offset: number; line: number }[] = [];
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const c = bytes[i + k]!;
      let lo = 0x80;
      let hi = 0xbf;
      if (k === 1) {
        if (b === 0xe0) lo = 0xa0;
        if (b === 0xed) hi = 0x9f;
        if (b === 0xf0) lo = 0x90;
        if (b === 0xf4) hi = 0x8f;
      }
      if (c < lo || c > hi) ok = false;
    }
    if (ok) {
      i += length;
    } else {
      found.push({ offset: i, line });
      i++;
    }
  }
  return found;
}
