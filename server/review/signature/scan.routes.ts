// Signed-in routes of a map's signed SOPs (mounted under /api with session and CSRF): the final PDF as stored, and the
// wet-signed or e-signed scan uploaded back and kept with the record (issue 6). The review service does the data
// access (deps); these routes check the permission, the role, the file's type by its first bytes, and its size.
import express, { type ErrorRequestHandler, type RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { PublicUser, Role } from '../../accounts/accounts.records';
import { forbidden } from '../../accounts/permissions';
import { AppError } from '../../errors';
import { actor, permit } from '../../http/auth';
import { validated } from '../../http/validated';
import { MapId, Sha256 } from '../../store/records';
import { safeFileNamePart, sopFileName } from '../../sop/file-name';
import { VerificationCode, type Signature, type StoredFile } from '../review.schema';
import { fileTooLarge, MAX_FILE_BYTES } from './multipart-file';

export type ScanContentType = StoredFile['contentType'];

export interface ScanUpload {
  bytes: Uint8Array;
  contentType: ScanContentType;
  /** The original file name (X-Nama-Berkas), cleaned; a default when none was sent. */
  name: string;
}

export interface SignatureFilesDeps {
  /** The signed SOP `code` of map `mapId` as `actor` may see it (FORBIDDEN_UNIT, NOT_FOUND as for the map). */
  signature(actor: PublicUser, mapId: string, code: string): Promise<Signature>;
  /** Stores the scan (ReviewStore.putFile) and appends it to the signature's `scans`; the signature as it is now. */
  addScan(actor: PublicUser, mapId: string, code: string, file: ScanUpload): Promise<Signature>;
  /** The stored bytes of a file by its sha256. */
  readFile(sha256: string): Promise<Uint8Array>;
}

/** Who may upload the signed scan: the signatory's office, the drafter, or an administrator. */
export const SCAN_ROLES: readonly Role[] = ['pengesah', 'penyusun', 'admin'];
export const NAME_HEADER = 'x-nama-berkas';

const SignatureParams = z.object({ id: MapId, code: VerificationCode });
const ScanParams = SignatureParams.extend({ sha256: Sha256 });

const EXTENSIONS: Record<ScanContentType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The type of a file by its first bytes: %PDF-, the PNG signature, or a JPEG's FF D8 FF; undefined for anything else. */
export function sniffScanType(bytes: Uint8Array): ScanContentType | undefined {
  const starts = (signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return undefined;
}

const scanTypeRefused = () =>
  new AppError(415, 'SCAN_TYPE', 'Berkas pindaian harus berupa PDF, PNG atau JPEG (isi berkas diperiksa, bukan hanya namanya).');

/**
 * The name sent in X-Nama-Berkas (percent-encoded UTF-8 when it is not ASCII, as a header must be), without folders
 * or control characters, at most 200 characters; `fallback` when none.
 */
export function scanName(header: string | string[] | undefined, fallback: string): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return fallback;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // not percent-encoded: keep as sent
  }
  name = name.replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop()!.trim();
  return name ? name.slice(0, 200) : fallback;
}

/** Content-Disposition with an ASCII file name and the original in UTF-8 (RFC 6266). */
export function attachment(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  const base = safeFileNamePart(dot > 0 ? name.slice(0, dot) : name, 100) || 'berkas';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${base}.${extension}"; filename*=UTF-8''${encoded}`;
}

/** The body parser's refusal of an oversize upload, in the words of the file limit. */
const tooLarge: ErrorRequestHandler = (error, _req, _res, next) => {
  next((error as { type?: unknown } | null)?.type === 'entity.too.large' ? fileTooLarge() : error);
};

const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function signatureFilesRouter(deps: SignatureFilesDeps): Router {
  const router = Router();

  router.get('/maps/:id/signatures/:code/pdf', permit('maps:read'), validated({ params: SignatureParams }, async ({ params }, req, res) => {
    const signature = await deps.signature(actor(req), params.id, params.code);
    const bytes = await deps.readFile(signature.pdf.sha256);
    res.set('Content-Disposition', `attachment; filename="${sopFileName(signature.title, signature.revision)}"`);
    res.type('application/pdf').send(bufferOf(bytes));
  }));

  const scanBody = express.raw({ type: Object.keys(EXTENSIONS), limit: MAX_FILE_BYTES });
  // The role before the body: a refused user's upload is not read into memory.
  const scanRole: RequestHandler = (req, _res, next) => {
    if (!actor(req).roles.some((role) => SCAN_ROLES.includes(role))) throw forbidden();
    next();
  };
  router.post('/maps/:id/signatures/:code/scans', permit('maps:read'), scanRole, scanBody, validated({ params: SignatureParams }, async ({ params }, req, res) => {
    if (!Buffer.isBuffer(req.body)) throw scanTypeRefused();
    if (req.body.length === 0) throw new AppError(400, 'FILE_MISSING', 'Berkas pindaian kosong. Pilih berkas lalu unggah lagi.');
    const sniffed = sniffScanType(req.body);
    if (!sniffed || !req.is(sniffed)) throw scanTypeRefused();
    const name = scanName(req.headers[NAME_HEADER], `pindaian-${params.code}.${EXTENSIONS[sniffed]}`);
    const signature = await deps.addScan(actor(req), params.id, params.code, { bytes: req.body, contentType: sniffed, name });
    res.status(201).json({ signature });
  }), tooLarge);

  router.get('/maps/:id/signatures/:code/scans/:sha256', permit('maps:read'), validated({ params: ScanParams }, async ({ params }, req, res) => {
    const signature = await deps.signature(actor(req), params.id, params.code);
    const scan = signature.scans.find((file) => file.sha256 === params.sha256);
    if (!scan) throw new AppError(404, 'SCAN_NOT_FOUND', 'Berkas pindaian ini tidak ada pada SOP yang disahkan tersebut.');
    const bytes = await deps.readFile(scan.sha256);
    res.set('Content-Disposition', attachment(scan.name, EXTENSIONS[scan.contentType]));
    res.type(scan.contentType).send(bufferOf(bytes));
  }));

  return router;
}
