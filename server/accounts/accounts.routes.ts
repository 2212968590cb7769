// HTTP routes of sign-in, sessions, first-run setup, user administration and the audit log.
import { Router, type Request } from 'express';
import { actor, clearSessionCookie, permit, setSessionCookie } from '../http/auth';
import { validated } from '../http/validated';
import { AuditQuery, CreateUserBody, LoginBody, PasswordChangeBody, PatchUserBody, SetupBody, UserParams } from './accounts.schema';
import { describeSession, type AccountsService } from './accounts.service';
import type { SettingsService } from '../settings/settings.service';
import type { PublicUser } from './accounts.records';

/** What a session answer adds about the user's pemda (docs/api.md, GET /api/session; built in app.ts). */
export type DescribePemda = (req: Request, user: PublicUser) => Promise<object>;
const noPemda: DescribePemda = async () => ({});

/** Routes open without a session: first-run setup and signing in. */
export function publicAccountRoutes(accounts: AccountsService, settings?: SettingsService, describePemda = noPemda): Router {
  const router = Router();

  router.get('/setup', async (_req, res) => {
    res.json({ needed: await accounts.setupNeeded() });
  });

  router.post('/setup', validated({ body: SetupBody }, async ({ body }, req, res) => {
    const { publicUrl, ...account } = body;
    const signedIn = await accounts.setup(account, req.ip ?? '');
    // The address the first administrator confirmed (prefilled from the browser's location by the setup page).
    if (publicUrl && settings && !settings.overriddenByCli) {
      await settings.confirmPublicUrl(signedIn.session.user.username, publicUrl);
      await accounts.recordSettingChanged(signedIn.session.user.username, req.ip ?? '', `alamat publik: ${publicUrl}`);
    }
    setSessionCookie(req, res, signedIn);
    res.status(201).json({ ...describeSession(signedIn.session), ...(await describePemda(req, signedIn.session.user)) });
  }));

  router.post('/session', validated({ body: LoginBody }, async ({ body }, req, res) => {
    const signedIn = await accounts.login(body.username, body.password, req.ip ?? '');
    setSessionCookie(req, res, signedIn);
    res.json({ ...describeSession(signedIn.session), ...(await describePemda(req, signedIn.session.user)) });
  }));

  return router;
}

/** Routes for a signed-in user: their session, and (admins) accounts and the audit log. */
export function accountRoutes(accounts: AccountsService, describePemda = noPemda): Router {
  const router = Router();

  router.get('/session', async (req, res) => {
    res.json({ ...describeSession(req.auth!), ...(await describePemda(req, req.auth!.user)) });
  });

  router.delete('/session', async (req, res) => {
    await accounts.logout(req.auth!, req.ip ?? '');
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.post('/session/password', validated({ body: PasswordChangeBody }, async ({ body }, req, res) => {
    await accounts.changePassword(req.auth!, body.currentPassword, body.newPassword, req.ip ?? '');
    res.status(204).end();
  }));

  router.get('/users', permit('users:manage'), async (_req, res) => {
    res.json({ items: await accounts.listUsers() });
  });

  router.post('/users', permit('users:manage'), validated({ body: CreateUserBody }, async ({ body }, req, res) => {
    res.status(201).json({ user: await accounts.createUser(actor(req).username, body, req.ip ?? '') });
  }));

  router.patch('/users/:id', permit('users:manage'), validated({ params: UserParams, body: PatchUserBody }, async ({ params, body }, req, res) => {
    res.json({ user: await accounts.updateUser(actor(req).username, params.id, body, req.ip ?? '') });
  }));

  router.get('/audit', permit('audit:read'), validated({ query: AuditQuery }, async ({ query }, _req, res) => {
    res.json(await accounts.auditQuery(query));
  }));

  return router;
}
