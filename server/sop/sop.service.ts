// Use cases of SOP documents: the SOP record of a map (identity + settings, versioned with the map's revisions), the
// unit letterheads, and the SOP rendered as HTML or PDF for a map revision.
import type { PublicUser } from '../accounts/accounts.records';
import { forbidden, isBureau } from '../accounts/permissions';
import { sopDocx } from './docx/sop-docx';
import { parseBpmn } from '../bpmn/moddle';
import type { MapsService } from '../maps/maps.service';
import type { EditGate } from '../review/edit-gate';
import type { SopStore } from '../store/sop-store';
import type { Letterhead, StoredLetterhead } from './letterhead.schema';
import type { PdfPool } from './pdf/pdf-pool';
import { renderSopHtml, type SopVerification } from './render/index';
import { unchangedSop } from './unchanged';
import { versionAtRevision, type PutSopBody, type SopPreviewBody, type SopRecordView, type SopVersion } from './sop.schema';

export interface RenderedSop {
  html: string;
  /** The map revision rendered. */
  revision: number;
  /** The SOP's name (Nama SOP) or, before one is set, the map's name: for file names and titles. */
  title: string;
  paper: 'A4' | 'F4';
  landscape: boolean;
}

/** `appendix`: the BPMN diagram as the last page (SOP-FORMAT.md leaves it optional; issue: "optionally … an appendix page"). */
export interface RenderOptions {
  appendix?: boolean;
  /** An unsaved identity and settings to render instead of the stored ones (the live preview, the signed document). */
  draft?: SopPreviewBody;
  /** The verification code, QR and revision of a signed SOP (issue 6). */
  verification?: SopVerification;
}

export class SopService {
  constructor(
    private readonly store: SopStore,
    private readonly maps: MapsService,
    /** The PDF browser pool, started on first use. */
    private readonly pdfPool: () => PdfPool,
    /** The review cycle's say on saves of the identity (see MapsService). */
    private readonly editGate?: EditGate,
  ) {}

  async get(actor: PublicUser, mapId: string): Promise<SopRecordView> {
    const map = await this.maps.get(actor, mapId);
    const versions = await this.store.listSopVersions(map.id);
    return { record: versions.at(-1) ?? null, history: [...versions].reverse(), mapRevision: map.currentRevision };
  }

  /** Saves a new version; `unchanged` when the identity and settings are those of the current version, which stays. */
  async put(actor: PublicUser, mapId: string, body: PutSopBody): Promise<{ record: SopVersion; unchanged: boolean }> {
    let map = await this.maps.get(actor, mapId);
    await this.editGate?.assertEditable(map.id);
    const current = (await this.store.listSopVersions(map.id)).at(-1);
    if (unchangedSop(current, body)) return { record: current, unchanged: true };
    if (await this.editGate?.isSigned(map.id, map.currentRevision)) {
      // The signed revision keeps the identity it was signed with: the change goes to a new revision of the same map.
      const xml = await this.maps.revisionXml(actor, map.id, map.currentRevision);
      const saved = await this.maps.saveRevision(actor, map.id, {
        xml,
        baseRevision: map.currentRevision,
        message: `Revisi baru untuk perubahan identitas SOP (revisi ${map.currentRevision} sudah disahkan)`,
      });
      map = saved.map;
    }
    const saved = await this.store.putSop(map.id, body.version, {
      identity: body.identity,
      settings: body.settings,
      mapRevision: map.currentRevision,
      savedBy: actor.name,
    });
    await this.editGate?.edited(actor, map.id, map.currentRevision);
    return { record: saved, unchanged: false };
  }

  /** Map revision `revision` (the current one when absent) with the SOP record in force at it. */
  async render(actor: PublicUser, mapId: string, revision?: number, options: RenderOptions = {}): Promise<RenderedSop> {
    const map = await this.maps.get(actor, mapId);
    const n = revision ?? map.currentRevision;
    const xml = await this.maps.revisionXml(actor, map.id, n);
    const { definitions } = await parseBpmn(xml);
    const version = versionAtRevision(await this.store.listSopVersions(map.id), n);
    const letterhead = (await this.store.getLetterhead(map.unit))?.letterhead;
    const settings = options.draft?.settings ?? version?.settings ?? {};
    const identity = options.draft?.identity ?? version?.identity;
    const appendixSvg = options.appendix ? await this.pdfPool().diagramSvg(xml) : undefined;
    const html = renderSopHtml({
      ...(appendixSvg ? { appendixSvg } : {}),
      definitions,
      mapName: map.name,
      ...(identity ? { identity } : {}),
      ...(options.verification ? { verification: options.verification } : {}),
      letterhead: { ...(map.unit ? { unit: map.unit } : {}), ...letterhead },
      settings,
    });
    return {
      html,
      revision: n,
      title: identity?.namaSop?.trim() || map.name,
      paper: settings.paper ?? 'A4',
      landscape: (settings.orientation ?? 'landscape') === 'landscape',
    };
  }

  async pdf(actor: PublicUser, mapId: string, revision?: number, options: RenderOptions = {}): Promise<RenderedSop & { pdf: Uint8Array }> {
    const rendered = await this.render(actor, mapId, revision, options);
    const pdf = await this.pdfPool().pdf(rendered.html, { paper: rendered.paper, landscape: rendered.landscape });
    return { ...rendered, pdf };
  }

  /** The SOP as an editable Word document ("Unduh Word", issue 17): the same layout as the PDF, as Word tables and shapes. */
  async docx(actor: PublicUser, mapId: string, revision?: number): Promise<{ docx: Uint8Array; title: string; revision: number }> {
    const map = await this.maps.get(actor, mapId);
    const n = revision ?? map.currentRevision;
    const { definitions } = await parseBpmn(await this.maps.revisionXml(actor, map.id, n));
    const version = versionAtRevision(await this.store.listSopVersions(map.id), n);
    const identity = version?.identity;
    const letterhead = (await this.store.getLetterhead(map.unit))?.letterhead;
    const docx = sopDocx({ definitions, mapName: map.name, ...(identity ? { identity } : {}), letterhead: { ...(map.unit ? { unit: map.unit } : {}), ...letterhead }, settings: version?.settings ?? {} });
    return { docx, title: identity?.namaSop?.trim() || map.name, revision: n };
  }

  /** Letterheads are the organisation bureau's to set, for any unit. */
  async letterhead(actor: PublicUser, unit: string): Promise<StoredLetterhead | null> {
    if (!isBureau(actor)) throw forbidden();
    return (await this.store.getLetterhead(unit)) ?? null;
  }

  async putLetterhead(actor: PublicUser, unit: string, letterhead: Letterhead): Promise<StoredLetterhead> {
    if (!isBureau(actor)) throw forbidden();
    return this.store.putLetterhead(unit, letterhead, actor.name);
  }
}
