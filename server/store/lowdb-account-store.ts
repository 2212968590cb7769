// The embedded AccountStore: users and sessions in one lowdb document (accounts.json), written durably.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Low } from 'lowdb';
import { AccountsDocument, type PublicUser, type Session, type User } from '../accounts/accounts.records';
import type { AccountStore, NewUser, UserPatch } from './account-store';
import { replaceDocument } from './replace-document';
import { SerialQueue } from './serial-queue';
import { DOCUMENT_LIMITS } from './document-limits';
import { ValidatedJsonFile } from './validated-json-file';
import { isActiveAdmin, lastAdmin, MAX_SESSIONS_PER_USER, setupDone, toPublicUser, userNotFound, usernameTaken, withPemda } from './account-rules';
import { DEFAULT_PEMDA } from './pemda';

export const ACCOUNTS_FILE = 'accounts.json';


export async function openLowdbAccountStore(dataDir: string): Promise<AccountStore> {
  const db = new Low<AccountsDocument>(new ValidatedJsonFile(path.join(dataDir, ACCOUNTS_FILE), AccountsDocument, DOCUMENT_LIMITS.accounts), {
    format: 'petakerja-accounts',
    version: 1,
    users: [],
    sessions: [],
  });
  await db.read();
  return new LowdbAccountStore(db);
}

class LowdbAccountStore implements AccountStore {
  private readonly writes = new SerialQueue();

  async close(): Promise<void> {
    await this.writes.run(async () => undefined);
  }

  constructor(private readonly db: Low<AccountsDocument>) {}

  async anyAccount(): Promise<boolean> {
    return (await this.countUsers()) > 0;
  }

  async countUsers(): Promise<number> {
    return this.db.data.users.length;
  }

  async listUsers(): Promise<PublicUser[]> {
    return this.db.data.users.map(toPublicUser).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }

  async getUser(id: string): Promise<User> {
    const user = this.db.data.users.find((u) => u.id === id);
    if (!user) throw userNotFound(id);
    return user;
  }

  async findUserByUsername(username: string): Promise<User | undefined> {
    const wanted = username.trim().toLowerCase();
    return this.db.data.users.find((u) => u.username === wanted);
  }

  createUser(input: NewUser, options: { onlyIfNoUsers?: boolean } = {}): Promise<User> {
    return this.commit((doc) => {
      if (options.onlyIfNoUsers && doc.users.length > 0) throw setupDone();
      if (doc.users.some((u) => u.username === input.username)) throw usernameTaken(input.username);
      const now = new Date().toISOString();
      const user: User = { ...input, id: randomUUID(), createdAt: now, updatedAt: now };
      return { next: { ...doc, users: [...doc.users, user] }, result: user };
    });
  }

  updateUser(id: string, patch: UserPatch): Promise<User> {
    return this.commit((doc) => {
      const current = doc.users.find((u) => u.id === id);
      if (!current) throw userNotFound(id);
      const user: User = { ...current, ...patch, updatedAt: new Date().toISOString() };
      const users = doc.users.map((u) => (u.id === id ? user : u));
      if (isActiveAdmin(current) && !users.some(isActiveAdmin)) throw lastAdmin();
      return { next: { ...doc, users }, result: user };
    });
  }

  async exportUsers(): Promise<User[]> {
    return this.db.data.users;
  }

  importUser(user: User): Promise<void> {
    // An account moved out of a database's pemda (migrate --pemda) belongs to this store's one pemda here.
    const own = withPemda(user, DEFAULT_PEMDA);
    return this.commit((doc) => {
      if (doc.users.some((u) => u.id === own.id || u.username === own.username)) throw usernameTaken(own.username);
      return { next: { ...doc, users: [...doc.users, own] }, result: undefined };
    });
  }

  createSession(session: Session): Promise<void> {
    return this.commit((doc) => {
      const now = new Date().toISOString();
      const live = doc.sessions.filter((s) => s.expiresAt > now);
      // A user's sessions beyond the cap end, least recently used first: signing in again and again cannot grow the
      // accounts document towards its ceiling (document-limits.ts) and so block everyone's sign-in.
      const own = live.filter((s) => s.userId === session.userId).sort((a, b) => a.lastSeenAt.localeCompare(b.lastSeenAt));
      const ended = new Set(own.slice(0, Math.max(0, own.length - (MAX_SESSIONS_PER_USER - 1))).map((s) => s.tokenHash));
      return { next: { ...doc, sessions: [...live.filter((s) => !ended.has(s.tokenHash)), session] }, result: undefined };
    });
  }

  async findSession(tokenHash: string): Promise<Session | undefined> {
    return this.db.data.sessions.find((s) => s.tokenHash === tokenHash);
  }

  touchSession(tokenHash: string, lastSeenAt: string): Promise<void> {
    return this.commit((doc) => ({
      next: { ...doc, sessions: doc.sessions.map((s) => (s.tokenHash === tokenHash ? { ...s, lastSeenAt } : s)) },
      result: undefined,
    }));
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.commit((doc) => ({ next: { ...doc, sessions: doc.sessions.filter((s) => s.tokenHash !== tokenHash) }, result: undefined }));
  }

  deleteSessionsOfUser(userId: string, keepTokenHash?: string): Promise<void> {
    return this.commit((doc) => ({
      next: { ...doc, sessions: doc.sessions.filter((s) => s.userId !== userId || s.tokenHash === keepTokenHash) },
      result: undefined,
    }));
  }

  /** Serialised, all-or-nothing change of the accounts document, as in the map store. */
  private commit<T>(change: (doc: AccountsDocument) => { next: AccountsDocument; result: T }): Promise<T> {
    return this.writes.run(async () => {
      const { next, result } = change(this.db.data);
      await replaceDocument(this.db, next);
      return result;
    });
  }
}
