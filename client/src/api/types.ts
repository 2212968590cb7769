// Records exchanged with the server, as docs/api.md defines them.
import type { ImportedDocument } from '../../../server/bpmn/import/import-pipeline';
import type { TimeZoneSetting } from '../../../server/settings/settings.service';
import type { ReviewState } from '../../../server/review/review.schema';

export type MapKind = 'proses' | 'subproses' | 'relasi' | 'lintas-fungsi' | 'mekanisme-kerja';
export type Profile = 'nasional' | 'jembrana' | 'klungkung' | 'badung' | 'gunung-mas' | 'denpasar';

export interface ProcessMap {
  id: string;
  code: string;
  name: string;
  kind: MapKind;
  level: number;
  parentId?: string;
  unit: string;
  profile: Profile;
  createdAt: string;
  updatedAt: string;
  currentRevision: number;
  /** The SOP's lifecycle state, given by the listing (GET /api/maps); `draf` for a map never submitted. */
  sopState?: ReviewState;
}

export interface Revision {
  n: number;
  sha256: string;
  author: string;
  createdAt: string;
  message: string;
  /** Revision 1 of an imported map: the uploaded file, downloadable from GET /api/maps/:id/original. */
  original?: RevisionOriginal;
}

export interface LabelledOption<T extends string = string> {
  id: T;
  label: string;
}

export interface Meta {
  kinds: LabelledOption<MapKind>[];
  profiles: LabelledOption<Profile>[];
  /** The repository's default profile (`serve --profile`), proposed for new maps. */
  defaultProfile: Profile;
  roles: LabelledOption<Role>[];
  /** The units the signed-in user may see. */
  units: string[];
  limits: { xmlBytes: number };
}

export interface MapFilter {
  q?: string;
  kind?: string;
  unit?: string;
  /** Only maps whose SOP is in this state. */
  sopState?: string;
}

/** A page of the map listing (GET /api/maps?limit=&offset=): its maps and how many the whole filtered listing holds. */
export interface MapPage {
  items: ProcessMap[];
  total: number;
}

export interface NewMap {
  name: string;
  kind: MapKind;
  unit?: string;
  profile?: Profile;
  parentId?: string;
  code?: string;
  /** A map of the reference library to start from (GET /api/templates); its kind must be `kind`. */
  templateId?: string;
}

/** A map of the reference library (processes/library/catalog.json), offered as a template. */
export interface LibraryTemplate {
  id: string;
  title: string;
  kind: MapKind;
  profile: Profile;
  group: 'mekanisme-kerja' | 'penugasan';
  orgType: string;
  scope: string;
  description: string;
  articles: string[];
}

export interface MapPatch {
  name?: string;
  unit?: string;
  profile?: Profile;
}

/** The server records the signed-in user as the revision's author. */
export interface NewRevision {
  xml: string;
  baseRevision: number;
  message: string;
}

/** A lane's answer in the import dialog (JSON in `lanes=`): which jabatan or role it is, or an outside party. */
export interface LaneAnswer {
  jabatan?: string;
  role?: string;
  level?: 1 | 2 | 3;
  external?: true;
}

export interface ImportParams {
  /** The map's name; when absent, the file's own (a document's Nama SOP). */
  name?: string;
  unit?: string;
  kind?: MapKind;
  profile?: Profile;
  /** The uploaded file's name, kept with its bytes beside revision 1. */
  fileName?: string;
  /** Answers per lane id, from the "Jalur dan jabatan" section. */
  lanes?: Record<string, LaneAnswer>;
}

/** Something an import changed or could not keep, told before the map is created (docs/import.md). */
export interface ImportWarning {
  /** Stable, UPPER_SNAKE: INVALID_UTF8, ID_CHANGED, UNKNOWN_ELEMENT, DIAGRAM_GENERATED … */
  code: string;
  /** The element's id, or a human label when it has none. */
  element?: string;
  what: string;
  why: string;
}

/** A lane of an imported file and what the kamus jabatan makes of its name. */
export interface LaneMatch {
  laneId: string;
  name: string;
  /** Whether the kamus or the lane's sk: attributes place it. */
  known: boolean;
  /** Indonesian label of what it was read as. */
  reading?: string;
  suggestions: { jabatan?: string; role?: string; label: string }[];
}

/** POST /api/import/preview: the map as import would store it, what to propose, and what changed on the way. */
export interface ImportPreview {
  xml: string;
  suggested: { name: string; kind: MapKind; profile: Profile; unit: string };
  warnings: ImportWarning[];
  lanes: LaneMatch[];
  /** For an SOP AP document (PDF): what was read besides the map, and what the reader guessed (issue 17). */
  document?: ImportedDocument;
}

/** The file exactly as uploaded, kept beside revision 1 of an imported map. */
export interface RevisionOriginal {
  fileName: string;
  bytes: number;
  sha256: string;
}

export type Role = 'admin' | 'penyusun' | 'reviewer' | 'pengesah' | 'pembaca' | 'pembina';

export interface User {
  id: string;
  username: string;
  name: string;
  nip?: string;
  jabatan: string;
  unit: string;
  roles: Role[];
  disabled: boolean;
  /** The account's pemda; absent: the default pemda. */
  pemda?: string;
  createdAt: string;
  updatedAt: string;
}

/** A pemda as a session names it (docs/api.md, GET /api/session). */
export interface PemdaSummary {
  id: string;
  name: string;
  kind: 'kabupaten' | 'kota' | 'provinsi';
}

