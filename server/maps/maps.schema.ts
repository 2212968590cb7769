// Zod schemas of the maps API's inputs; handlers receive the parsed values.
import { z } from 'zod';
import { LaneAnswers } from '../import/lane-matching';
import { MAP_KIND_LABELS, MapKind, Profile } from '../domain/vocabulary';
import { MapCode, MapId } from '../store/records';
import { REVIEW_STATES } from '../review/review.schema';
import { libraryEntry } from './templates';

const Name = z.string().trim().min(1, 'Nama peta wajib diisi.').max(200);
const Unit = z.string().trim().max(200);
/** Query strings send "" for an empty filter field; that means "no filter". */
const optionalQuery = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A map of the reference library (processes/library/catalog.json, GET /api/templates). */
const TemplateId = z
  .string()
  .trim()
  .refine((id) => libraryEntry(id) !== undefined, 'Templat tidak ada dalam pustaka peta; lihat daftar templat (GET /api/templates).');

/**
 * A new map: from the starter template of its kind, from a library map (`templateId`, whose kind and profile it
 * takes unless given), or from a BPMN file (`xml`).
 */
export const CreateMapBody = z
  .strictObject({
    name: Name,
    kind: MapKind.optional(),
    unit: Unit.default(''),
    profile: Profile.optional(),
    parentId: MapId.optional(),
    code: MapCode.optional(),
    xml: z.string().optional(),
    templateId: TemplateId.optional(),
  })
  .superRefine((body, ctx) => {
    const entry = body.templateId === undefined ? undefined : libraryEntry(body.templateId);
    if (body.templateId === undefined && body.kind === undefined) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Jenis peta wajib diisi.' });
    if (body.templateId !== undefined && body.xml !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['templateId'], message: 'Pilih templat pustaka atau unggah berkas BPMN, tidak keduanya.' });
    }
    if (entry && body.kind !== undefined && body.kind !== entry.kind) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `Templat "${entry.title}" adalah ${MAP_KIND_LABELS[entry.kind].toLocaleLowerCase('id')}.` });
    }
  })
  .transform(({ kind, ...body }) => ({ ...body, kind: kind ?? libraryEntry(body.templateId!)!.kind }));
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

/** The most items one page of the map listing holds (`?limit=`). */
export const MAX_PAGE_ITEMS = 500;

/** A whole number written in decimal digits, within [min, max]; `what` names it in the messages. */
const WholeNumber = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} harus berupa satu bilangan bulat.` })
    .regex(/^\d{1,9}$/, `${what} harus berupa bilangan bulat tanpa tanda, mis. 100.`)
    .transform(Number)
    .pipe(z.number().min(min, `${what} paling kecil ${min}.`).max(max, `${what} paling besar ${max}.`));

export const ListMapsQuery = z
  .object({
    kind: optionalQuery(MapKind),
    unit: optionalQuery(Unit),
    q: optionalQuery(z.string().trim().max(200)),
    /** Only maps whose SOP is in this lifecycle state (`draf` includes maps never submitted). */
    sopState: optionalQuery(z.enum(REVIEW_STATES, { error: `Status SOP tidak dikenal; pilih salah satu dari: ${REVIEW_STATES.join(', ')}.` })),
    /** A page of the listing (`{ items, total }`) instead of the whole of it (`{ items }`): at most this many items. */
    limit: optionalQuery(WholeNumber('Jumlah per halaman (limit)', 1, MAX_PAGE_ITEMS)),
    /** The page's first item's position in the listing (0: the first); only with `limit`. */
    offset: optionalQuery(WholeNumber('Posisi awal halaman (offset)', 0, 999_999_999)),
  })
  .superRefine((query, ctx) => {
    if (query.offset !== undefined && query.limit === undefined) {
      ctx.addIssue({ code: 'custom', path: ['offset'], message: 'Posisi awal halaman (offset) hanya berlaku bersama jumlah per halaman (limit).' });
    }
  });

/** A query parameter holding the lane answers as JSON. */
const LanesQuery = z
  .string()
  .max(200_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Jawaban jalur (lanes) harus berupa JSON: { "<id jalur>": { "jabatan": "PELAKSANA" } }.' });
      return z.NEVER;
    }
  })
  .pipe(LaneAnswers);

export const ImportQuery = z.object({
  name: optionalQuery(Name),
  unit: optionalQuery(Unit),
  kind: optionalQuery(MapKind),
  profile: optionalQuery(Profile),
  /** The uploaded file's name, kept with the original bytes (GET /api/maps/:id/original); folders are dropped. */
  fileName: optionalQuery(
    z
      .string()
      .transform((n) => n.split(/[\\/]/).pop()!.trim())
      .pipe(z.string().min(1).max(255)),
  ),
  /** The lanes answered in the import dialog, as JSON: `{ [laneId]: { jabatan?, role?, level?, external? } }` (lane-matching.ts). */
  lanes: optionalQuery(LanesQuery),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** Moves a map with its subtree under `parentId` (null: the top level); `dryRun` only answers what would change. */
export const MoveMapBody = z.strictObject({
  parentId: MapId.nullable(),
  dryRun: z.boolean().default(false),
});
export type MoveMapBody = z.infer<typeof MoveMapBody>;

/** POST /api/maps/:id/rincian: a detail map for the call activity `elementId` of revision `baseRevision`. */
export const CreateDetailMapBody = z.strictObject({
  elementId: z.string().trim().min(1).max(200),
  baseRevision: z.number().int().min(1),
  /** The new map's name; the activity's name when absent. */
  name: Name.optional(),
});
export type CreateDetailMapBody = z.infer<typeof CreateDetailMapBody>;

export const LinksQuery = z.object({ revision: optionalQuery(z.coerce.number().int().min(1)) });

export const MapParams = z.object({ id: MapId });
export const RevisionParams = z.object({ id: MapId, n: z.coerce.number().int().min(1) });
