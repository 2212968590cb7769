// Records exchanged with the server, as docs/api.md defines them.

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
}

export interface Revision {
  n: number;
  sha256: string;
  author: string;
  createdAt: string;
  message: string;
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

export interface ImportParams {
  name: string;
}

export type Role = 'admin' | 'penyusun' | 'reviewer' | 'pengesah' | 'pembaca';

export interface User {
  id: string;
  username: string;
  name: string;
  nip?: string;
  jabatan: string;
  unit: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
  /** True for the organisation bureau (admin, penyusun): every unit's maps; otherwise only the user's own unit. */
  allUnits: boolean;
}

export interface SetupInput {
  username: string;
  password: string;
  name: string;
  nip?: string;
  jabatan: string;
  unit: string;
}

export interface NewUser extends SetupInput {
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
  | 'password-changed';

export interface AuditEvent {
  at: string;
  event: AuditEventKind;
  username?: string;
  ip: string;
  detail?: string;
}

/** SOP records (docs/api.md, "SOP documents"); the shapes are the server's zod schemas. */
export type { SopIdentityDraft } from '../../../server/sop/identity.schema';
export type { SopRecordView, SopSettings, SopVersion } from '../../../server/sop/sop.schema';
export type { Letterhead, StoredLetterhead } from '../../../server/sop/letterhead.schema';
export type { ElementChange, ElementChangeKind, IdentityFieldChange, RevisionDiff, SopRowChange } from '../../../server/review/diff/diff.schema';

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
import type { Annotation as ReviewAnnotation, ReviewAction as Action, ReviewState as State, Signature as SignatureRecord, Transition as TransitionRecord } from '../../../server/review/review.schema';
import type { Finding as LintFinding } from '../../../server/lint/findings';

/** GET /api/maps/:id/review. */
export interface ReviewView {
  mapId: string;
  state: State;
  stateLabel: string;
  cycle: number;
  /** The last transition's seq (0 when none): sent back as `baseSeq`. */
  seq: number;
  mapRevision: number;
  /** What is under review, approved or signed in this cycle. */
  submitted: { revision: number; sopVersion: number } | null;
  locked: boolean;
  /** The actions open to the signed-in user. */
  actions: Array<{ action: Action; to: State; label: string; commentRequired: boolean }>;
  /** Newest first. */
  transitions: TransitionRecord[];
  /** Newest first. */
  signatures: SignatureView[];
  openAnnotations: number;
}

export type SignatureView = SignatureRecord & { status: 'berlaku' | 'dicabut'; verifyUrl: string; pdfUrl: string };

/** GET /api/maps/:id/review/readiness. */
export interface ReviewReadiness {
  ready: boolean;
  revision: number;
  sopVersion: number;
  findings: LintFinding[];
  missingIdentity: Array<{ path: string; label: string }>;
}

export interface TransitionRequest {
  action: Action;
  baseSeq: number;
  comment?: string;
  tanggalEfektif?: string;
}

export type AnnotationView = ReviewAnnotation & {
  /** Written on an earlier revision than the one viewed. */
  carried: boolean;
  /** The element or field changed since it was written. */
  usang: boolean;
  /** The SOP row the element becomes at the viewed revision. */
  sopRow: number | null;
  anchorLabel: string;
};

/** GET /api/maps/:id/annotations?revision=n. */
export interface AnnotationList {
  revision: number;
  items: AnnotationView[];
  /** Threads whose element no longer exists at the viewed revision. */
  notCarried: AnnotationView[];
}

/** GET /api/review/inbox: what waits for the signed-in user. */
export interface InboxItem {
  map: { id: string; name: string; code: string; unit: string; kind: MapKind };
  state: State;
  task: 'ajukan' | 'perbaiki' | 'mulai-reviu' | 'reviu' | 'sahkan' | 'tanggapi';
  label: string;
  since: string;
  openAnnotations: number;
}

// Monitoring and evaluation of an SOP in force (docs/evaluation.md).
export type { Evaluation, Monitoring } from '../../../server/review/review.schema';
export type { DueItem, EvaluationInput, EvaluationTemplate, MonitoringInput, MonitoringTemplate, RevisionReason } from '../../../server/review/evaluation/evaluation.schema';
