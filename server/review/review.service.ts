// Use cases of the SOP lifecycle (docs/review.md): the review view of a map, the readiness check at submission, the
// transitions with their roles and the append-only log, and signing (the final PDF produced once, stored immutably).
import type { PublicUser } from '../accounts/accounts.records';
import { forbidden } from '../accounts/permissions';
import { AppError } from '../errors';
import type { Finding } from '../lint/findings';
import { lintXml } from '../lint/lint.service';
import type { MapsService } from '../maps/maps.service';
import { missingIdentityFields } from '../sop/identity.schema';
import { versionAtRevision } from '../sop/sop.schema';
import type { SopService } from '../sop/sop.service';
import type { SopStore } from '../store/sop-store';
import type { CertificateUpload, TransitionBody } from './review.api.schema';
import { actionsFor, edgeFrom, LOCKED_STATES, type Edge, type UserAction } from './lifecycle';
import {
  ACTION_LABELS,
  cycleOf,
  signatureInForce,
  STATE_LABELS,
  stateOf,
  type Actor,
  type ReviewDocument,
  type ReviewState,
  type Signature,
  type StoredFile,
  type Transition,
} from './review.schema';
import type { ReviewStore } from './review-store';
import type { AuditLog } from '../store/account-store';
import { recordReviewStep } from './review-audit';
import type { ScanUpload } from './signature/scan.routes';
import { signedIdentity, sopVerification, verificationUrl } from './signature/sign-sop';
import { verificationViewOf, type VerificationView } from './signature/verification-view';
import { newVerificationCode } from './signature/verification-code';
import { prepareSigner, signPrintedSop, type PreparedSigner } from './signature/electronic-signature';
import type { NameMismatchPolicy } from './signature/signer/name-policy';
import { dateIn, defaultTimeZone, type TimeZone } from '../settings/time-zone';

/** The zone of a service built without settings (tests): the national default. */
const DEFAULT_TIME_ZONE = defaultTimeZone(undefined);
import { verifyPades, type PadesReport } from './signature/pades/pades-verify';
import type { X509Certificate } from 'node:crypto';

/** What signing with a certificate reads from the administrator's settings (SettingsService); defaults without it. */
export interface SigningSettings {
  nameMismatch(): NameMismatchPolicy;
  timeZone(): TimeZone;
  trustAnchors(): X509Certificate[];
  /** The RFC 3161 time-stamp authority, when one is configured (PAdES B-T). */
  tsaUrl?(): string | undefined;
}

export interface Readiness {
  ready: boolean;
  revision: number;
  sopVersion: number;
  /** The lint errors at submission (stage 'pengajuan', with the SOP identity). */
  findings: Finding[];
  missingIdentity: Array<{ path: string; label: string }>;
  /**
   * Everything to fix before submitting, each once: the map's lint errors and the identity fields missing. The count
   * the refusal (and the submit button) gives is this list's length, so the message always matches what is listed.
   */
  problems: ReadinessProblem[];
  /** "SOP belum siap diajukan: N kesalahan (…)", null when ready; the same words as the SOP_NOT_READY refusal. */
  summary: string | null;
}

export interface ReadinessProblem {
  source: 'peta' | 'identitas';
  message: string;
  /** The BPMN element a map finding is on. */
  element?: string;
  rule?: string;
  /** The identity field's path in the SOP form. */
  path?: string;
}

/** The lint rule that repeats the identity check: its findings are the `identitas` problems already. */
const IDENTITY_RULE = 'sop/identity-complete';

const identityLine = (label: string) => (/^identitas sop\b|\bbelum\b/i.test(label) ? label : `Identitas SOP: ${label} belum diisi`);

/** One list of what blocks submission, without repeats. */
export function readinessProblems(errors: Finding[], missingIdentity: Array<{ path: string; label: string }>): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [
    ...errors
      .filter((finding) => finding.rule !== IDENTITY_RULE)
      .map((finding): ReadinessProblem => ({ source: 'peta', message: finding.message, rule: finding.rule, ...(finding.element ? { element: finding.element } : {}) })),
    ...missingIdentity.map((field): ReadinessProblem => ({ source: 'identitas', message: identityLine(field.label), ...(field.path ? { path: field.path } : {}) })),
  ];
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.source}\u0000${problem.element ?? ''}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function readinessSummary(problems: ReadinessProblem[]): string | null {
  if (problems.length === 0) return null;
  const onMap = problems.filter((p) => p.source === 'peta').length;
  const onIdentity = problems.length - onMap;
  const parts = [onMap > 0 ? `${onMap} pada peta` : '', onIdentity > 0 ? `${onIdentity} pada identitas SOP` : ''].filter(Boolean).join(', ');
  return `SOP belum siap diajukan: ${problems.length} kesalahan (${parts}).`;
}

