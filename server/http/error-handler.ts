// The one error middleware: every failure becomes { error: { code, message, details? } } in Bahasa Indonesia.
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError } from '../errors';

/** Errors raised by express's body parsers carry a `type`; these are the ones a client can cause. */
const BODY_PARSER_ERRORS: Record<string, () => AppError> = {
  'entity.too.large': () => new AppError(413, 'BODY_TOO_LARGE', 'Isi permintaan terlalu besar.'),
  'entity.parse.failed': () => new AppError(400, 'JSON_MALFORMED', 'Isi permintaan bukan JSON yang sah.'),
  'encoding.unsupported': () => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Pengodean isi permintaan tidak didukung.'),
  'charset.unsupported': () => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Set karakter isi permintaan tidak didukung; gunakan UTF-8.'),
  'request.aborted': () => new AppError(400, 'REQUEST_ABORTED', 'Permintaan terputus sebelum selesai dikirim.'),
};

/** Retry-After sent with a 429 or 503 whose error does not say how long to wait (docs/security.md). */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError(404, 'NOT_FOUND', `Alamat ${req.method} ${req.baseUrl}${req.path} tidak dikenal.`);
};

export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (!appError) {
      const requestId = randomUUID();
      log(`[${requestId}] ${req.method} ${req.originalUrl}: ${(error as Error)?.stack ?? String(error)}`);
      res.status(500).json({
        error: { code: 'INTERNAL', message: `Terjadi kesalahan di server (kode rujukan ${requestId}).`, details: { requestId } },
      });
      return;
    }
    if (appError.status === 429 || appError.status === 503) {
      const seconds = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      res.set('Retry-After', String(typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS));
    }
    res.status(appError.status).json({
      error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) },
    });
  };
}

/** errno codes of a full disk (or quota): the write was refused, nothing stored changed (durable-file.ts). */
const STORAGE_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

export const storageFull = () =>
  new AppError(507, 'STORAGE_FULL', 'Penyimpanan penuh: perubahan tidak disimpan. Data yang sudah tersimpan tetap utuh; hubungi administrator untuk menambah ruang penyimpanan.');

/** True when `error`, or an error it wraps, is a full disk. */
function isStorageFull(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && STORAGE_FULL_CODES.has(code)) return true;
  }
  return false;
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isStorageFull(error)) return storageFull();
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return new AppError(400, 'VALIDATION_FAILED', `Data yang dikirim tidak sah — ${summary}`, { issues });
  }
  if (error instanceof URIError) {
    return new AppError(400, 'URL_MALFORMED', 'Alamat permintaan memuat pengodean persen (%) yang tidak sah.');
  }
  if (isDecompressionError(error)) {
    return new AppError(400, 'BODY_ENCODING_MALFORMED', 'Isi permintaan tidak sesuai dengan pengodean yang dinyatakan (Content-Encoding); kirim ulang tanpa pemampatan atau dengan isi yang benar.');
  }
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? BODY_PARSER_ERRORS[type]?.() : undefined;
}

/** zlib's errors (a body whose bytes do not match its Content-Encoding) carry a numeric errno and a Z_… or ERR__… code. */
function isDecompressionError(error: unknown): boolean {
  const { errno, code } = (error ?? {}) as { errno?: unknown; code?: unknown };
  return typeof errno === 'number' && typeof code === 'string' && /^(Z_|ERR__)/.test(code);
}
