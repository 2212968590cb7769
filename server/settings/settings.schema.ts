// The settings an administrator confirms (issue 13, item 9): today the public address printed in the QR code of
// every signed SOP. Kept in settings.json of the data directory.
import { z } from 'zod';
import { KamusSynonym, MAX_SYNONYMS } from '../lint/map-model/kamus-synonyms';
import { X509Certificate } from 'node:crypto';
import { NAME_MISMATCH_POLICIES } from '../review/signature/signer/name-policy';
import { TimeZone } from './time-zone';

export const MAX_TRUST_LIST_CHARS = 256 * 1024;
export const MAX_TRUSTED_CERTIFICATES = 50;

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
  /**
   * Certified electronic signatures (issue 19): the trust list (PEM certificates of the CAs whose certificates
   * verify as trusted) and what to do when a certificate's name is not the pengesah's.
   */
  signature: z
    .object({
      trustListPem: z.string().max(MAX_TRUST_LIST_CHARS),
      nameMismatch: z.enum(NAME_MISMATCH_POLICIES),
      /** RFC 3161 time-stamp authority: signatures are PAdES B-T when set, B-B otherwise. */
      tsaUrl: z.string().max(300).optional(),
      changedBy: z.string().max(200),
      changedAt: z.iso.datetime(),
    })
    .optional(),
});
export type SettingsDocument = z.infer<typeof SettingsDocument>;

export const PublicUrlBody = z.strictObject({ publicUrl: PublicUrl });

export const TimeZoneBody = z.strictObject({ timeZone: TimeZone });

/** The trust list as PEM text (one or more certificates) and the name-mismatch policy. */
export const SignatureSettingsBody = z.strictObject({
  trustListPem: z
    .string()
    .max(MAX_TRUST_LIST_CHARS, 'Daftar sertifikat tepercaya paling banyak 256 KB.')
    .transform((pem, ctx) => {
      const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
      const rest = pem.replace(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g, '').trim();
      if (rest !== '') {
        ctx.addIssue({ code: 'custom', message: 'Daftar sertifikat tepercaya hanya boleh berisi sertifikat berformat PEM (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).' });
        return z.NEVER;
      }
      if (blocks.length > MAX_TRUSTED_CERTIFICATES) {
        ctx.addIssue({ code: 'custom', message: `Daftar sertifikat tepercaya paling banyak ${MAX_TRUSTED_CERTIFICATES} sertifikat.` });
        return z.NEVER;
      }
      for (const [index, block] of blocks.entries()) {
        try {
          new X509Certificate(block);
        } catch {
          ctx.addIssue({ code: 'custom', message: `Sertifikat ke-${index + 1} pada daftar tepercaya tidak dapat dibaca.` });
          return z.NEVER;
        }
      }
      return blocks.join('\n');
    }),
  nameMismatch: z.enum(NAME_MISMATCH_POLICIES, { error: 'Pilih “peringatan” atau “tolak” untuk nama sertifikat yang berbeda.' }),
  /** The time-stamp authority's address (http or https); empty or absent: no time-stamp (B-B). */
  tsaUrl: z
    .string()
    .trim()
    .max(300, 'Alamat TSA paling panjang 300 karakter.')
    .refine((value) => value === '' || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(value), 'Alamat TSA harus berupa alamat http(s) lengkap, misalnya https://tsa.example.go.id/tsr')
    .optional(),
});
