// Session cookie, authentication, CSRF and permission checks for the API: deny by default.
import { timingSafeEqual } from 'node:crypto';
import type { CookieOptions, ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { PublicUser } from '../accounts/accounts.records';
import { SESSION_MAX_MS, type AccountsService, type ActiveSession, type SignedIn } from '../accounts/accounts.service';
import { can, forbidden, type Permission } from '../accounts/permissions';
import { AppError } from '../errors';

export const SESSION_COOKIE = 'petakerja_sesi';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const cookieOptions = (req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: req.secure,
  path: '/',
});

export function setSessionCookie(req: Request, res: Response, { token }: SignedIn): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: SESSION_MAX_MS });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

/** The session of the request's cookie (parsed by cookie-parser); undefined without one, or for a stale, expired or revoked one. */
export async function sessionOfRequest(accounts: AccountsService, req: Request): Promise<ActiveSession | undefined> {
  const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  if (typeof token === 'string' && token.length > 0 && token.length < 200) return accounts.authenticate(token);
  return undefined;
}

/** Attaches the session of the request's cookie, if any, as req.auth. */
export function authenticate(accounts: AccountsService): RequestHandler {
  return async (req, _res, next) => {
    const session = await sessionOfRequest(accounts, req);
    if (session) req.auth = session;
    next();
  };
}

export const requireSession: RequestHandler = (req, _res, next) => {
  if (!req.auth) throw new AppError(401, 'UNAUTHENTICATED', 'Anda belum masuk atau sesi Anda telah berakhir. Silakan masuk kembali.');
  next();
};

/** Every state-changing request carries the session's CSRF token in a header a cross-site form cannot set. */
export const requireCsrf: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const sent = Buffer.from(String(req.headers[CSRF_HEADER] ?? ''));
  const expected = Buffer.from(req.auth!.csrfToken);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw new AppError(403, 'CSRF_INVALID', 'Permintaan ditolak karena token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman.');
  }
  next();
};

export function permit(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (!can(actor(req), permission)) throw forbidden();
    next();
  };
}

/** The signed-in user of a request that passed requireSession. */
export function actor(req: Request): PublicUser {
  if (!req.auth) throw new AppError(401, 'UNAUTHENTICATED', 'Anda belum masuk.');
  return req.auth.user;
}

/** Writes every refusal (403) to the audit log, then lets the error handler answer it. */
export function auditDenials(accountsOf: AccountsService | ((req: Request) => Promise<AccountsService>)): ErrorRequestHandler {
  return async (error, req, _res, next) => {
    if (error instanceof AppError && error.status === 403 && error.code !== 'ACCOUNT_DISABLED') {
      // The refusal goes to the audit log of the pemda the request acted in (docs/storage.md, Many pemda).
      const accounts = typeof accountsOf === 'function' ? await accountsOf(req) : accountsOf;
      await accounts.recordDenied(req.auth?.user.username, req.ip ?? '', `${req.method} ${req.originalUrl}: ${error.code}`);
    }
    next(error);
  };
}
