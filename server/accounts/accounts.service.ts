// Sign-in, sessions, first-run setup, user administration and the audit trail of it all.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { AccountStore, AuditLog, AuditPage, AuditQuery, UserPatch } from '../store/account-store';
import { toPublicUser } from '../store/account-rules';
import type { AuditEvent, PublicUser } from './accounts.records';
import type { CreateUserBody, PatchUserBody, SetupBody } from './accounts.schema';
import { LoginThrottle } from './login-throttle';
import { RefusalTally, type TallyKey, type TallyOptions } from './refusal-tally';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password';
import { seesAllUnits } from './permissions';

/** A session stays open this long without use… */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** …and never longer than this. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
/** lastSeenAt is written at most this often, so reading pages does not write the accounts file each time. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export interface ActiveSession {
  user: PublicUser;
  csrfToken: string;
  tokenHash: string;
}

/** What the API answers about a session. */
export const describeSession = ({ user, csrfToken }: ActiveSession) => ({ user, csrfToken, allUnits: seesAllUnits(user) });

export interface SignedIn {
  token: string;
  session: ActiveSession;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const loginFailed = () => new AppError(401, 'LOGIN_FAILED', 'Nama pengguna atau kata sandi salah.');

const minutes = (seconds: number) => Math.ceil(seconds / 60);

export class AccountsService {
  /** Throttled refusals, counted per window instead of written one by one (docs/security.md, Audit log). */
  private readonly refusals: RefusalTally;
  /**
   * Many pemda (docs/storage.md): the audit log of a known account's pemda, for the sign-ins that the deployment's one
   * login route handles; absent, or for an unknown username, this service's own log (the default pemda's).
   */
  auditOfUser?: (user: PublicUser) => AuditLog;

  constructor(
    private readonly accounts: AccountStore,
    private readonly audit: AuditLog,
    private readonly throttle = new LoginThrottle(),
    tally: TallyOptions = {},
  ) {
    this.refusals = new RefusalTally((key, count, since) => this.recordTally(key, count, since), tally);
  }

  /** Writes the counts of throttled refusals still open; the store closes after this. */
  close(): Promise<void> {
    return this.refusals.flush();
  }

  async setupNeeded(): Promise<boolean> {
    return !(await this.accounts.anyAccount());
  }

  /** Creates the first administrator, only while no account exists, and signs them in. */
  async setup(body: Omit<SetupBody, 'publicUrl'>, ip: string): Promise<SignedIn> {
    const { password, ...fields } = body;
    const user = await this.accounts.createUser(
      { ...fields, roles: ['admin', 'penyusun'], disabled: false, passwordHash: await hashPassword(password) },
      { onlyIfNoUsers: true },
    );
    await this.record('setup', ip, user.username);
    return this.openSession(toPublicUser(user));
  }

  async login(username: string, password: string, ip: string): Promise<SignedIn> {
    const retryAfter = await this.throttle.retryAfterSeconds(username, ip);
    if (retryAfter > 0) {
      await this.refusals.refuse({ event: 'login-failed', ip, username, detail: 'ditolak: terlalu banyak percobaan' });
      throw new AppError(
        429,
        'LOGIN_RATE_LIMITED',
        `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes(retryAfter)} menit.`,
        { retryAfterSeconds: retryAfter },
      );
    }
    const user = await this.accounts.findUserByUsername(username);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !valid) {
      await this.throttle.recordFailure(username, ip);
      await this.record('login-failed', ip, username, user ? 'kata sandi salah' : 'nama pengguna tidak dikenal', undefined, user);
      throw loginFailed();
    }
    if (user.disabled) {
      await this.record('login-failed', ip, username, 'akun dinonaktifkan', undefined, user);
      throw new AppError(403, 'ACCOUNT_DISABLED', 'Akun Anda dinonaktifkan. Hubungi administrator Petakerja.');
    }
    await this.throttle.recordSuccess(username);
    await this.record('login', ip, username, undefined, undefined, user);
    return this.openSession(toPublicUser(user));
  }

  /** The session a cookie token belongs to, if it is still open and its user still active. */
  async authenticate(token: string): Promise<ActiveSession | undefined> {
    const tokenHash = hashToken(token);
    const session = await this.accounts.findSession(tokenHash);
    if (!session) return undefined;
    const now = Date.now();
    if (Date.parse(session.expiresAt) <= now || Date.parse(session.lastSeenAt) + SESSION_IDLE_MS <= now) {
      await this.accounts.deleteSession(tokenHash);
      return undefined;
    }
    const user = await this.accounts.getUser(session.userId).catch(() => undefined);
    if (!user || user.disabled) return undefined;
    if (Date.parse(session.lastSeenAt) + TOUCH_INTERVAL_MS <= now) {
      await this.accounts.touchSession(tokenHash, new Date(now).toISOString());
    }
    return { user: toPublicUser(user), csrfToken: session.csrfToken, tokenHash };
  }

