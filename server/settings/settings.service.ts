// The public address of the application (issue 13, item 9): set with --public-url / PETAKERJA_PUBLIC_URL, else
// confirmed by an administrator (first-run setup, the admin page) and kept in settings.json. Never taken from a
// request: a signed SOP's QR code must not carry 127.0.0.1 or a forged Host header.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreOpenError } from '../errors';
import { writeFileDurably } from '../store/durable-file';
import { SerialQueue } from '../store/serial-queue';
import { SettingsDocument } from './settings.schema';

export const SETTINGS_FILE = 'settings.json';

export interface PublicUrlSetting {
  url: string;
  /** `cli`: --public-url or PETAKERJA_PUBLIC_URL (cannot be changed on the admin page); `admin`: confirmed by an admin. */
  source: 'cli' | 'admin';
  confirmedBy?: string;
  confirmedAt?: string;
}

export class SettingsService {
  private readonly writes = new SerialQueue();

  private constructor(
    private readonly file: string,
    private document: SettingsDocument,
    private readonly cliPublicUrl: string | undefined,
  ) {}

  static async open(dataDir: string, cliPublicUrl?: string): Promise<SettingsService> {
    const file = path.join(dataDir, SETTINGS_FILE);
    let document: SettingsDocument = {};
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text !== undefined) {
      const parsed = SettingsDocument.safeParse(safeJson(text));
      if (!parsed.success) throw new StoreOpenError(`Berkas data ${file} rusak. Server tidak dijalankan dan berkas tidak diubah; pulihkan dari cadangan.`);
      document = parsed.data;
    }
    return new SettingsService(file, document, cliPublicUrl?.replace(/\/+$/, ''));
  }

  /** The confirmed public address, or undefined while none is: signing is refused then. */
  publicUrl(): PublicUrlSetting | undefined {
    if (this.cliPublicUrl) return { url: this.cliPublicUrl, source: 'cli' };
    const stored = this.document.publicUrl;
    return stored ? { url: stored.value, source: 'admin', confirmedBy: stored.confirmedBy, confirmedAt: stored.confirmedAt } : undefined;
  }

  /** `url` is already normalised (PublicUrl). */
  confirmPublicUrl(actor: string, url: string): Promise<PublicUrlSetting> {
    return this.writes.run(async () => {
      const next: SettingsDocument = { ...this.document, publicUrl: { value: url, confirmedBy: actor, confirmedAt: new Date().toISOString() } };
      await writeFileDurably(this.file, `${JSON.stringify(next, null, 2)}\n`);
      this.document = next;
      return this.publicUrl()!;
    });
  }

  get overriddenByCli(): boolean {
    return Boolean(this.cliPublicUrl);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
