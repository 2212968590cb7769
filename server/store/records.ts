// Zod schemas of every stored record; the TypeScript types are inferred from them.
import { z } from 'zod';
import { MapKind, Profile } from '../domain/vocabulary';

export const MapId = z.uuid();
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const MapCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z][0-9A-Za-z.\-/]*$/, 'Kode hanya boleh berisi huruf, angka, titik, garis miring dan tanda hubung');

export const ProcessMap = z.object({
  id: MapId,
  code: MapCode,
  name: z.string().min(1).max(200),
  kind: MapKind,
  level: z.number().int().min(0).max(20),
  parentId: MapId.optional(),
  unit: z.string().max(200),
  profile: Profile,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  currentRevision: z.number().int().min(1),
});
export type ProcessMap = z.infer<typeof ProcessMap>;

export const Revision = z.object({
  n: z.number().int().min(1),
  sha256: Sha256,
  author: z.string().min(1).max(200),
  createdAt: z.iso.datetime(),
  message: z.string().min(1).max(2000),
  /** The file exactly as uploaded, kept beside revision 1 of an imported map (its bytes stored by sha256). */
  original: z
    .object({
      fileName: z.string().min(1).max(255),
      bytes: z.number().int().min(0),
      sha256: Sha256,
    })
    .optional(),
});
export type Revision = z.infer<typeof Revision>;

/**
 * One map's metadata document in the embedded store: the map and the records of all its revisions.
 * One document per map keeps every save a small, single-file atomic write. BPMN bodies live beside it.
 */
export const MapDocument = z
  .object({
    format: z.literal('petakerja-map'),
    version: z.literal(1),
    map: ProcessMap,
    revisions: z.array(Revision).min(1),
  })
  .refine((doc) => doc.revisions.every((r, i) => r.n === i + 1), 'Nomor revisi harus berurutan mulai dari 1.')
  .refine((doc) => doc.map.currentRevision === doc.revisions.length, 'Revisi terkini tidak sesuai daftar revisi.');
export type MapDocument = z.infer<typeof MapDocument>;
