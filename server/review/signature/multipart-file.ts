// A minimal reader of multipart/form-data (RFC 7578) for a form that posts one file: the public page's "check your
// PDF" form, which works without page script. The body is already buffered (express.raw with a limit); this finds the
// file part and returns its bytes, refusing a malformed or truncated body, a missing file and one over the limit.
import { AppError } from '../../errors';

/** The largest file accepted: a signed SOP or its scan. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Room for the part headers and the other fields of the form around the file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface MultipartFile {
  /** The form field's name. */
  field: string;
  /** The file's name as the browser sent it (may be ''). */
  filename: string;
  /** The part's Content-Type, 'application/octet-stream' when absent. */
  contentType: string;
  bytes: Buffer;
}

const malformed = (why: string) =>
  new AppError(400, 'MULTIPART_MALFORMED', `Isi formulir tidak dapat dibaca (${why}). Muat ulang halaman lalu kirim berkas lagi.`);

export const fileMissing = () => new AppError(400, 'FILE_MISSING', 'Tidak ada berkas yang dikirim. Pilih berkas lalu kirim lagi.');

export const fileTooLarge = (maxBytes: number = MAX_FILE_BYTES) =>
  new AppError(413, 'FILE_TOO_LARGE', `Berkas terlalu besar: paling besar ${Math.round(maxBytes / (1024 * 1024))} MB.`);

/**
 * Splits a header value into its first token and its parameters:
 * `form-data; name="berkas"; filename="a \"b\".pdf"` → { value: 'form-data', params: { name, filename } }.
 * Parameter names are lower-cased; quoted strings are unquoted (a backslash escapes the next character).
 */
export function headerParams(header: string): { value: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const semicolon = header.indexOf(';');
  const value = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  let i = semicolon < 0 ? header.length : semicolon + 1;
  while (i < header.length) {
    const equals = header.indexOf('=', i);
    if (equals < 0) break;
    const name = header.slice(i, equals).trim().replace(/^;+/, '').trim().toLowerCase();
    i = equals + 1;
    while (header[i] === ' ' || header[i] === '\t') i += 1;
    let text = '';
    if (header[i] === '"') {
      i += 1;
      while (i < header.length && header[i] !== '"') {
        if (header[i] === '\\' && i + 1 < header.length) i += 1;
        text += header[i];
        i += 1;
      }
      i += 1; // the closing quote
      const next = header.indexOf(';', i);
      i = next < 0 ? header.length : next + 1;
    } else {
      const next = header.indexOf(';', i);
      text = header.slice(i, next < 0 ? header.length : next).trim();
      i = next < 0 ? header.length : next + 1;
    }
    if (name && !(name in params)) params[name] = text;
  }
  return { value, params };
}

/** The boundary of a multipart/form-data Content-Type; 415 for any other type, 400 when it has none. */
export function boundaryOf(contentType: string | undefined): string {
  const { value, params } = headerParams(contentType ?? '');
  if (value !== 'multipart/form-data') {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Formulir harus dikirim sebagai multipart/form-data.');
  }
  const boundary = params.boundary;
  // RFC 2046 §5.1.1: 1 to 70 characters.
  if (!boundary || boundary.length > 70) throw malformed('batas bagian tidak ada');
  return boundary;
}

/** `filename*=UTF-8''…` (RFC 5987) when present, else `filename`. */
function fileNameOf(params: Record<string, string>): string | undefined {
  const extended = params['filename*'];
  if (extended) {
    const match = /^utf-8''(.*)$/i.exec(extended);
    if (match) {
      try {
        return decodeURIComponent(match[1]!);
      } catch {
        // fall back to the plain parameter
      }
    }
  }
  return params.filename;
}

interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 8 * 1024;

function* partsOf(body: Buffer, boundary: string): Generator<Part> {
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter opens the body or follows a preamble line.
  let pos: number;
  if (body.subarray(0, delimiter.length).equals(delimiter)) pos = delimiter.length;
  else {
    const first = body.indexOf(next);
    if (first < 0) throw malformed('batas bagian tidak ditemukan');
    pos = first + next.length;
  }
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return; // "--": the closing delimiter
    while (body[pos] === 0x20 || body[pos] === 0x09) pos += 1; // transport padding
    if (!body.subarray(pos, pos + 2).equals(CRLF)) throw malformed('batas bagian rusak');
    pos += 2;
    const headerEnd = body.indexOf(HEADER_END, pos);
    if (headerEnd < 0 || headerEnd - pos > MAX_HEADER_BYTES) throw malformed('kepala bagian tidak lengkap');
    const headers: Record<string, string> = {};
    for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const start = headerEnd + HEADER_END.length;
    const end = body.indexOf(next, start);
    if (end < 0) throw malformed('isi terpotong');
    yield { headers, body: body.subarray(start, end) };
    pos = end + next.length;
  }
}

/**
 * The file posted in a multipart/form-data body: the first part with a filename (and, when `field` is given, that
 * field's name). Browsers send an empty part with an empty filename when no file was chosen: that is FILE_MISSING.
 */
export function parseMultipartFile(body: Uint8Array, contentType: string | undefined, options: { field?: string; maxBytes?: number } = {}): MultipartFile {
  const boundary = boundaryOf(contentType);
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  for (const part of partsOf(buffer, boundary)) {
    const disposition = headerParams(part.headers['content-disposition'] ?? '');
    if (disposition.value !== 'form-data') continue;
    const field = disposition.params.name ?? '';
    const filename = fileNameOf(disposition.params);
    if (filename === undefined || (options.field !== undefined && field !== options.field)) continue;
    if (part.body.length === 0) throw fileMissing();
    if (part.body.length > maxBytes) throw fileTooLarge(maxBytes);
    return { field, filename, contentType: part.headers['content-type']?.toLowerCase() || 'application/octet-stream', bytes: part.body };
  }
  throw fileMissing();
}
