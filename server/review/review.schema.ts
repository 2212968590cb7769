// The review record of a map's SOP (issue 6): the lifecycle as an append-only list of transitions, annotations with
// their threads, the signed (disahkan) documents with their verification codes, and the monitoring and evaluation
// forms filled for an SOP in force (SOP-FORMAT.md §3). One document per map; types come from these schemas.
import { z } from 'zod';
import { MapId, Sha256 } from '../store/records';
import { SopOfficial, StoredSopDate } from '../sop/identity.schema';
import { IDENTITY_FIELD_PATHS, IDENTITY_FIELDS, REVIEW_STATES, STATE_LABELS } from './review-labels';

export { REVIEW_STATES };
export const ReviewState = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof ReviewState>;

/**
 * What a user asks for; `revisi-baru` is recorded by the server when a map revision (or SOP identity) is saved after
 * the SOP was signed or withdrawn: a new cycle opens in draf while the signed document stays in force.
 */
export const REVIEW_ACTIONS = ['ajukan', 'tarik', 'mulai-reviu', 'minta-perbaikan', 'setujui', 'sahkan', 'cabut', 'revisi-baru'] as const;
export const ReviewAction = z.enum(REVIEW_ACTIONS);
export type ReviewAction = z.infer<typeof ReviewAction>;

/** Who did something, as it was at the time (names change; the record does not). */
export const Actor = z.strictObject({ id: z.string().min(1).max(100), name: z.string().min(1).max(200) });
export type Actor = z.infer<typeof Actor>;

const Comment = z.string().trim().max(4000);

/** One entry of the append-only audit log of the lifecycle. */
export const Transition = z.strictObject({
  /** 1, 2, …: also the optimistic-concurrency token of the record (`baseSeq`). */
  seq: z.number().int().min(1),
  /** The review cycle: 1 for the first SOP, +1 each time a new draft starts after signing or withdrawal. */
  cycle: z.number().int().min(1),
  action: ReviewAction,
  from: ReviewState,
  to: ReviewState,
  by: Actor,
  at: z.iso.datetime(),
  comment: Comment,
  /** The map revision and SOP identity version the transition concerns (0: no SOP identity saved). */
  revision: z.number().int().min(1),
  sopVersion: z.number().int().min(0),
});
export type Transition = z.infer<typeof Transition>;

/** An identity field by its path, as in REQUIRED_IDENTITY_FIELDS (e.g. `namaSop`, `disahkanOleh.nip`). */
export const IdentityFieldPath = z.enum(IDENTITY_FIELD_PATHS);
export type IdentityFieldPath = z.infer<typeof IdentityFieldPath>;

export { IDENTITY_FIELDS };

/** Where an annotation points: a BPMN element (its id) or a field of the SOP identity. */
export const Anchor = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('elemen'), elementId: z.string().trim().min(1).max(200) }),
  z.strictObject({ kind: z.literal('identitas'), field: IdentityFieldPath }),
]);
export type Anchor = z.infer<typeof Anchor>;

export const Reply = z.strictObject({
  id: z.uuid(),
  body: Comment.min(1),
  by: Actor,
  at: z.iso.datetime(),
});
export type Reply = z.infer<typeof Reply>;

export const AnnotationStatus = z.enum(['terbuka', 'selesai']);
export type AnnotationStatus = z.infer<typeof AnnotationStatus>;

/** A resolve or reopen of a thread, kept in order. */
export const StatusChange = z.strictObject({ status: AnnotationStatus, by: Actor, at: z.iso.datetime() });

export const Annotation = z.strictObject({
  id: z.uuid(),
  anchor: Anchor,
  /** The map revision and SOP version it was written on. */
  revision: z.number().int().min(1),
  sopVersion: z.number().int().min(0),
  /** What the anchored element or field was when written: a later revision that differs marks the thread usang. */
  fingerprint: z.string().max(20_000),
  body: Comment.min(1),
  by: Actor,
  at: z.iso.datetime(),
  status: AnnotationStatus,
  statusChanges: z.array(StatusChange),
  replies: z.array(Reply),
});
export type Annotation = z.infer<typeof Annotation>;

