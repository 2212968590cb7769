// The SOP record of a map (issue 5, item 1): the identity part (SOP-FORMAT.md §1), the layout settings the guideline
// leaves open (§2), and the map revision each save was made against. Every save is kept: revision n of the map is
// printed with the identity in force at n, the last one saved while the map stood at revision n or earlier.
import { z } from 'zod';
import { SopIdentityDraft, StoredSopIdentityDraft } from './identity.schema';
import { Orientation, Paper } from './layout/document.schema';
import { MapId } from '../store/records';

/** Paper, orientation and rows per page; each optional, the layout's defaults (A4, landscape, 12) apply. */
export const SopSettings = z.strictObject({
  paper: Paper.optional(),
  orientation: Orientation.optional(),
  maxRowsPerPage: z.number().int().min(1, 'Paling sedikit 1 baris per halaman').max(100, 'Paling banyak 100 baris per halaman').optional(),
});
export type SopSettings = z.infer<typeof SopSettings>;

/** One saved version of a map's SOP record. */
export const SopVersion = z.strictObject({
  /** 1, 2, …: the optimistic-concurrency token of the record. */
  version: z.number().int().min(1),
  /** The map's current revision when this version was saved. */
  mapRevision: z.number().int().min(1),
  /** As stored: inputs are bounded by PutSopBody's SopIdentityDraft; see StoredSopIdentityDraft. */
  identity: StoredSopIdentityDraft,
  settings: SopSettings,
  savedAt: z.iso.datetime(),
  savedBy: z.string().min(1).max(200),
});
export type SopVersion = z.infer<typeof SopVersion>;

/** The embedded store's document of one map's SOP: every version, oldest first; the last one is current. */
export const SopDocument = z
  .strictObject({
    format: z.literal('petakerja-sop'),
    version: z.literal(1),
    mapId: MapId,
    versions: z.array(SopVersion).min(1),
  })
  .refine((doc) => doc.versions.every((v, i) => v.version === i + 1), { path: ['versions'], message: 'Nomor versi SOP harus berurutan mulai dari 1.' })
  .refine(
    (doc) => doc.versions.every((v, i) => i === 0 || v.mapRevision >= doc.versions[i - 1]!.mapRevision),
    { path: ['versions'], message: 'Revisi peta pada riwayat SOP tidak boleh menurun.' },
  );
export type SopDocument = z.infer<typeof SopDocument>;

/** GET /api/maps/:id/sop. */
export interface SopRecordView {
  /** The current version, or null when no SOP identity was saved for the map yet. */
  record: SopVersion | null;
  /** Every saved version, newest first. */
  history: SopVersion[];
  /** The map's current revision, which a save now would be tied to. */
  mapRevision: number;
}

/** PUT /api/maps/:id/sop: `version` is the version the form was loaded from, 0 when the map had no SOP yet. */
export const PutSopBody = z.strictObject({
  version: z.number({ error: 'Versi SOP wajib dikirim (0 bila belum ada).' }).int().min(0),
  identity: SopIdentityDraft,
  settings: SopSettings.default({}),
});
export type PutSopBody = z.infer<typeof PutSopBody>;

/** The form as it stands, not yet saved: the live preview of the SOP view renders it on the current map revision. */
export const SopPreviewBody = PutSopBody.omit({ version: true });
export type SopPreviewBody = z.infer<typeof SopPreviewBody>;

/** `?revision=n` of sop.html and sop.pdf; absent means the map's current revision. */
export const SopRenderQuery = z.object({
  revision: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).optional()),
  /** `lampiran=diagram` adds the BPMN diagram as an appendix page. */
  lampiran: z.enum(['diagram']).optional(),
});

/** The version in force at map revision `n`: the last one saved while the map stood at `n` or earlier. */
export function versionAtRevision(versions: readonly SopVersion[], n: number): SopVersion | undefined {
  return versions.findLast((v) => v.mapRevision <= n);
}
