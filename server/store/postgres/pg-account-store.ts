// The AccountStore on PostgreSQL: users and sessions as rows (records as jsonb, validated on read). Changes that
// check the whole set of users (the first account, the last active admin) take an advisory lock in their transaction.
// One users table for the deployment (usernames unique in it, sessions global): the store of a pemda lists, counts,
// creates, updates and exports only its pemda's accounts, while getUser and findUserByUsername (login, sessions)
// find an account of any pemda, which carries its pemda (User.pemda, from the row's pemda_id).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { Session, User, type PublicUser } from '../../accounts/accounts.records';
import type { AccountStore, NewUser, UserPatch } from '../account-store';
import { isActiveAdmin, withPemda, lastAdmin, MAX_SESSIONS_PER_USER, setupDone, toPublicUser, userNotFound, usernameTaken } from '../account-rules';
import { ANY_PEMDA, InFlight, inTransaction, isUniqueViolation, LOCKS, type Queryable } from './database';
import { parseRecord } from './records';


export class PostgresAccountStore implements AccountStore {
  private readonly writes = new InFlight();

  /** `pemda`: the pemda whose accounts this store lists and creates. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly pemda: string,
  ) {}

  async countUsers(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM users WHERE pemda_id = $1', [this.pemda]);
    return Number(rows[0]!.n);
  }

  async anyAccount(): Promise<boolean> {
    return (await this.pool.query(`SELECT 1 FROM users ${ANY_PEMDA} LIMIT 1`)).rows.length > 0;
  }

  async listUsers(): Promise<PublicUser[]> {
    return (await usersOf(this.pool, this.pemda)).map(toPublicUser).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }

  /** An account of any pemda (a session names its user by id alone). */
  async getUser(id: string): Promise<User> {
    const { rows } = await this.pool.query<UserRow>(`SELECT id, pemda_id, record FROM users WHERE ${ANY_PEMDA} id = $1`, [id]);
    if (!rows[0]) throw userNotFound(id);
    return userOf(rows[0]);
  }

  /** An account of any pemda: usernames are unique in the deployment and sign-in is one for all. */
  async findUserByUsername(username: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<UserRow>(`SELECT id, pemda_id, record FROM users WHERE ${ANY_PEMDA} username = $1`, [username.trim().toLowerCase()]);
    return rows[0] ? userOf(rows[0]) : undefined;
  }

  createUser(input: NewUser, options: { onlyIfNoUsers?: boolean } = {}): Promise<User> {
    return this.change(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.accounts]);
      // The first account of the deployment (the setup page): none in any pemda.
      if (options.onlyIfNoUsers && (await client.query(`SELECT 1 FROM users ${ANY_PEMDA} LIMIT 1`)).rows.length > 0) throw setupDone();
      const now = new Date().toISOString();
      const user: User = withPemda({ ...input, id: randomUUID(), createdAt: now, updatedAt: now }, this.pemda);
      try {
        await client.query('INSERT INTO users (pemda_id, id, username, record) VALUES ($1, $2, $3, $4)', [this.pemda, user.id, user.username, User.parse(user)]);
      } catch (error) {
        if (isUniqueViolation(error)) throw usernameTaken(input.username);
        throw error;
      }
      return user;
    });
  }

  updateUser(id: string, patch: UserPatch): Promise<User> {
    return this.change(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.accounts]);
      // The last active admin is counted in the pemda: each pemda keeps one.
      const users = await usersOf(client, this.pemda);
      const current = users.find((u) => u.id === id);
      if (!current) throw userNotFound(id);
      const user: User = withPemda({ ...current, ...patch, updatedAt: new Date().toISOString() }, this.pemda);
      if (isActiveAdmin(current) && !users.map((u) => (u.id === id ? user : u)).some(isActiveAdmin)) throw lastAdmin();
      await client.query('UPDATE users SET record = $3 WHERE pemda_id = $1 AND id = $2', [this.pemda, id, User.parse(user)]);
      return user;
    });
  }

  createSession(session: Session): Promise<void> {
    return this.change(async (client) => {
      const now = new Date().toISOString();
      // Lock the user's sessions so two sign-ins at once cannot both skip the cap.
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('petakerja-sessions:' || $1, 0))", [session.userId]);
      await client.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
      // A user's sessions beyond the cap end, least recently used first (as in the embedded store).
      await client.query(
        `DELETE FROM sessions WHERE token_hash IN (
           SELECT token_hash FROM sessions WHERE user_id = $1 ORDER BY record->>'lastSeenAt' DESC OFFSET $2)`,
        [session.userId, MAX_SESSIONS_PER_USER - 1],
      );
      const parsed = Session.parse(session);
      await client.query('INSERT INTO sessions (token_hash, user_id, expires_at, record) VALUES ($1, $2, $3, $4)', [
        parsed.tokenHash,
        parsed.userId,
        parsed.expiresAt,
        parsed,
      ]);
    });
  }

  exportUsers(): Promise<User[]> {
    return usersOf(this.pool, this.pemda);
  }

  async importUser(user: User): Promise<void> {
    const record = User.parse(withPemda(user, this.pemda));
    return this.change(async (client) => {
      try {
        await client.query('INSERT INTO users (pemda_id, id, username, record) VALUES ($1, $2, $3, $4)', [this.pemda, record.id, record.username, record]);
      } catch (error) {
        if (isUniqueViolation(error)) throw usernameTaken(record.username);
        throw error;
      }
    });
  }

  async findSession(tokenHash: string): Promise<Session | undefined> {
    const { rows } = await this.pool.query<{ record: unknown }>('SELECT record FROM sessions WHERE token_hash = $1', [tokenHash]);
    return rows[0] ? parseRecord(Session, rows[0].record, 'sessions') : undefined;
  }

  touchSession(tokenHash: string, lastSeenAt: string): Promise<void> {
    return this.change(async (client) => {
      await client.query("UPDATE sessions SET record = jsonb_set(record, '{lastSeenAt}', to_jsonb($2::text)) WHERE token_hash = $1", [tokenHash, lastSeenAt]);
    });
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.change(async (client) => void (await client.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])));
  }

  deleteSessionsOfUser(userId: string, keepTokenHash?: string): Promise<void> {
    return this.change(
      async (client) => void (await client.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [userId, keepTokenHash ?? null])),
    );
  }

  async close(): Promise<void> {
    await this.writes.settled();
  }

  private change<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.writes.track(inTransaction(this.pool, work));
  }
}

interface UserRow {
  id: string;
  pemda_id: string;
  record: unknown;
}

/** The account of a row, its pemda the row's. */
const userOf = (row: UserRow): User => withPemda(parseRecord(User, row.record, `users/${row.id}`), row.pemda_id);

async function usersOf(client: Queryable, pemda: string): Promise<User[]> {
  const { rows } = await client.query<UserRow>('SELECT id, pemda_id, record FROM users WHERE pemda_id = $1', [pemda]);
  return rows.map(userOf);
}