  async logout(session: ActiveSession, ip: string): Promise<void> {
    await this.accounts.deleteSession(session.tokenHash);
    await this.record('logout', ip, session.user.username);
  }

  async changePassword(session: ActiveSession, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const user = await this.accounts.getUser(session.user.id);
    // Throttled like signing in, on the same counters: a stolen session cannot guess the password either.
    const retryAfter = await this.throttle.retryAfterSeconds(user.username, ip);
    if (retryAfter > 0) {
      await this.refusals.refuse({ event: 'password-change-failed', ip, username: user.username, detail: 'ditolak: terlalu banyak percobaan' });
      throw new AppError(
        429,
        'PASSWORD_RATE_LIMITED',
        `Terlalu banyak percobaan kata sandi yang salah. Coba lagi dalam ${minutes(retryAfter)} menit.`,
        { retryAfterSeconds: retryAfter },
      );
    }
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      await this.throttle.recordFailure(user.username, ip);
      await this.record('password-change-failed', ip, user.username, 'kata sandi saat ini salah');
      throw new AppError(400, 'PASSWORD_WRONG', 'Kata sandi saat ini salah.');
    }
    await this.throttle.recordSuccess(user.username);
    await this.accounts.updateUser(user.id, { passwordHash: await hashPassword(newPassword) });
    await this.accounts.deleteSessionsOfUser(user.id, session.tokenHash);
    await this.record('password-changed', ip, user.username);
  }

  listUsers(): Promise<PublicUser[]> {
    return this.accounts.listUsers();
  }

  /** `actor` is the username of whoever creates the account (`cli` from the command line). */
  async createUser(actor: string, body: CreateUserBody, ip: string): Promise<PublicUser> {
    const { password, ...fields } = body;
    const user = await this.accounts.createUser({ ...fields, disabled: false, passwordHash: await hashPassword(password) });
    await this.record('user-created', ip, actor, `${user.username} (${user.roles.join(', ')})`);
    return toPublicUser(user);
  }

  /** Disabling an account or setting its password ends its sessions. */
  async updateUser(actor: string, id: string, body: PatchUserBody, ip: string): Promise<PublicUser> {
    const { password, nip, ...fields } = body;
    const patch: UserPatch = { ...fields };
    if (nip !== undefined) patch.nip = nip ?? undefined;
    if (password !== undefined) patch.passwordHash = await hashPassword(password);
    const user = await this.accounts.updateUser(id, patch);
    if (user.disabled || password !== undefined) await this.accounts.deleteSessionsOfUser(id);
    const changed = Object.keys(body).map((k) => (k === 'password' ? 'kata sandi' : k)).join(', ');
    await this.record('user-updated', ip, actor, `${user.username}: ${changed}`);
    return toPublicUser(user);
  }

  /** An administrator changed a setting (the public address). */
  recordSettingChanged(username: string, ip: string, detail: string): Promise<void> {
    return this.record('settings-changed', ip, username, detail);
  }

  recordDenied(username: string | undefined, ip: string, detail: string): Promise<void> {
    return this.record('permission-denied', ip, username, detail);
  }

  auditRecent(limit: number): Promise<AuditEvent[]> {
    return this.audit.recent(limit);
  }

  auditQuery(query: AuditQuery): Promise<AuditPage> {
    return this.audit.query(query);
  }

  private async openSession(user: PublicUser): Promise<SignedIn> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const record = {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_MAX_MS).toISOString(),
    };
    await this.accounts.createSession(record);
    return { token, session: { user, csrfToken: record.csrfToken, tokenHash: record.tokenHash } };
  }


  private recordTally(key: TallyKey, count: number, since?: string): Promise<void> {
    const detail = since ? `${key.detail} — ${count} kali lagi sejak ${since}` : key.detail;
    return this.record(key.event, key.ip, key.username, detail, since ? count : undefined);
  }

  private record(event: AuditEvent['event'], ip: string, username?: string, detail?: string, count?: number, of?: PublicUser): Promise<void> {
    const audit = (of && this.auditOfUser?.(of)) || this.audit;
    return audit.append({
      at: new Date().toISOString(),
      event,
      ip,
      ...(username ? { username: username.slice(0, 200) } : {}),
      ...(detail ? { detail: detail.slice(0, 1000) } : {}),
      ...(count !== undefined ? { count } : {}),
    });
  }
}
