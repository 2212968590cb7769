// What an administrator may choose when a certificate's name differs from the pengesah's (issue 19): only record it
// ("peringatan") or refuse the signature ("tolak"). Apart from the certificate checks, so that the settings schema —
// read by every lint through the kamus — does not load node-forge.
export const NAME_MISMATCH_POLICIES = ['peringatan', 'tolak'] as const;
export type NameMismatchPolicy = (typeof NAME_MISMATCH_POLICIES)[number];
