// Repeated refusals (throttled sign-ins, throttled password changes) are counted, not written one by one (issue 13,
// item 5): the first refusal of a key (event, address, account) in a window is written at once; the ones after it in
// the same window are counted and written as one line with the count when the window ends or the server stops.

export interface TallyKey {
  event: 'login-failed' | 'password-change-failed';
  ip: string;
  username?: string;
  detail: string;
}

export interface TallyOptions {
  /** How long repeats of one key are folded into one line; 60 s. */
  windowMs?: number;
  /** Keys followed at once; beyond it, refusals fold into one key per event ("banyak alamat"); 1,000. */
  maxKeys?: number;
}

interface OpenWindow {
  key: TallyKey;
  since: string;
  count: number;
  timer: NodeJS.Timeout;
}

export const TALLY_WINDOW_MS = 60_000;
export const TALLY_MAX_KEYS = 1000;

export class RefusalTally {
  private readonly open = new Map<string, OpenWindow>();
  private readonly windowMs: number;
  private readonly maxKeys: number;

  /** `write` appends one audit line; `count` is how many refusals it stands for. */
  constructor(
    private readonly write: (key: TallyKey, count: number, since?: string) => Promise<void>,
    options: TallyOptions = {},
  ) {
    this.windowMs = options.windowMs ?? TALLY_WINDOW_MS;
    this.maxKeys = options.maxKeys ?? TALLY_MAX_KEYS;
  }

  /** Records one refusal: written now when it is the first of its key in the window, else only counted. */
  async refuse(key: TallyKey): Promise<void> {
    let id = `${key.event}\u0000${key.ip}\u0000${key.username ?? ''}`;
    if (!this.open.has(id) && this.open.size >= this.maxKeys) {
      key = { event: key.event, ip: '*', detail: `${key.detail} (banyak alamat/akun)` };
      id = `${key.event}\u0000*`;
    }
    const window = this.open.get(id);
    if (window) {
      window.count += 1;
      return;
    }
    const timer = setTimeout(() => void this.close(id), this.windowMs);
    timer.unref();
    this.open.set(id, { key, since: new Date().toISOString(), count: 0, timer });
    await this.write(key, 1);
  }

  /** Writes the counts of every open window (at shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.close(id)));
  }

  private async close(id: string): Promise<void> {
    const window = this.open.get(id);
    if (!window) return;
    clearTimeout(window.timer);
    this.open.delete(id);
    if (window.count > 0) await this.write(window.key, window.count, window.since).catch(() => undefined);
  }
}