export type SignatureView = Signature & { status: 'berlaku' | 'dicabut'; verifyUrl: string; pdfUrl: string };

export interface ReviewView {
  mapId: string;
  state: ReviewState;
  stateLabel: string;
  cycle: number;
  seq: number;
  mapRevision: number;
  submitted: { revision: number; sopVersion: number } | null;
  locked: boolean;
  actions: Array<{ action: UserAction; to: ReviewState; label: string; commentRequired: boolean }>;
  transitions: Transition[];
  signatures: SignatureView[];
  openAnnotations: number;
}

const actorOf = (user: PublicUser): Actor => ({ id: user.id, name: user.name });

/** The last submission of the current cycle, while its SOP is under review, approved or signed. */
export function submissionOf(doc: ReviewDocument): Transition | undefined {
  const state = stateOf(doc);
  if (!LOCKED_STATES.includes(state) && state !== 'disahkan') return undefined;
  const cycle = cycleOf(doc);
  return doc.transitions.findLast((t) => t.cycle === cycle && t.action === 'ajukan');
}


export class ReviewService {
  constructor(
    private readonly reviews: ReviewStore,
    private readonly maps: MapsService,
    private readonly sopStore: SopStore,
    private readonly sop: SopService,
    /** Where each user's step is also written (issue 15, item 6); tests built without it skip that. */
    private readonly audit?: AuditLog,
    /** The trust list, name policy and time zone of electronic signatures (issue 19). */
    private readonly signing?: SigningSettings,
  ) {}

  async view(actor: PublicUser, mapId: string, baseUrl: string): Promise<ReviewView> {
    const map = await this.maps.get(actor, mapId);
    return this.viewOf(actor, await this.reviews.get(map.id), map.currentRevision, baseUrl);
  }

  private viewOf(actor: PublicUser, doc: ReviewDocument, mapRevision: number, baseUrl: string): ReviewView {
    const state = stateOf(doc);
    const submitted = submissionOf(doc);
    return {
      mapId: doc.mapId,
      state,
      stateLabel: STATE_LABELS[state],
      cycle: cycleOf(doc),
      seq: doc.transitions.length,
      mapRevision,
      submitted: submitted ? { revision: submitted.revision, sopVersion: submitted.sopVersion } : null,
      locked: LOCKED_STATES.includes(state),
      actions: actionsFor(state, actor.roles).map((edge) => ({
        action: edge.action,
        to: edge.to,
        label: ACTION_LABELS[edge.action],
        commentRequired: edge.commentRequired,
      })),
      transitions: [...doc.transitions].reverse(),
      signatures: [...doc.signatures].reverse().map((s) => this.signatureView(doc.mapId, s, baseUrl)),
      openAnnotations: doc.annotations.filter((a) => a.status === 'terbuka').length,
    };
  }

  signatureView(mapId: string, signature: Signature, baseUrl: string): SignatureView {
    return {
      ...signature,
      status: signature.withdrawn ? 'dicabut' : 'berlaku',
      verifyUrl: verificationUrl(baseUrl, signature.code),
      pdfUrl: `/api/maps/${mapId}/signatures/${signature.code}/pdf`,
    };
  }

  /** The checks of submission on the map's current revision and the SOP identity in force at it. */
  async readiness(actor: PublicUser, mapId: string): Promise<Readiness> {
    const map = await this.maps.get(actor, mapId);
    const xml = await this.maps.revisionXml(actor, map.id, map.currentRevision);
    const versions = await this.sopStore.listSopVersions(map.id);
    const version = versionAtRevision(versions, map.currentRevision);
    const synonyms = this.maps.synonyms();
    const context = { stage: 'pengajuan' as const, ...(version ? { sop: version.identity } : {}), ...(synonyms.length > 0 ? { synonyms: [...synonyms] } : {}) };
    const { findings } = await lintXml(xml, map.profile, this.maps.defaultProfile, context);
    const errors = findings.filter((f) => f.severity === 'error');
    const missingIdentity = version ? missingIdentityFields(version.identity) : [{ path: '', label: 'Identitas SOP belum disimpan' }];
    const problems = readinessProblems(errors, missingIdentity);
    return {
      ready: problems.length === 0,
      problems,
      summary: readinessSummary(problems),
      revision: map.currentRevision,
      sopVersion: version?.version ?? 0,
      findings: errors,
      missingIdentity,
    };
  }

