// The storage interface of SOP records (per map, versioned) and letterheads (per unit); lowdb is the embedded one.
import type { Letterhead, StoredLetterhead } from '../sop/letterhead.schema';
import type { SopSettings, SopVersion } from '../sop/sop.schema';
import type { SopIdentityDraft } from '../sop/identity.schema';

export interface NewSopVersion {
  identity: SopIdentityDraft;
  settings: SopSettings;
  /** The map's current revision at this save. */
  mapRevision: number;
  savedBy: string;
}

/**
 * Errors are AppErrors: SOP_CONFLICT (409). The store does not know maps: the caller checks that the map exists
 * and may be seen. Every mutation is atomic and durable when its promise resolves.
 */
export interface SopStore {
  /** Every saved version of the map's SOP, oldest first (the last is current); [] when none was saved. */
  listSopVersions(mapId: string): Promise<SopVersion[]>;
  /** Saves a new version when `baseVersion` is still the current one (0: none yet); SOP_CONFLICT otherwise. */
  putSop(mapId: string, baseVersion: number, input: NewSopVersion): Promise<SopVersion>;
  getLetterhead(unit: string): Promise<StoredLetterhead | undefined>;
  putLetterhead(unit: string, letterhead: Letterhead, updatedBy: string): Promise<StoredLetterhead>;
  /** Every unit's letterhead (store-to-store transfer). */
  listLetterheads(): Promise<StoredLetterhead[]>;
  /** Writes a map's SOP versions whole, as another store kept them; refused when the map has versions already. */
  importSop(mapId: string, versions: readonly SopVersion[]): Promise<void>;
  /** Writes a unit's letterhead as another store kept it; refused when the unit has one already. */
  importLetterhead(stored: StoredLetterhead): Promise<void>;
  /** Resolves once every write already started has finished. */
  close(): Promise<void>;
}