export interface Session {
  user: User;
  csrfToken: string;
  /** True for the organisation bureau (admin, penyusun): every unit's maps; otherwise only the user's own unit. */
  allUnits: boolean;
  /** The user's pemda. */
  pemda?: PemdaSummary;
  /** The pemda the app reads now: the user's own, or one a province role (pembina) chose. */
  actingPemda?: PemdaSummary;
  /** For a province role: its own pemda and the kabupaten/kota it may read (empty for everyone else). */
  readablePemda?: PemdaSummary[];
}

export interface AccountInput {
  username: string;
  password: string;
  name: string;
  nip?: string;
  jabatan: string;
  unit: string;
}

export interface SetupInput extends AccountInput {
  /** The public address the first administrator confirms (printed in signed SOPs' QR codes). */
  publicUrl?: string;
}

/** GET /api/settings: the confirmed public address (null while none is), the pemda's time zone and, for administrators, trust proxy. */
export interface Settings {
  publicUrl: { url: string; source: 'cli' | 'admin'; confirmedBy?: string; confirmedAt?: string } | null;
  timeZone: TimeZoneSetting;
  trustProxy?: string;
}

export interface NewUser extends AccountInput {
  roles: Role[];
}

/** Only the fields that change; `nip: null` clears the NIP. */
export interface UserPatch {
  name?: string;
  nip?: string | null;
  jabatan?: string;
  unit?: string;
  roles?: Role[];
  disabled?: boolean;
  password?: string;
}

export type AuditEventKind =
  | 'login'
  | 'login-failed'
  | 'logout'
  | 'permission-denied'
  | 'setup'
  | 'user-created'
  | 'user-updated'
  | 'password-changed'
  | 'password-change-failed'
  | 'settings-changed'
  | 'sop-ajukan'
  | 'sop-tarik'
  | 'sop-mulai-reviu'
  | 'sop-minta-perbaikan'
  | 'sop-setujui'
  | 'sop-sahkan'
  | 'sop-cabut';

/** GET /api/audit filters: days YYYY-MM-DD (both included), a username, an event, and the cursor of the page before. */
export interface AuditFilter {
  from?: string;
  to?: string;
  user?: string;
  event?: AuditEventKind;
  before?: string;
}

export interface AuditEvent {
  at: string;
  event: AuditEventKind;
  username?: string;
  ip: string;
  detail?: string;
  count?: number;
  /** Review events (sop-…): the map, the SOP state before and after, the comment, the signed SOP's code. */
  review?: import('../../../server/accounts/accounts.records').AuditReview;
}

/** SOP records (docs/api.md, "SOP documents"); the shapes are the server's zod schemas. */
export type { SopIdentityDraft } from '../../../server/sop/identity.schema';
export type { SopRecordView, SopSettings, SopVersion } from '../../../server/sop/sop.schema';
export type { TimeZoneSetting, SignatureSetting } from '../../../server/settings/settings.service';
export type { TimeZone } from '../../../server/settings/time-zone';
export type { Letterhead, StoredLetterhead } from '../../../server/sop/letterhead.schema';
export type { KamusSynonym } from '../../../server/lint/map-model/kamus-synonyms';
export type { ElementChange, ElementChangeKind, FlowEnds, IdentityFieldChange, RevisionDiff, SopRenumbering, SopRowChange } from '../../../server/review/diff/diff.schema';

/** The review cycle (docs/review.md); the stored shapes are the server's zod schemas. */
export type {
  Anchor,
  Annotation,
  AnnotationStatus,
  IdentityFieldPath,
  ReviewAction,
  ReviewState,
  Signature,
  StoredFile,
  Transition,
} from '../../../server/review/review.schema';
/** The answers of the review routes, as the server builds them. */
export type { Readiness as ReviewReadiness, ReadinessProblem, ReviewView, SignatureView } from '../../../server/review/review.service';
/** A committed change to a map, as its event stream sends it. */
export type { MapEvent } from '../../../server/events/map-event.schema';
export type { AnnotationsAtRevision as AnnotationList, AnnotationView } from '../../../server/review/annotations.service';
export type { InboxItem } from '../../../server/review/inbox';
import type { TransitionBody } from '../../../server/review/review.api.schema';
/** POST /api/maps/:id/review/transitions. */
export type TransitionRequest = import('zod').input<typeof TransitionBody>;

// Monitoring and evaluation of an SOP in force (docs/evaluation.md).
export type { Evaluation, Monitoring } from '../../../server/review/review.schema';
export type { DueItem, EvaluationInput, EvaluationTemplate, MonitoringInput, MonitoringTemplate, RevisionReason } from '../../../server/review/evaluation/evaluation.schema';

// The repository-wide checks, RULES.md §F (docs/repository-lint.md).
export type { MapRepositoryLint, RepositoryFinding, RepositoryLintResult } from '../../../server/repository/repository-lint.schema';

// The repository dashboard (docs/dashboard.md).
export type { Dashboard, DashboardLint, DashboardRow } from '../../../server/repository/dashboard.schema';

// The map hierarchy (docs/hierarchy.md): where call activities lead, and what a move changes.
export type { CallLink } from '../../../server/maps/maps.service';
export interface MapMove {
  /** The moved map as it ends up. */
  map: ProcessMap;
  /** Every record that changed (the map and its descendants), empty when nothing did. */
  changed: ProcessMap[];
}

/** The peta relasi of a process (docs/relasi.md): its sources, the generated map and the relasi maps drawn. */
export type { RelasiDrawnView, RelasiSourceView, RelasiView } from '../../../server/repository/relasi/relasi.schema';
export type { Relation, RelationComparison } from '../../../server/repository/relations';
