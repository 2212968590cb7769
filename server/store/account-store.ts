// Storage of accounts, sessions and the audit log, behind interfaces like MapStore.
import type { AuditEvent, PublicUser, Session, User } from '../accounts/accounts.records';

export type NewUser = Omit<User, 'id' | 'createdAt' | 'updatedAt'>;
export type UserPatch = Partial<Omit<User, 'id' | 'username' | 'createdAt' | 'updatedAt'>>;

/** Errors are AppErrors: USER_NOT_FOUND, USERNAME_TAKEN, LAST_ADMIN. Every mutation is durable when it resolves. */
export interface AccountStore {
  countUsers(): Promise<number>;
  /** Whether any account exists in the deployment, of any pemda (first-run setup is open only without one). */
  anyAccount(): Promise<boolean>;
  listUsers(): Promise<PublicUser[]>;
  getUser(id: string): Promise<User>;
  findUserByUsername(username: string): Promise<User | undefined>;
  /** `onlyIfNoUsers` makes the creation of the first account atomic with the check that none exists. */
  createUser(user: NewUser, options?: { onlyIfNoUsers?: boolean }): Promise<User>;
  updateUser(id: string, patch: UserPatch): Promise<User>;

  /** Every account with its password hash (store-to-store transfer). */
  exportUsers(): Promise<User[]>;
  /** Writes an account as another store kept it (id, hash, timestamps); refused when its id or username exists. */
  importUser(user: User): Promise<void>;

  createSession(session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | undefined>;
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of `userId` except `keepTokenHash`. */
  deleteSessionsOfUser(userId: string, keepTokenHash?: string): Promise<void>;
  /** Resolves once every write already started has finished. */
  close(): Promise<void>;
}

export interface AuditQuery {
  limit: number;
  /** The nextCursor of the page before. */
  before?: string;
  /** Days (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
  user?: string;
  event?: AuditEvent['event'];
}

export interface AuditPage {
  items: AuditEvent[];
  /** Present when older events may follow: pass it as `before`. */
  nextCursor?: string;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  /** The newest `limit` events, newest first. */
  recent(limit: number): Promise<AuditEvent[]>;
  /** A page of events, newest first, filtered. */
  query(query: AuditQuery): Promise<AuditPage>;
  /** Resolves once every append already started has finished. */
  close(): Promise<void>;
}
