// Use cases of annotations (docs/review.md): threads anchored to a BPMN element or an identity field of a map
// revision, with replies and resolve/reopen; read for any revision, carried forward while their element exists and
// marked usang where it changed since they were written.
import { randomUUID } from 'node:crypto';
import type { PublicUser } from '../accounts/accounts.records';
import { parseBpmn } from '../bpmn/moddle';
import { AppError } from '../errors';
import type { MapsService } from '../maps/maps.service';
import { versionAtRevision } from '../sop/sop.schema';
import type { SopStore } from '../store/sop-store';
import { revisionNotFound } from '../store/store-errors';
import { RevisionAnchors } from './anchors';
import type { NewAnnotationBody } from './review.api.schema';
import type { Annotation, AnnotationStatus, ReviewDocument } from './review.schema';
import type { ReviewStore } from './review-store';

export type AnnotationView = Annotation & { carried: boolean; usang: boolean; sopRow: number | null; anchorLabel: string };

export interface AnnotationsAtRevision {
  revision: number;
  /** Threads written on this revision or carried to it. */
  items: AnnotationView[];
  /** Threads of earlier revisions whose element no longer exists at this one. */
  notCarried: AnnotationView[];
}

const annotationNotFound = (id: string) => new AppError(404, 'ANNOTATION_NOT_FOUND', `Komentar dengan id "${id}" tidak ditemukan pada peta ini.`);

export class AnnotationsService {
  constructor(
    private readonly reviews: ReviewStore,
    private readonly maps: MapsService,
    private readonly sopStore: SopStore,
  ) {}

  /** The map revision `n` read for anchors, with the SOP identity in force at it. */
  private async anchorsAt(actor: PublicUser, mapId: string, n: number): Promise<RevisionAnchors> {
    const { definitions } = await parseBpmn(await this.maps.revisionXml(actor, mapId, n));
    const version = versionAtRevision(await this.sopStore.listSopVersions(mapId), n);
    return new RevisionAnchors(definitions, version?.identity);
  }

  async list(actor: PublicUser, mapId: string, revision?: number): Promise<AnnotationsAtRevision> {
    const map = await this.maps.get(actor, mapId);
    const n = revision ?? map.currentRevision;
    const doc = await this.reviews.get(map.id);
    // No comment made at or before n (most maps, on every open of the modeller): nothing to anchor, so the revision is
    // not read and parsed (issue 16: this answer comes while the map's first frames are drawn).
    if (!doc.annotations.some((annotation) => annotation.revision <= n)) {
      if (n > map.currentRevision) throw revisionNotFound(map.id, n);
      return { revision: n, items: [], notCarried: [] };
    }
    const anchors = await this.anchorsAt(actor, map.id, n);
    const items: AnnotationView[] = [];
    const notCarried: AnnotationView[] = [];
    for (const annotation of doc.annotations) {
      if (annotation.revision > n) continue;
      const view = this.viewAt(annotation, anchors, n);
      (anchors.has(annotation.anchor) ? items : notCarried).push(view);
    }
    return { revision: n, items, notCarried };
  }

  private viewAt(annotation: Annotation, anchors: RevisionAnchors, n: number): AnnotationView {
    const exists = anchors.has(annotation.anchor);
    return {
      ...annotation,
      carried: annotation.revision < n,
      usang: !exists || anchors.fingerprint(annotation.anchor) !== annotation.fingerprint,
      sopRow: anchors.sopRow(annotation.anchor),
      anchorLabel: anchors.label(annotation.anchor),
    };
  }

  async add(actor: PublicUser, mapId: string, body: NewAnnotationBody): Promise<AnnotationView> {
    const map = await this.maps.get(actor, mapId);
    const n = body.revision ?? map.currentRevision;
    const anchors = await this.anchorsAt(actor, map.id, n);
    if (!anchors.has(body.anchor)) {
      throw new AppError(400, 'ANCHOR_NOT_FOUND', `Elemen "${body.anchor.kind === 'elemen' ? body.anchor.elementId : ''}" tidak ada pada revisi ${n}; pilih elemen pada diagram.`);
    }
    const sopVersion = versionAtRevision(await this.sopStore.listSopVersions(map.id), n)?.version ?? 0;
    const annotation: Annotation = {
      id: randomUUID(),
      anchor: body.anchor,
      revision: n,
      sopVersion,
      fingerprint: anchors.fingerprint(body.anchor),
      body: body.body,
      by: { id: actor.id, name: actor.name },
      at: new Date().toISOString(),
      status: 'terbuka',
      statusChanges: [],
      replies: [],
    };
    await this.reviews.update(map.id, (doc) => ({ next: { ...doc, annotations: [...doc.annotations, annotation] }, result: undefined }));
    return this.viewAt(annotation, anchors, n);
  }

  async reply(actor: PublicUser, mapId: string, annotationId: string, body: string): Promise<AnnotationView> {
    return this.change(actor, mapId, annotationId, (annotation) => ({
      ...annotation,
      replies: [...annotation.replies, { id: randomUUID(), body, by: { id: actor.id, name: actor.name }, at: new Date().toISOString() }],
    }));
  }

  async setStatus(actor: PublicUser, mapId: string, annotationId: string, status: AnnotationStatus): Promise<AnnotationView> {
    return this.change(actor, mapId, annotationId, (annotation) => {
      if (annotation.status === status) {
        throw new AppError(409, 'ANNOTATION_STATUS_UNCHANGED', status === 'selesai' ? 'Komentar ini sudah diselesaikan.' : 'Komentar ini masih terbuka.');
      }
      return {
        ...annotation,
        status,
        statusChanges: [...annotation.statusChanges, { status, by: { id: actor.id, name: actor.name }, at: new Date().toISOString() }],
      };
    });
  }

  /** Changes one thread and answers with it as seen on the map's current revision. */
  private async change(actor: PublicUser, mapId: string, annotationId: string, edit: (annotation: Annotation) => Annotation): Promise<AnnotationView> {
    const map = await this.maps.get(actor, mapId);
    const changed = await this.reviews.update(map.id, (doc: ReviewDocument) => {
      const index = doc.annotations.findIndex((a) => a.id === annotationId);
      if (index < 0) throw annotationNotFound(annotationId);
      const annotation = edit(doc.annotations[index]!);
      const annotations = doc.annotations.with(index, annotation);
      return { next: { ...doc, annotations }, result: annotation };
    });
    return this.viewAt(changed, await this.anchorsAt(actor, map.id, map.currentRevision), map.currentRevision);
  }
}
