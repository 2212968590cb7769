// The size ceiling of every stored JSON document, checked before a write (validated-json-file.ts): a change that would
// make a document larger is refused with 413 DOCUMENT_TOO_LARGE and nothing is written. docs/security.md lists them.
import { AppError } from '../errors';

const MB = 1024 * 1024;

export const DOCUMENT_LIMITS = {
  /** maps/<id>.json: the map and its revision records (about 300 bytes each). */
  map: { maxBytes: 8 * MB, label: 'peta proses' },
  /** sop/<id>.json: every saved version of a map's SOP identity (at most ≈ 110 KB each, see identity.schema.ts). */
  sop: { maxBytes: 16 * MB, label: 'SOP' },
  /** review/<id>.json: lifecycle, comments, signatures, monitoring and evaluation forms of one map. */
  review: { maxBytes: 16 * MB, label: 'catatan reviu' },
  /** accounts.json: users and live sessions. */
  accounts: { maxBytes: 16 * MB, label: 'akun' },
  /** letterheads.json: one letterhead per unit, each with a logo of at most 200 KB (≈ 270 KB in base64). */
  letterheads: { maxBytes: 64 * MB, label: 'kop surat' },
  /** settings.json: the settings an administrator confirms (the public address). */
  settings: { maxBytes: 1 * MB, label: 'pengaturan' },
} as const satisfies Record<string, DocumentLimit>;

export interface DocumentLimit {
  maxBytes: number;
  /** The document's name in the refusal, in Bahasa Indonesia. */
  label: string;
}

const inMb = (bytes: number) => (bytes / MB).toLocaleString('id-ID', { maximumFractionDigits: 1 });

export const documentTooLarge = (limit: DocumentLimit, bytes: number) =>
  new AppError(
    413,
    'DOCUMENT_TOO_LARGE',
    `Perubahan tidak disimpan: dokumen ${limit.label} akan menjadi ${inMb(bytes)} MB, melebihi batas ${inMb(limit.maxBytes)} MB per dokumen.`,
    { bytes, maxBytes: limit.maxBytes },
  );