  /** `baseUrl` is the confirmed public address; without it, signing (sahkan) is refused. */
  async transition(actor: PublicUser, mapId: string, body: TransitionBody, baseUrl: string | undefined, ip = ''): Promise<ReviewView> {
    const map = await this.maps.get(actor, mapId);
    const before = await this.reviews.get(map.id);
    const edge = this.allowedEdge(actor, before, body);
    if (body.certificate && edge.action !== 'sahkan') {
      throw new AppError(400, 'CERTIFICATE_NOT_EXPECTED', 'Sertifikat elektronik hanya dikirim untuk tindakan “Sahkan”.');
    }

    let transitionAt = { revision: map.currentRevision, sopVersion: 0 };
    let signature: Signature | undefined;
    if (edge.action === 'ajukan') {
      const readiness = await this.readiness(actor, map.id);
      if (!readiness.ready) throw notReady(readiness);
      transitionAt = { revision: readiness.revision, sopVersion: readiness.sopVersion };
    } else {
      const submitted = submissionOf(before);
      const latest = before.transitions.at(-1);
      transitionAt = submitted ? { revision: submitted.revision, sopVersion: submitted.sopVersion } : {
        revision: latest?.revision ?? map.currentRevision,
        sopVersion: latest?.sopVersion ?? 0,
      };
    }
    if (edge.action === 'sahkan') {
      if (!baseUrl) throw publicUrlNotConfirmed();
      signature = await this.sign(actor, map, before, transitionAt, body.tanggalEfektif ?? dateIn(new Date(), this.signing?.timeZone() ?? DEFAULT_TIME_ZONE), baseUrl, body.certificate);
    }

    const doc = await this.reviews.update(map.id, (current) => {
      // Checked again inside the store's one-at-a-time change: another user may have moved the record meanwhile.
      const edgeNow = this.allowedEdge(actor, current, body);
      const at = new Date().toISOString();
      const transition: Transition = {
        seq: current.transitions.length + 1,
        cycle: cycleOf(current),
        action: edgeNow.action,
        from: edgeNow.from,
        to: edgeNow.to,
        by: actorOf(actor),
        at,
        comment: body.comment,
        ...transitionAt,
      };
      let signatures = current.signatures;
      if (edgeNow.action === 'sahkan' && signature) {
        const replaced = signatureInForce(current);
        signatures = [
          ...signatures.map((s) =>
            s === replaced
              ? { ...s, withdrawn: { at, by: actorOf(actor), reason: 'diganti' as const, comment: `Diganti oleh revisi ${signature!.revision}.`, replacedBy: signature!.code } }
              : s,
          ),
          signature,
        ];
      }
      if (edgeNow.action === 'cabut') {
        const withdrawn = signatureInForce(current);
        signatures = signatures.map((s) => (s === withdrawn ? { ...s, withdrawn: { at, by: actorOf(actor), reason: 'dicabut' as const, comment: body.comment } } : s));
      }
      const next = { ...current, transitions: [...current.transitions, transition], signatures };
      return { next, result: next };
    });
    const done = doc.transitions.at(-1)!;
    const concerned = done.action === 'sahkan' ? signature : done.action === 'cabut' ? doc.signatures.findLast((s) => s.withdrawn?.reason === 'dicabut') : undefined;
    await recordReviewStep(this.audit, {
      username: actor.username,
      ip,
      map: { id: map.id, name: map.name, unit: map.unit },
      action: body.action,
      transition: done,
      ...(concerned ? { signature: concerned } : {}),
    });
    return this.viewOf(actor, doc, map.currentRevision, baseUrl ?? '');
  }

