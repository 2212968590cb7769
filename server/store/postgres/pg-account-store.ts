// The AccountStore on PostgreSQL: users and sessions as rows (records as jsonb, validated on read). Changes that
// check the whole set of users (the first account, the last active admin) take an advisory lock in their transaction.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { Session, User, type PublicUser } from '../../accounts/accounts.records';
import type { AccountStore, NewUser, UserPatch } from '../account-store';
import { isActiveAdmin, lastAdmin, MAX_SESSIONS_PER_USER, setupDone, toPublicUser, userNotFound, usernameTaken } from '../account-rules';
import { InFlight, inTransaction, isUniqueViolation, LOCKS, type Queryable } from './database';
import { parseRecord } from './records';


export class PostgresAccountStore implements AccountStore {
  private readonly writes = new InFlight();

  constructor(private readonly pool: pg.Pool) {}

  async countUsers(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM users');
    return Number(rows[0]!.n);
  }

  async listUsers(): Promise<PublicUser[]> {
    return (await allUsers(this.pool)).map(toPublicUser).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }

  async getUser(id: string): Promise<User> {
    const { rows } = await this.pool.query<{ record: unknown }>('SELECT record FROM users WHERE id = $1', [id]);
    if (!rows[0]) throw userNotFound(id);
    return parseRecord(User, rows[0].record, `users/${id}`);
  }

  async findUserByUsername(username: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<{ id: string; record: unknown }>('SELECT id, record FROM users WHERE username = $1', [username.trim().toLowerCase()]);
    return rows[0] ? parseRecord(User, rows[0].record, `users/${rows[0].id}`) : undefined;
  }

  createUser(input: NewUser, options: { onlyIfNoUsers?: boolean } = {}): Promise<User> {
    return this.change(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.accounts]);
      if (options.onlyIfNoUsers && (await client.query('SELECT 1 FROM users LIMIT 1')).rows.length > 0) throw setupDone();
      const now = new Date().toISOString();
      const user: User = { ...input, id: randomUUID(), createdAt: now, updatedAt: now };
      try {
        await client.query('INSERT INTO users (id, username, record) VALUES ($1, $2, $3)', [user.id, user.username, User.parse(user)]);
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
      const users = await allUsers(client);
      const current = users.find((u) => u.id === id);
      if (!current) throw userNotFound(id);
      const user: User = { ...current, ...patch, updatedAt: new Date().toISOString() };
      if (isActiveAdmin(current) && !users.map((u) => (u.id === id ? user : u)).some(isActiveAdmin)) throw lastAdmin();
      await client.query('UPDATE users SET record = $2 WHERE id = $1', [id, User.parse(user)]);
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
    return allUsers(this.pool);
  }

  async importUser(user: User): Promise<void> {
    const record = User.parse(user);
    return this.change(async (client) => {
      try {
        await client.query('INSERT INTO users (id, username, record) VALUES ($1, $2, $3)', [record.id, record.username, record]);
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

async function allUsers(client: Queryable): Promise<User[]> {
  const { rows } = await client.query<{ id: string; record: unknown }>('SELECT id, record FROM users');
  return rows.map((row) => parseRecord(User, row.record, `users/${row.id}`));
}
