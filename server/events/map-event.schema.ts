// A committed change to a map as its event stream sends it (server/events/events.routes.ts); the client reads the same type.
import { z } from 'zod';

export const MapEventKind = z.enum(['revision', 'map', 'sop', 'review', 'hierarchy']);
export type MapEventKind = z.infer<typeof MapEventKind>;

export const MapEvent = z.object({
  mapId: z.string(),
  kind: MapEventKind,
  /** Who made the change: the client names them ("Peta ini diubah oleh …") and ignores its own user's echoes. */
  by: z.object({ id: z.string(), name: z.string() }),
  at: z.string(),
  /** The page load that made the change (header x-petakerja-page), so it can tell its own changes from others'. */
  page: z.string().optional(),
});
export type MapEvent = z.infer<typeof MapEvent>;

