// The one-file multipart/form-data reader of the public check form: bodies as Node's own FormData encodes them (the
// same encoder family as browsers), and hand-written ones for the edge cases a browser or a client may send.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors';
import { boundaryOf, headerParams, parseMultipartFile } from '../../server/review/signature/multipart-file';

/** A body and its Content-Type exactly as fetch would send this form. */
async function encoded(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const response = new Response(form);
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type')! };
}

/** Bytes that look like multipart syntax: CRLFs, dashes, a fake boundary line, every byte value. */
const TRICKY = Buffer.concat([
  Buffer.from('%PDF-1.7\r\n--\r\n----WebKitFormBoundary\r\n\r\n'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from('\r\n--'),
]);

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error raised');
}

describe('parseMultipartFile', () => {
  it('reads the file of a FormData body byte for byte, with its name and type, ignoring the other fields', async () => {
    const form = new FormData();
    form.append('catatan', 'sebelum berkas\r\n--');
    form.append('berkas', new Blob([TRICKY], { type: 'application/pdf' }), 'SOP Pelayanan "Izin" – rev 3.pdf');
    form.append('sesudah', 'x');
    const { body, contentType } = await encoded(form);
    const file = parseMultipartFile(body, contentType, { field: 'berkas' });
    expect(file.field).toBe('berkas');
    expect(file.contentType).toBe('application/pdf');
    expect(Buffer.compare(file.bytes, TRICKY)).toBe(0);
    // Node's encoder writes a double quote in a filename as %22, as browsers do.
    expect(file.filename).toMatch(/^SOP Pelayanan (%22|")Izin(%22|") – rev 3\.pdf$/);
  });

  it('takes the first file part when no field is named, and the named one when it is', async () => {
    const form = new FormData();
    form.append('a', new Blob([Buffer.from('satu')]), 'a.bin');
    form.append('b', new Blob([Buffer.from('dua')]), 'b.bin');
    const { body, contentType } = await encoded(form);
    expect(parseMultipartFile(body, contentType).bytes.toString()).toBe('satu');
    expect(parseMultipartFile(body, contentType, { field: 'b' }).bytes.toString()).toBe('dua');
    expect(errorOf(() => parseMultipartFile(body, contentType, { field: 'c' })).code).toBe('FILE_MISSING');
  });

  it('reads a hand-written body: preamble, quoted boundary, filename*, escaped quote, no part Content-Type', () => {
    const body = Buffer.from(
      'ini pembuka yang diabaikan\r\n' +
        '--batas\r\nContent-Disposition: form-data; name="kode"\r\n\r\n7KQM-2XH9-RT4B\r\n' +
        '--batas\r\ncontent-disposition: form-data; name="berkas"; filename="a \\"b\\".pdf"; filename*=UTF-8\'\'S%C3%93P.pdf\r\n\r\nISI\r\n' +
        '--batas--\r\npenutup',
    );
    const file = parseMultipartFile(body, 'multipart/form-data; boundary="batas"');
    expect(file).toMatchObject({ field: 'berkas', filename: 'SÓP.pdf', contentType: 'application/octet-stream' });
    expect(file.bytes.toString()).toBe('ISI');
  });

  it('an empty file part (no file chosen in the browser) is FILE_MISSING, as is a form without a file', async () => {
    const empty = new FormData();
    empty.append('berkas', new Blob([]), '');
    const a = await encoded(empty);
    expect(errorOf(() => parseMultipartFile(a.body, a.contentType)).code).toBe('FILE_MISSING');
    const none = new FormData();
    none.append('kode', 'x');
    const b = await encoded(none);
    expect(errorOf(() => parseMultipartFile(b.body, b.contentType)).code).toBe('FILE_MISSING');
  });

  it('refuses a file over the limit with 413 FILE_TOO_LARGE, and accepts one exactly at it', async () => {
    const form = new FormData();
    form.append('berkas', new Blob([Buffer.alloc(1001, 7)]), 'besar.pdf');
    const { body, contentType } = await encoded(form);
    const error = errorOf(() => parseMultipartFile(body, contentType, { maxBytes: 1000 }));
    expect([error.status, error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(parseMultipartFile(body, contentType, { maxBytes: 1001 }).bytes.length).toBe(1001);
  });

  it('refuses a truncated body, a body without the boundary and broken delimiters with 400 MULTIPART_MALFORMED', async () => {
    const form = new FormData();
    form.append('berkas', new Blob([TRICKY]), 'a.pdf');
    const { body, contentType } = await encoded(form);
    for (const broken of [body.subarray(0, body.length - 40), Buffer.from('tidak ada batas sama sekali'), Buffer.from(body.toString('latin1').replace('\r\nContent-Disposition', 'XXContent-Disposition'), 'latin1')]) {
      const error = errorOf(() => parseMultipartFile(broken, contentType));
      expect([error.status, error.code]).toEqual([400, 'MULTIPART_MALFORMED']);
      expect(error.message).toMatch(/^Isi formulir tidak dapat dibaca/);
    }
  });

  it('refuses other content types with 415 and a multipart type without a boundary with 400', () => {
    expect(errorOf(() => parseMultipartFile(Buffer.from('x'), 'application/json')).status).toBe(415);
    expect(errorOf(() => parseMultipartFile(Buffer.from('x'), undefined)).status).toBe(415);
    expect(errorOf(() => parseMultipartFile(Buffer.from('x'), 'multipart/form-data')).code).toBe('MULTIPART_MALFORMED');
    expect(errorOf(() => boundaryOf(`multipart/form-data; boundary=${'a'.repeat(71)}`)).code).toBe('MULTIPART_MALFORMED');
  });
});

describe('headerParams', () => {
  it('splits a header into its value and parameters, unquoting and lower-casing names', () => {
    expect(headerParams('Multipart/Form-Data; Boundary=----abc; charset="utf-8"')).toEqual({ value: 'multipart/form-data', params: { boundary: '----abc', charset: 'utf-8' } });
    expect(headerParams('form-data; name="a;b"; filename="c\\\\d.pdf"').params).toEqual({ name: 'a;b', filename: 'c\\d.pdf' });
  });
});
