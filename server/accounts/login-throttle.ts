// Limits failed sign-ins per account and per address over a sliding window. The failures are kept by a
// FailureCounters: in memory for one process (the embedded store), in the database when several instances share one
// (server/store/postgres/pg-login-failures.ts), so a flood split across instances is throttled the same.

export interface ThrottleLimits {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

/** Where failed attempts are counted: times in epoch milliseconds, by key ('u:<username>', 'a:<address>'). */
export interface FailureCounters {
  /** The times of each key's failures later than `since`, oldest first (a key without any may be absent). */
  recent(keys: readonly string[], since: number): Promise<Map<string, number[]>>;
  /** Counts one failure at `at` for each key; failures at or before `expiredBefore` may be forgotten. */
  record(keys: readonly string[], at: number, expiredBefore: number): Promise<void>;
  /** Forgets every failure of `key`. */
  clear(key: string): Promise<void>;
}

/** One process's counters. */
export class InMemoryFailureCounters implements FailureCounters {
  private readonly failures = new Map<string, number[]>();

  async recent(keys: readonly string[], since: number): Promise<Map<string, number[]>> {
    return new Map(keys.map((key) => [key, this.prune(key, since)]));
  }

  async record(keys: readonly string[], at: number, expiredBefore: number): Promise<void> {
    for (const key of keys) this.failures.set(key, [...this.prune(key, expiredBefore), at]);
  }

  async clear(key: string): Promise<void> {
    this.failures.delete(key);
  }

  private prune(key: string, since: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}

export class LoginThrottle {
  constructor(
    private readonly counters: FailureCounters = new InMemoryFailureCounters(),
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `username` may try again from `address`; 0 when a try is allowed now. */
  async retryAfterSeconds(username: string, address: string): Promise<number> {
    const now = this.now();
    const recent = await this.counters.recent([`u:${username}`, `a:${address}`], now - this.limits.windowMs);
    return Math.max(
      this.wait(recent.get(`u:${username}`) ?? [], this.limits.perAccount, now),
      this.wait(recent.get(`a:${address}`) ?? [], this.limits.perAddress, now),
    );
  }

  recordFailure(username: string, address: string): Promise<void> {
    const now = this.now();
    return this.counters.record([`u:${username}`, `a:${address}`], now, now - this.limits.windowMs);
  }

  /** A successful sign-in clears the account's failures (not the address's: one address may try many accounts). */
  recordSuccess(username: string): Promise<void> {
    return this.counters.clear(`u:${username}`);
  }

  private wait(recent: readonly number[], limit: number, now: number): number {
    if (recent.length < limit) return 0;
    const oldestCounted = recent[recent.length - limit]!;
    return Math.max(1, Math.ceil((oldestCounted + this.limits.windowMs - now) / 1000));
  }
}