/** A file kept with the record, by the sha256 of its bytes (the store verifies it on every read). */
export const StoredFile = z.strictObject({
  sha256: Sha256,
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  bytes: z.number().int().min(1),
  name: z.string().max(200),
  at: z.iso.datetime(),
  by: Actor,
});
export type StoredFile = z.infer<typeof StoredFile>;

/** Verification codes: 12 characters of an alphabet without look-alikes, printed as XXXX-XXXX-XXXX. */
export const VerificationCode = z.string().regex(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);

/** A certificate as recorded and shown (issue 19): enough to identify it, never the key. */
export const CertificateSummary = z.strictObject({
  subject: z.string().max(1000),
  commonName: z.string().max(400),
  issuer: z.string().max(1000),
  serialNumber: z.string().max(200),
  validFrom: z.iso.datetime(),
  validTo: z.iso.datetime(),
  fingerprint256: z.string().max(200),
});
export type CertificateSummary = z.infer<typeof CertificateSummary>;

/** The certified electronic signature (PAdES) of a signed SOP, when the pengesah signed with a certificate. */
export const ElectronicSignature = z.strictObject({
  level: z.enum(['B-B', 'B-T']),
  subFilter: z.literal('ETSI.CAdES.detached'),
  certificate: CertificateSummary,
  /** The certificate's name is the pengesah's (account or signature block); false when signed under the "peringatan" setting. */
  nameMatches: z.boolean(),
});
export type ElectronicSignature = z.infer<typeof ElectronicSignature>;

/** A signed (disahkan) SOP: produced once, never changed; only its status and the uploaded scan are added later. */
export const Signature = z.strictObject({
  code: VerificationCode,
  cycle: z.number().int().min(1),
  revision: z.number().int().min(1),
  sopVersion: z.number().int().min(1),
  /** Nama SOP and Nomor SOP as signed. */
  title: z.string().min(1).max(400),
  nomor: z.string().max(200),
  unit: z.string().max(200),
  signatory: SopOfficial,
  tanggalEfektif: StoredSopDate,
  signedAt: z.iso.datetime(),
  signedBy: Actor,
  /** The final PDF. */
  pdf: StoredFile,
  /** Present when the PDF carries a certified electronic signature (issue 19). */
  electronic: ElectronicSignature.optional(),
  /** The wet-signed or e-signed scan uploaded back, latest last. */
  scans: z.array(StoredFile),
  /** Absent while in force. */
  withdrawn: z
    .strictObject({
      at: z.iso.datetime(),
      by: Actor,
      /** `dicabut`: withdrawn; `diganti`: superseded by a later signed revision. */
      reason: z.enum(['dicabut', 'diganti']),
      comment: Comment,
      /** For `diganti`: the code of the signed SOP that replaced it. */
      replacedBy: VerificationCode.optional(),
    })
    .optional(),
});
export type Signature = z.infer<typeof Signature>;

/** Monitoring Pelaksanaan SOP AP (SOP-FORMAT.md §3, Tabel 7): one row per procedure step judged. */
/**
 * Size of one monitoring form as a user sends it (MonitoringInput, docs/security.md): an SOP AP has tens of steps, not
 * hundreds. Stored forms keep the looser bounds they were saved under (500 rows of 1,000/2,000/2,000), so an older
 * record still opens; the store's size ceiling bounds the record.
 */
export const MONITORING_LIMITS = { rows: 100, prosedur: 500, catatan: 1000, tindakan: 1000 } as const;
export const MonitoringRowInput = z.strictObject({
  prosedur: z.string().trim().min(1).max(MONITORING_LIMITS.prosedur),
  /** Berjalan dengan baik (true) / tidak berjalan dengan baik (false). */
  berjalanBaik: z.boolean(),
  catatan: z.string().trim().max(MONITORING_LIMITS.catatan),
  tindakan: z.string().trim().max(MONITORING_LIMITS.tindakan),
});
export const MonitoringRow = z.strictObject({
  prosedur: z.string().trim().min(1).max(1000),
  berjalanBaik: z.boolean(),
  catatan: z.string().trim().max(2000),
  tindakan: z.string().trim().max(2000),
});
export const Monitoring = z.strictObject({
  id: z.uuid(),
  /** The signed SOP monitored. */
  code: VerificationCode,
  tanggal: StoredSopDate,
  /** Penilai: whose paraf the form carries. */
  penilai: z.string().trim().min(1).max(200),
  rows: z.array(MonitoringRow).min(1).max(500),
  by: Actor,
  at: z.iso.datetime(),
});
export type Monitoring = z.infer<typeof Monitoring>;

