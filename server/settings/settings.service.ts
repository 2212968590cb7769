// The public address of the application (issue 13, item 9): set with --public-url / PETAKERJA_PUBLIC_URL, else
// confirmed by an administrator (first-run setup, the admin page) and kept in settings.json. Never taken from a
// request: a signed SOP's QR code must not carry 127.0.0.1 or a forged Host header.
import type { X509Certificate } from 'node:crypto';
import { certificatesOfPem, summary } from '../review/signature/pades/pades-verify';
import type { CertificateSummary } from '../review/review.schema';
import type { NameMismatchPolicy } from '../review/signature/signer/name-policy';
import type { Profile } from '../domain/vocabulary';
import type { SettingsStore } from '../store/settings-store';
import { defaultTimeZone, TIME_ZONE_ABBREVIATIONS, type TimeZone } from './time-zone';

export interface PublicUrlSetting {
  url: string;
  /** `cli`: --public-url or PETAKERJA_PUBLIC_URL (cannot be changed on the admin page); `admin`: confirmed by an admin. */
  source: 'cli' | 'admin';
  confirmedBy?: string;
  confirmedAt?: string;
}

export interface TimeZoneSetting {
  zone: TimeZone;
  abbreviation: 'WIB' | 'WITA' | 'WIT';
  /** `profile`: the default of the repository's regulation profile; `admin`: chosen by an administrator. */
  source: 'profile' | 'admin';
  changedBy?: string;
  changedAt?: string;
}

export interface SignatureSetting {
  trustListPem: string;
  certificates: CertificateSummary[];
  nameMismatch: NameMismatchPolicy;
  /** The RFC 3161 time-stamp authority; signatures are B-T when set. */
  tsaUrl?: string;
  changedBy?: string;
  changedAt?: string;
}

export class SettingsService {
  private readonly cliPublicUrl: string | undefined;

  constructor(
    private readonly store: SettingsStore,
    cliPublicUrl?: string,
    private readonly profile?: Profile,
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

  /** The pemda's time zone: the administrator's choice, else the default of the repository's profile. */
  timeZone(): TimeZoneSetting {
    const stored = this.store.read().timeZone;
    if (stored) return { zone: stored.value, abbreviation: TIME_ZONE_ABBREVIATIONS[stored.value], source: 'admin', changedBy: stored.changedBy, changedAt: stored.changedAt };
    const zone = defaultTimeZone(this.profile);
    return { zone, abbreviation: TIME_ZONE_ABBREVIATIONS[zone], source: 'profile' };
  }

  async setTimeZone(actor: string, zone: TimeZone): Promise<TimeZoneSetting> {
    await this.store.update((current) => ({ ...current, timeZone: { value: zone, changedBy: actor, changedAt: new Date().toISOString() } }));
    return this.timeZone();
  }

  /** The electronic-signature settings (issue 19): trust list and name policy; "peringatan" and no trust list by default. */
  signature(): SignatureSetting {
    const stored = this.store.read().signature;
    const trustListPem = stored?.trustListPem ?? '';
    let certificates: CertificateSummary[] = [];
    try {
      certificates = certificatesOfPem(trustListPem).map(summary);
    } catch {
      certificates = [];
    }
    return {
      trustListPem,
      certificates,
      nameMismatch: stored?.nameMismatch ?? 'peringatan',
      ...(stored?.tsaUrl ? { tsaUrl: stored.tsaUrl } : {}),
      ...(stored ? { changedBy: stored.changedBy, changedAt: stored.changedAt } : {}),
    };
  }

  /** The trust anchors our verifier uses. */
  trustAnchors(): X509Certificate[] {
    try {
      return certificatesOfPem(this.store.read().signature?.trustListPem ?? '');
    } catch {
      return [];
    }
  }

  async setSignature(actor: string, value: { trustListPem: string; nameMismatch: NameMismatchPolicy; tsaUrl?: string | undefined }): Promise<SignatureSetting> {
    const { tsaUrl, ...rest } = value;
    await this.store.update((current) => ({ ...current, signature: { ...rest, ...(tsaUrl ? { tsaUrl } : {}), changedBy: actor, changedAt: new Date().toISOString() } }));
    return this.signature();
  }

  get overriddenByCli(): boolean {
    return Boolean(this.cliPublicUrl);
  }
}
