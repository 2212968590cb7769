// PUBLIC routes of signed SOPs (no session): the verification page the QR code opens, the signed PDF, and the check
// of a file against the recorded sha256 — as a page (a plain multipart form, no script) and as JSON for scripts.
// Mount at the application's root, before the /api router (which requires a session) and the SPA fallback.
import { createHash } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response, Router } from 'express';
import { AppError } from '../../errors';
import { sopFileName } from '../../sop/file-name';
import { fileMissing, fileTooLarge, MAX_FILE_BYTES, MULTIPART_OVERHEAD_BYTES, parseMultipartFile } from './multipart-file';
import { normaliseCode } from './verification-code';
import { renderVerificationIndex, renderVerificationPage, VERIFICATION_PAGE_CSP, type FileCheck } from './verification-page';
import type { VerificationView } from './verification-view';
import type { PadesReport } from './pades/pades-report';
import type { TimeZone } from '../../settings/time-zone';

export interface VerificationRoutesDeps {
  /** The signed SOP with this code (already normalised to XXXX-XXXX-XXXX), or undefined when there is none. */
  lookup(code: string): Promise<VerificationView | undefined>;
  /** The stored bytes of a file by its sha256 (the store verifies them), in the pemda of the code `code`. */
  readFile(sha256: string, code: string): Promise<Uint8Array>;
  /** Our verifier's reading of a file's electronic signature (issue 19), with the trust list of the pemda of `code`; without it files are checked by hash only. */
  verifyElectronic?(bytes: Uint8Array, code: string): PadesReport | Promise<PadesReport>;
  /**
   * The time zone (settings) of the pemda of the code `code`, read on each page: an administrator may change it. WIB
   * when not given.
   */
  timeZone?(code: string): TimeZone | Promise<TimeZone>;
}

/** The header form of the page's policy: also forbids framing (which a meta policy cannot). */
export const VERIFICATION_CSP_HEADER = `${VERIFICATION_PAGE_CSP}; frame-ancestors 'none'`;

/** A PDF that carries a signature dictionary (checked by our verifier as well as by hash). */
const hasSignature = (bytes: Uint8Array): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/ByteRange');

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function sendPage(res: Response, status: number, html: string): void {
  res.status(status).set({ 'Content-Security-Policy': VERIFICATION_CSP_HEADER, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  res.type('text/html; charset=utf-8').send(html);
}

const notFoundPage = (res: Response, asked: string) => sendPage(res, 404, renderVerificationPage({ found: false, code: asked }));

/** The code of the path, normalised, and its signed SOP (either may be missing). */
async function resolve(deps: VerificationRoutesDeps, req: Request): Promise<{ asked: string; code?: string; view?: VerificationView }> {
  const asked = String(req.params.code ?? '');
  const code = normaliseCode(asked);
  return { asked, ...(code ? { code } : {}), ...(code ? { view: await deps.lookup(code) } : {}) };
}

/** Body-parser and parser errors of the file check as the message the page shows, with their status. */
function fileErrorOf(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return fileTooLarge();
  if (type === 'request.aborted') return new AppError(400, 'REQUEST_ABORTED', 'Pengiriman berkas terputus sebelum selesai. Kirim lagi.');
  return undefined;
}

export function verificationRouter(deps: VerificationRoutesDeps): Router {
  const router = Router();

  // Form to type a code; `?kode=` (the form's answer) goes to the code's page.
  router.get('/verifikasi', (req, res) => {
    const raw = req.query.kode;
    const kode = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : undefined;
    if (kode === undefined || kode.trim() === '') return sendPage(res, 200, renderVerificationIndex());
    const code = normaliseCode(kode);
    if (!code) return notFoundPage(res, kode);
    res.redirect(303, `/verifikasi/${code}`);
  });

  router.get('/verifikasi/:code', async (req, res) => {
    const { asked, code, view } = await resolve(deps, req);
    if (!code || !view) return notFoundPage(res, asked);
    // One address per code: "7kqm2xh9rt4b" goes to "7KQM-2XH9-RT4B".
    if (asked !== code) return res.redirect(301, `/verifikasi/${code}`);
    sendPage(res, 200, renderVerificationPage(view, { timeZone: await deps.timeZone?.(code) }));
  });

  router.get('/verifikasi/:code/sop.pdf', async (req, res) => {
    const { asked, code, view } = await resolve(deps, req);
    if (!code || !view) return notFoundPage(res, asked);
    const bytes = await deps.readFile(view.sha256, code);
    // The bytes under a code never change (only the SOP's status does).
    res.set({ 'Content-Disposition': `inline; filename="${sopFileName(view.title, view.revision)}"`, 'Cache-Control': 'public, max-age=86400' });
    res.type('application/pdf').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  const multipartBody = express.raw({ type: 'multipart/form-data', limit: MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES });
  const pageOfError: ErrorRequestHandler = async (error, req, res, next) => {
    const refusal = fileErrorOf(error);
    if (!refusal) return next(error);
    try {
      const { asked, code, view } = await resolve(deps, req);
      if (!code || !view) return notFoundPage(res, asked);
      sendPage(res, refusal.status, renderVerificationPage(view, { error: refusal.message, timeZone: await deps.timeZone?.(code) }));
    } catch (failure) {
      next(failure);
    }
  };
  const checkFile: RequestHandler = async (req, res) => {
    const { asked, code, view } = await resolve(deps, req);
    if (!code || !view) return notFoundPage(res, asked);
    if (!Buffer.isBuffer(req.body)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Formulir harus dikirim sebagai multipart/form-data.');
    const file = parseMultipartFile(req.body, req.headers['content-type'], { field: 'berkas' });
    const sha256 = sha256Of(file.bytes);
    const electronic = view.electronic || hasSignature(file.bytes) ? await deps.verifyElectronic?.(file.bytes, code) : undefined;
    const check: FileCheck = {
      cocok: sha256 === view.sha256,
      sha256,
      expected: view.sha256,
      filename: file.filename,
      bytes: file.bytes.length,
      ...(electronic ? { electronic } : {}),
    };
    sendPage(res, 200, renderVerificationPage(view, { check, timeZone: await deps.timeZone?.(code) }));
  };
  router.post('/verifikasi/:code/periksa', multipartBody, checkFile, pageOfError);

  // For scripts: curl --data-binary @sop.pdf -H 'Content-Type: application/pdf' …/api/verifikasi/<code>/periksa
  router.post('/api/verifikasi/:code/periksa', express.raw({ type: ['application/pdf', 'application/octet-stream'], limit: MAX_FILE_BYTES }), async (req, res) => {
    const { code, view } = await resolve(deps, req);
    if (!code || !view) throw new AppError(404, 'CODE_NOT_FOUND', 'Tidak ada SOP yang disahkan dengan kode verifikasi ini.');
    if (!Buffer.isBuffer(req.body)) {
      if (req.is(['application/pdf', 'application/octet-stream'])) throw fileMissing();
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Kirim isi berkas PDF apa adanya dengan Content-Type: application/pdf.');
    }
    if (req.body.length === 0) throw fileMissing();
    const sha256 = sha256Of(req.body);
    const electronic = view.electronic || hasSignature(req.body) ? await deps.verifyElectronic?.(req.body, code) : undefined;
    res.set('Cache-Control', 'no-store').json({ cocok: sha256 === view.sha256, sha256, expected: view.sha256, ...(electronic ? { tandaTangan: electronic } : {}) });
  });

  return router;
}
