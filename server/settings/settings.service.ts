// The public address of the application (issue 13, item 9): set with --public-url / PETAKERJA_PUBLIC_URL, else
// confirmed by an administrator (first-run setup, the admin page) and kept in settings.json. Never taken from a
// request: a signed SOP's QR code must not carry 127.0.0.1 or a forged Host header.
import type { SettingsStore } from '../store/settings-store';

export interface PublicUrlSetting {
  url: string;
  /** `cli`: --public-url or PETAKERJA_PUBLIC_URL (cannot be changed on the admin page); `admin`: confirmed by an admin. */
  source: 'cli' | 'admin';
  confirmedBy?: string;
  confirmedAt?: string;
}

export class SettingsService {
  private readonly cliPublicUrl: string | undefined;

  constructor(
    private readonly store: SettingsStore,
    cliPublicUrl?: string,
  ) {
    this.cliPublicUrl = cliPublicUrl?.replace(/\/+$/, '');
  }

  /** The confirmed public address, or undefined while none is: signing is refused then. */
  publicUrl(): PublicUrlSetting | undefined {
    if (this.cliPublicUrl) return { url: this.cliPublicUrl, source: 'cli' };
    const stored = this.store.read().publicUrl;
    return stored ? { url: stored.value, source: 'admin', confirmedBy: stored.confirmedBy, confirmedAt: stored.confirmedAt } : undefined;
  }

  /** `url` is already normalised (PublicUrl). */
  async confirmPublicUrl(actor: string, url: string): Promise<PublicUrlSetting> {
    await this.store.update((current) => ({ ...current, publicUrl: { value: url, confirmedBy: actor, confirmedAt: new Date().toISOString() } }));
    return this.publicUrl()!;
  }

  get overriddenByCli(): boolean {
    return Boolean(this.cliPublicUrl);
  }
}