  /** The edge `body` asks for, if this actor may take it from the record's state now; throws the reason otherwise. */
  private allowedEdge(actor: PublicUser, doc: ReviewDocument, body: TransitionBody): Edge {
    if (body.baseSeq !== doc.transitions.length) throw reviewConflict(body.baseSeq, doc);
    const state = stateOf(doc);
    const edge = edgeFrom(state, body.action);
    if (!edge) {
      throw new AppError(
        409,
        'TRANSITION_NOT_ALLOWED',
        `Tindakan “${ACTION_LABELS[body.action]}” tidak dapat dilakukan pada SOP berstatus ${STATE_LABELS[state].toLowerCase()}.`,
        { state, action: body.action },
      );
    }
    if (!edge.roles.some((role) => actor.roles.includes(role))) {
      const err = forbidden();
      throw new AppError(403, err.code, `Tindakan “${ACTION_LABELS[edge.action]}” hanya dapat dilakukan oleh ${edge.roles.join(' atau ')}.`, {
        roles: [...edge.roles],
      });
    }
    if (edge.commentRequired && body.comment.trim() === '') {
      throw new AppError(400, 'COMMENT_REQUIRED', `Tuliskan alasan atau catatan untuk “${ACTION_LABELS[edge.action]}”: pihak lain perlu membacanya.`);
    }
    const submitter = doc.transitions.findLast((t) => t.cycle === cycleOf(doc) && t.action === 'ajukan')?.by;
    if (submitter?.id === actor.id && ['mulai-reviu', 'setujui', 'sahkan'].includes(edge.action)) {
      throw new AppError(403, 'SELF_REVIEW', 'SOP yang Anda ajukan sendiri direviu dan disahkan oleh orang lain.');
    }
    return edge;
  }

  /** The signed SOP `code` of a map the actor may see. */
  async signature(actor: PublicUser, mapId: string, code: string): Promise<Signature> {
    const map = await this.maps.get(actor, mapId);
    const signature = (await this.reviews.get(map.id)).signatures.find((s) => s.code === code);
    if (!signature) throw signatureNotFound(code);
    return signature;
  }

  /** Keeps the wet-signed or e-signed scan with the signed SOP; the signed PDF itself never changes. */
  async addScan(actor: PublicUser, mapId: string, code: string, file: ScanUpload): Promise<Signature> {
    await this.signature(actor, mapId, code);
    const sha256 = await this.reviews.putFile(file.bytes);
    const scan: StoredFile = { sha256, contentType: file.contentType, bytes: file.bytes.byteLength, name: file.name, at: new Date().toISOString(), by: actorOf(actor) };
    return this.reviews.update(mapId, (doc) => {
      const index = doc.signatures.findIndex((s) => s.code === code);
      if (index < 0) throw signatureNotFound(code);
      const signature = { ...doc.signatures[index]!, scans: [...doc.signatures[index]!.scans, scan] };
      return { next: { ...doc, signatures: doc.signatures.with(index, signature) }, result: signature };
    });
  }

  /** The public verification page's view of a code, for anyone (no actor): what was signed and whether it is in force. */
  async lookup(code: string): Promise<VerificationView | undefined> {
    const found = await this.reviews.findSignature(code);
    if (!found) return undefined;
    const pemda = (await this.sopStore.getLetterhead(found.signature.unit))?.letterhead.pemda;
    const electronicCheck = found.signature.electronic ? this.verifyElectronic(await this.reviews.readFile(found.signature.pdf.sha256)) : undefined;
    return verificationViewOf(found.signature, { ...(pemda ? { pemda } : {}), ...(electronicCheck ? { electronicCheck } : {}) });
  }

  /** Our verifier's reading of a PDF's electronic signature against the administrator's trust list (issue 19). */
  verifyElectronic(pdf: Uint8Array): PadesReport {
    return verifyPades(pdf, this.signing?.trustAnchors() ?? []);
  }

