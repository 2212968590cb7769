// The change feed's own connection: LISTEN petakerja_maps (and the other channels of several instances) on a client outside the pool that stays connected. When the
// connection drops (a database restart, a network cut, a terminated backend) it reconnects with a growing pause and
// then asks the store to catch up on what it missed while deaf (PostgresMapStore.resync).
import pg from 'pg';
import { unreachable } from './database';

export const MAP_CHANNEL = 'petakerja_maps';
/** application_name of the connection, to find it in pg_stat_activity. */
export const LISTENER_APPLICATION = 'petakerja-perubahan-peta';
const RETRY_MS = [200, 1_000, 5_000, 30_000];

export interface MapChangeHandlers {
  /** A notification's payload: '<map id> <change_seq>'. */
  notified(payload: string): void;
  /** Called after a reconnection, once listening again. */
  resync(): Promise<void>;
  /**
   * Other channels heard on the same connection (map events, settings: docs/storage.md, Several instances), by name.
   * A notification missed while deaf is not replayed on these: they carry what is only worth hearing live.
   */
  channels?: Record<string, (payload: string) => void>;
}

export class MapChangeListener {
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private attempts = 0;

  constructor(
    private readonly url: string,
    private readonly connectTimeoutMs: number,
  ) {}

  /** Connects and listens; a failure here is the start's (StoreOpenError). */
  async start(handlers: MapChangeHandlers): Promise<void> {
    try {
      await this.connect(handlers);
    } catch (error) {
      throw unreachable(this.url, error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(handlers: MapChangeHandlers): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: this.connectTimeoutMs, application_name: LISTENER_APPLICATION });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || this.closed) return;
      lost = true;
      console.error(`Koneksi pemantau perubahan peta ke basis data terputus${error ? `: ${error.message}` : ''}; menyambung ulang…`);
      client.end().catch(() => undefined);
      this.schedule(handlers);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === MAP_CHANNEL && message.payload) handlers.notified(message.payload);
      else handlers.channels?.[message.channel]?.(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${MAP_CHANNEL}`);
      for (const channel of Object.keys(handlers.channels ?? {})) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      lost = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  private schedule(handlers: MapChangeHandlers): void {
    const pause = RETRY_MS[Math.min(this.attempts++, RETRY_MS.length - 1)]!;
    this.retry = setTimeout(async () => {
      if (this.closed) return;
      try {
        await this.connect(handlers);
        this.attempts = 0;
        await handlers.resync();
        console.error('Pemantau perubahan peta tersambung kembali.');
      } catch (error) {
        console.error(`Pemantau perubahan peta belum dapat menyambung: ${(error as Error).message}`);
        this.schedule(handlers);
      }
    }, pause);
    this.retry.unref();
  }
}
