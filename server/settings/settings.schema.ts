// The settings an administrator confirms (issue 13, item 9): today the public address printed in the QR code of
// every signed SOP. Kept in settings.json of the data directory.
import { z } from 'zod';
import { KamusSynonym, MAX_SYNONYMS } from '../lint/map-model/kamus-synonyms';
import { TimeZone } from './time-zone';

/** An http(s) address without credentials, query or fragment; stored without a trailing slash. */
export const PublicUrl = z
  .string()
  .trim()
  .max(200)
  .transform((value, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || !/^https?:\/\/[^/]/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'Alamat publik harus berupa alamat http(s) lengkap tanpa ? atau #, misalnya https://sop.pemda.go.id' });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

export const SettingsDocument = z.object({
  publicUrl: z
    .object({ value: z.string().max(200), confirmedBy: z.string().max(200), confirmedAt: z.iso.datetime() })
    .optional(),
  /** The repository's synonyms of the kamus jabatan (issue 14 item 4; kamus.service.ts). */
  kamus: z.array(KamusSynonym).max(MAX_SYNONYMS).optional(),
  /** The pemda's time zone chosen by an administrator; absent: the default of the repository's profile. */
  timeZone: z.object({ value: TimeZone, changedBy: z.string().max(200), changedAt: z.iso.datetime() }).optional(),
});
export type SettingsDocument = z.infer<typeof SettingsDocument>;

export const PublicUrlBody = z.strictObject({ publicUrl: PublicUrl });

export const TimeZoneBody = z.strictObject({ timeZone: TimeZone });