  /** Renders, prints and stores the signed SOP of the submitted revision; the record is written by the caller. */
  private async sign(
    actor: PublicUser,
    map: { id: string; unit: string; name: string },
    doc: ReviewDocument,
    at: { revision: number; sopVersion: number },
    tanggalEfektif: string,
    baseUrl: string,
    certificate?: CertificateUpload,
  ): Promise<Signature> {
    const version = (await this.sopStore.listSopVersions(map.id)).find((v) => v.version === at.sopVersion);
    if (!version) throw new AppError(409, 'SOP_NOT_READY', 'Identitas SOP yang diajukan tidak ditemukan; ajukan ulang SOP ini.');
    const signatory = version.identity.disahkanOleh;
    if (!signatory?.jabatan || !signatory.nama || !signatory.pangkat || !signatory.nip) {
      throw new AppError(422, 'SOP_NOT_READY', 'Pejabat yang mengesahkan (jabatan, nama, pangkat, NIP) belum lengkap pada identitas SOP.');
    }
    // The certificate is opened and checked before anything is printed: a wrong passphrase costs no rendering.
    const signedAt = new Date();
    const prepared: PreparedSigner | undefined = certificate
      ? prepareSigner(certificate, { account: actor.name, signatory: signatory.nama }, this.signing?.nameMismatch() ?? 'peringatan', signedAt, this.signing?.tsaUrl?.())
      : undefined;
    const taken = new Set(doc.signatures.map((s) => s.code));
    let code = newVerificationCode();
    while (taken.has(code) || (await this.reviews.findSignature(code))) code = newVerificationCode();
    const identity = signedIdentity(version.identity, tanggalEfektif);
    const rendered = await this.sop.pdf(actor, map.id, at.revision, {
      draft: { identity, settings: version.settings },
      verification: { ...(await sopVerification(baseUrl, code, at.revision)), ...(prepared ? { electronic: true } : {}) },
    });
    const bytes = prepared
      ? await signPrintedSop({
          pdf: rendered.pdf,
          prepared,
          signatory: { jabatan: signatory.jabatan, nama: signatory.nama, nip: signatory.nip },
          code,
          title: rendered.title,
          unit: map.unit,
          signedAt,
          timeZone: this.signing?.timeZone() ?? DEFAULT_TIME_ZONE,
        })
      : rendered.pdf;
    const sha256 = await this.reviews.putFile(bytes);
    const by = actorOf(actor);
    const pdf: StoredFile = { sha256, contentType: 'application/pdf', bytes: bytes.byteLength, name: `${rendered.title}.pdf`.slice(0, 200), at: signedAt.toISOString(), by };
    return {
      code,
      cycle: cycleOf(doc),
      revision: at.revision,
      sopVersion: at.sopVersion,
      title: rendered.title.slice(0, 400),
      nomor: (identity.nomor ?? '').slice(0, 200),
      unit: map.unit,
      signatory: { jabatan: signatory.jabatan, nama: signatory.nama, pangkat: signatory.pangkat, nip: signatory.nip },
      tanggalEfektif,
      signedAt: signedAt.toISOString(),
      signedBy: by,
      pdf,
      ...(prepared ? { electronic: prepared.electronic } : {}),
      scans: [],
    };
  }
}

const signatureNotFound = (code: string) => new AppError(404, 'SIGNATURE_NOT_FOUND', `SOP yang disahkan dengan kode ${code} tidak ditemukan pada peta ini.`);

export const reviewConflict = (base: number, doc: ReviewDocument) =>
  new AppError(
    409,
    'REVIEW_CONFLICT',
    `Status SOP ini sudah berubah (sekarang ${STATE_LABELS[stateOf(doc)].toLowerCase()}) sejak Anda membukanya. Muat ulang untuk melihat riwayat terbaru.`,
    { baseSeq: base, seq: doc.transitions.length, state: stateOf(doc) },
  );

const notReady = (readiness: Readiness) =>
  new AppError(422, 'SOP_NOT_READY', `${readiness.summary ?? 'SOP belum siap diajukan.'} Perbaiki lalu ajukan kembali.`, {
    problems: readiness.problems,
    findings: readiness.findings,
    missingIdentity: readiness.missingIdentity,
  });

/** Signing prints the public address in the QR code: it must be one an administrator confirmed (issue 13, item 9). */
const publicUrlNotConfirmed = () =>
  new AppError(
    409,
    'PUBLIC_URL_NOT_CONFIRMED',
    'SOP belum dapat disahkan: alamat publik Petakerja (yang dicetak pada kode QR verifikasi) belum dikonfirmasi. ' +
      'Minta administrator mengisinya di halaman Pengguna › Pengaturan, atau jalankan server dengan --public-url.',
  );
