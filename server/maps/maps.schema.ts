// Zod schemas of the maps API's inputs; handlers receive the parsed values.
import { z } from 'zod';
import { MapKind, Profile } from '../domain/vocabulary';
import { MapCode, MapId } from '../store/records';

const Name = z.string().trim().min(1, 'Nama peta wajib diisi.').max(200);
const Unit = z.string().trim().max(200);
/** Query strings send "" for an empty filter field; that means "no filter". */
const optionalQuery = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const CreateMapBody = z.strictObject({
  name: Name,
  kind: MapKind,
  unit: Unit.default(''),
  profile: Profile.optional(),
  parentId: MapId.optional(),
  code: MapCode.optional(),
  xml: z.string().optional(),
});
export type CreateMapBody = z.infer<typeof CreateMapBody>;

export const PatchMapBody = z
  .strictObject({ name: Name, kind: MapKind, unit: Unit, profile: Profile, code: MapCode })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Tidak ada data yang diubah.');
export type PatchMapBody = z.infer<typeof PatchMapBody>;

export const SaveRevisionBody = z.strictObject({
  xml: z.string(),
  baseRevision: z.number().int().min(1),
  message: z.string().trim().min(1, 'Pesan revisi wajib diisi.').max(2000),
});
export type SaveRevisionBody = z.infer<typeof SaveRevisionBody>;

export const ListMapsQuery = z.object({
  kind: optionalQuery(MapKind),
  unit: optionalQuery(Unit),
  q: optionalQuery(z.string().trim().max(200)),
});

export const ImportQuery = z.object({
  name: optionalQuery(Name),
  unit: optionalQuery(Unit),
  kind: optionalQuery(MapKind),
  profile: optionalQuery(Profile),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const MapParams = z.object({ id: MapId });
export const RevisionParams = z.object({ id: MapId, n: z.coerce.number().int().min(1) });