/** Evaluasi Penerapan SOP AP (SOP-FORMAT.md §3): yes/no with a note per question. */
export const EVALUATION_QUESTIONS = [
  { key: 'kinerja', text: 'Mampu mendorong peningkatan kinerja' },
  { key: 'dipahami', text: 'Mudah dipahami' },
  { key: 'dilaksanakan', text: 'Mudah dilaksanakan' },
  { key: 'peran', text: 'Semua orang dapat menjalankan perannya masing-masing' },
  { key: 'masalah', text: 'Mampu mengatasi permasalahan yang berkaitan dengan proses' },
  { key: 'kebutuhan', text: 'Mampu menjawab kebutuhan peningkatan kinerja organisasi' },
  { key: 'sinergi', text: 'Sinergi satu dengan lainnya' },
] as const;
export const EvaluationQuestionKey = z.enum(EVALUATION_QUESTIONS.map((q) => q.key) as [string, ...string[]]);
export const EvaluationAnswer = z.strictObject({
  key: EvaluationQuestionKey,
  ya: z.boolean(),
  catatan: z.string().trim().max(2000),
});
export const Evaluation = z.strictObject({
  id: z.uuid(),
  code: VerificationCode,
  tanggal: StoredSopDate,
  penilai: z.string().trim().min(1).max(200),
  /** Every question at most once; `sinergi` is optional (used in some implementations only). */
  answers: z
    .array(EvaluationAnswer)
    .min(1)
    .refine((answers) => new Set(answers.map((a) => a.key)).size === answers.length, 'Setiap pertanyaan dijawab sekali.'),
  kesimpulan: z.string().trim().max(4000),
  by: Actor,
  at: z.iso.datetime(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** The embedded store's document of one map's review record. */
export const ReviewDocument = z
  .strictObject({
    format: z.literal('petakerja-review'),
    version: z.literal(1),
    mapId: MapId,
    transitions: z.array(Transition),
    annotations: z.array(Annotation),
    signatures: z.array(Signature),
    monitorings: z.array(Monitoring),
    evaluations: z.array(Evaluation),
  })
  .refine((doc) => doc.transitions.every((t, i) => t.seq === i + 1), { path: ['transitions'], message: 'Nomor urut transisi harus berurutan mulai dari 1.' })
  .refine((doc) => doc.transitions.every((t, i) => i === 0 || t.from === doc.transitions[i - 1]!.to), {
    path: ['transitions'],
    message: 'Setiap transisi harus berangkat dari status hasil transisi sebelumnya.',
  });
export type ReviewDocument = z.infer<typeof ReviewDocument>;

export const emptyReview = (mapId: string): ReviewDocument => ({
  format: 'petakerja-review',
  version: 1,
  mapId,
  transitions: [],
  annotations: [],
  signatures: [],
  monitorings: [],
  evaluations: [],
});

/** The lifecycle state: draf until the first transition. */
export const stateOf = (doc: Pick<ReviewDocument, 'transitions'>): ReviewState => doc.transitions.at(-1)?.to ?? 'draf';
export const cycleOf = (doc: Pick<ReviewDocument, 'transitions'>): number => doc.transitions.at(-1)?.cycle ?? 1;

/** The signed SOP in force: the latest one not withdrawn (signing a new one marks the previous `diganti`). */
export const signatureInForce = (doc: Pick<ReviewDocument, 'signatures'>): Signature | undefined => doc.signatures.findLast((s) => !s.withdrawn);

export { STATE_LABELS };

export const ACTION_LABELS: Record<ReviewAction, string> = {
  ajukan: 'Ajukan untuk direviu',
  tarik: 'Tarik kembali pengajuan',
  'mulai-reviu': 'Mulai reviu',
  'minta-perbaikan': 'Minta perbaikan',
  setujui: 'Setujui',
  sahkan: 'Sahkan',
  cabut: 'Cabut SOP',
  'revisi-baru': 'Revisi baru dimulai',
};
