// Which pemda a request acts in, and the routes of that pemda (docs/storage.md, Many pemda; docs/api.md). A signed-in
// user acts in their own pemda; a user with the province role (pembina) of a provinsi may choose, with
// POST /api/session/pemda, to read one of its kabupaten/kota — kept in a cookie (so that the map event streams, which
// cannot send headers, read the same pemda) and checked again on every request. While reading another pemda only the
// reading routes of maps, SOPs, the dashboard and the repository checks answer, and only to GET.
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import type { PublicUser, Role } from '../accounts/accounts.records';
import type { DescribePemda } from '../accounts/accounts.routes';
import { describeSession, type AccountsService } from '../accounts/accounts.service';
import type { AppDeps, PemdaAppDeps } from '../app';
import { AppError } from '../errors';
import { pemdaOfUser } from '../store/account-rules';
import { DEFAULT_PEMDA, DEFAULT_PEMDA_NAME, PemdaId, type PemdaRecord } from '../store/pemda';
import { validated } from './validated';

export interface PemdaRouting {
  /** The services of pemda `id`, built on first use and kept; AppError 404 PEMDA_NOT_FOUND for an unknown id. */
  depsOf(id: string): Promise<PemdaAppDeps>;
  describe(id: string): Promise<PemdaRecord | undefined>;
  list(): Promise<PemdaRecord[]>;
  /** The pemda of a verification code (codes are unique in the deployment). */
  pemdaOfSignature(code: string): Promise<string | undefined>;
}

/** The role that reads the kabupaten/kota of its provinsi. */
export const PROVINCE_ROLE: Role = 'pembina';
/** The cookie naming the pemda a province role reads. */
export const PEMDA_COOKIE = 'petakerja_pemda';

const SAFE_METHODS = new Set(['GET', 'HEAD']);
/**
 * What a province role may read of a kabupaten/kota: maps (with their SOPs, reviews, lint), the dashboard, checks, the
 * SOPs due for evaluation, and its own inbox there (empty: a pembina takes no part in a kabupaten's review cycle) —
 * the pages its navigation offers.
 */
const READABLE_IN_CHILD = /^\/(maps(\/|$)|meta$|templates$|kamus$|repository\/(dashboard|lint)$|units\/[^/]+\/letterhead$|review\/(evaluations-due|inbox)$)/;

export const forbiddenPemda = () => new AppError(403, 'FORBIDDEN_PEMDA', 'Anda tidak dapat membaca data pemda ini.');
const readOnlyPemda = () =>
  new AppError(403, 'FORBIDDEN_PEMDA', 'Saat membaca data pemda lain Anda hanya dapat melihat peta, SOP, dasbor dan pemeriksaan repositori; perubahan ditolak.');

export interface PemdaSummary {
  id: string;
  name: string;
  kind: PemdaRecord['kind'];
}
const summary = ({ id, name, kind }: PemdaRecord): PemdaSummary => ({ id, name, kind });
const defaultSummary: PemdaSummary = { id: DEFAULT_PEMDA, name: DEFAULT_PEMDA_NAME, kind: 'kabupaten' };

const ChoosePemdaBody = z.strictObject({ pemda: PemdaId });

export function pemdaRouting(deps: AppDeps, build: (deps: PemdaAppDeps, describePemda: DescribePemda) => Router) {
  const routing = deps.pemda;
  /** The pemda `user` may read: their own, and for a province role of a provinsi its kabupaten/kota. */
  const readable = async (user: PublicUser): Promise<PemdaRecord[]> => {
    if (!routing) return [];
    const own = pemdaOfUser(user);
    const all = await routing.list();
    const home = all.find((p) => p.id === own);
    if (!home) return [];
    if (!user.roles.includes(PROVINCE_ROLE) || home.kind !== 'provinsi') return [home];
    return [home, ...all.filter((p) => p.province === own)];
  };
  /** The pemda the request acts in: the cookie's, when the user may read it; else the user's own. */
  const acting = async (req: Request, user: PublicUser): Promise<string> => {
    const own = pemdaOfUser(user);
    const chosen = (req.cookies as Record<string, string> | undefined)?.[PEMDA_COOKIE];
    if (!routing || !chosen || chosen === own) return own;
    return (await readable(user)).some((p) => p.id === chosen) ? chosen : own;
  };
  const describe: DescribePemda = async (req, user) => {
    if (!routing) return { pemda: defaultSummary, readablePemda: [], actingPemda: defaultSummary };
    const [own, list, current] = [await routing.describe(pemdaOfUser(user)), await readable(user), await acting(req, user)];
    const reading = list.find((p) => p.id === current) ?? own;
    return {
      pemda: own ? summary(own) : defaultSummary,
      // More than one: the header shows the selector (client).
      readablePemda: list.length > 1 ? list.map(summary) : [],
      actingPemda: reading ? summary(reading) : defaultSummary,
    };
  };
  const home = build(deps, describe);
  const routers = new Map<string, Promise<Router>>();
  const routerFor = (id: string): Promise<Router> => {
    if (!routing) return Promise.resolve(home);
    let router = routers.get(id);
    if (!router) {
      router = routing.depsOf(id).then((pemdaDeps) => build(pemdaDeps, describe));
      routers.set(id, router);
      router.catch(() => routers.delete(id));
    }
    return router;
  };
  const depsFor = async (id: string): Promise<PemdaAppDeps> => (!routing || id === DEFAULT_PEMDA ? deps : routing.depsOf(id));

  const sessionRoutes = express.Router();
  sessionRoutes.post(
    '/session/pemda',
    validated({ body: ChoosePemdaBody }, async ({ body }, req: Request, res: Response) => {
      const user = req.auth!.user;
      if (!(await readable(user)).some((p) => p.id === body.pemda)) throw forbiddenPemda();
      const options = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
      if (body.pemda === pemdaOfUser(user)) {
        if ((req.cookies as Record<string, string> | undefined)?.[PEMDA_COOKIE]) res.clearCookie(PEMDA_COOKIE, options);
      }
      else res.cookie(PEMDA_COOKIE, body.pemda, options);
      req.cookies = { ...(req.cookies as object), [PEMDA_COOKIE]: body.pemda };
      res.json({ ...describeSession(req.auth!), ...(await describe(req, user)) });
    }),
  );

  return {
    describe,
    sessionRoutes,
    /** The default pemda's routes (mounted after `dispatch`, so that the route list of the app shows them). */
    home,
    /**
     * Sends a request acting in another pemda than the default to that pemda's routes (which end with 404: it never
     * falls through); a write, or a route beyond reading, in a pemda not the user's own is refused.
     */
    dispatch: (async (req, res, next) => {
      const user = req.auth!.user;
      // The session's own routes (the session, its password, signing out) are always the user's own pemda's.
      const id = /^\/session(\/|$)/.test(req.path) ? pemdaOfUser(user) : await acting(req, user);
      if (id !== pemdaOfUser(user) && (!SAFE_METHODS.has(req.method) || !READABLE_IN_CHILD.test(req.path))) throw readOnlyPemda();
      if (!routing || id === DEFAULT_PEMDA) return next();
      (await routerFor(id))(req, res, next);
    }) as RequestHandler,
    /** The accounts service of the user's own pemda (its audit log records the refusals). */
    accountsOf: async (req: Request): Promise<AccountsService> => (req.auth ? (await depsFor(pemdaOfUser(req.auth.user))).accounts : deps.accounts),
    /** The services of the pemda holding verification code `code` (the default pemda's when none does). */
    depsOfCode: async (code: string): Promise<PemdaAppDeps> => depsFor((await routing?.pemdaOfSignature(code)) ?? DEFAULT_PEMDA),
  };
}
