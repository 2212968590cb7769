// The "Reviu" side panel of a map (docs/review.md): the lifecycle state, readiness before submitting, the actions
// open to the signed-in user, the comment threads, the signed SOPs and the audit log of the review.
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type { Element } from 'bpmn-js/lib/model/Types';
import type EventBus from 'diagram-js/lib/core/EventBus';
import { ApiError } from '../../api/client';
import type { AnnotationList, ReviewReadiness, ReviewView } from '../../api/types';
import { MapState } from '../map-state/MapState';
import type { AppContext } from '../../context';
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { UserFacingError, errorView } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { loadingView } from '../../ui/states';
import { AnnotationLayer } from './AnnotationLayer';
import { AnnotationThreads } from './AnnotationThreads';
import { STATE_LABELS, canAnnotate } from './reviewLabels';
import { stateBadge } from './stateBadge';
import { SignatureList } from './SignatureList';
import { openTransitionDialog, type ReviewActionOption, type TransitionInput } from './transitionDialog';
import './review.css';

const OPEN_KEY = 'petakerja.reviewOpen';

export interface ReviewPanelOptions {
  context: AppContext;
  mapId: string;
  /** The revision shown (its annotations); null for the map's current revision. */
  revision: number | null;
  /** The review was loaded or changed: the modeller freezes or frees Simpan. */
  onChange?(view: ReviewView): void;
  /** The open map's store (the modeller's); a panel without one keeps its own. */
  state?: MapState;
}

/** The problems a SOP_NOT_READY refusal carries (the same list readiness gives), as lines for the user. */
export function readinessLines(details: Record<string, unknown>): string[] {
  const problems = Array.isArray(details.problems) ? (details.problems as Array<{ message: string }>) : [];
  return problems.map((problem) => problem.message);
}

export class ReviewPanel {
  readonly element: HTMLElement;
  readonly toggleButton: HTMLButtonElement;
  private readonly body = h('div', { class: 'side-panel-body review-panel-body' });
  private readonly notice = h('div', { class: 'review-notice', 'aria-live': 'polite' });
  private readonly summary = h('div', { class: 'review-summary-block' });
  private readonly readiness = h('section', { class: 'review-section', 'data-testid': 'review-readiness', hidden: true });
  private readonly actions = h('div', { class: 'review-actions', role: 'group', 'aria-label': 'Tindakan reviu', 'data-testid': 'review-actions' });
  private readonly signatures: SignatureList;
  private readonly signatureSection: HTMLElement;
  private readonly log = h('ol', { class: 'review-log', 'data-testid': 'review-log' });
  private readonly threads: AnnotationThreads;
  private layer: AnnotationLayer | null = null;
  private view: ReviewView | null = null;
  private loads = 0;
  private destroyed = false;
  private readonly state: MapState;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: ReviewPanelOptions) {
    const id = uniqueId('review-panel');
    this.state = options.state ?? new MapState(options.context.api, options.mapId);
    this.unsubscribe = this.state.subscribe((state, changed) => {
      if (this.destroyed) return;
      if (changed.has('review') && state.review) this.showView(state.review);
      if (changed.has('review') || changed.has('readiness')) this.showReadinessState();
    });
    const { api } = options.context;
    this.signatures = new SignatureList(api, options.mapId, () => void this.refresh());
    this.threads = new AnnotationThreads({
      api,
      mapId: options.mapId,
      canAnnotate: canAnnotate(options.context.session.user.roles),
      reveal: (elementId) => this.layer?.reveal(elementId) ?? false,
      changed: () => void this.refresh(),
    });
    this.signatureSection = h('section', { class: 'review-section', hidden: true }, h('h3', {}, 'SOP yang disahkan'), this.signatures.element);
    this.element = h(
      'aside',
      { class: 'side-panel review-panel', id, 'aria-labelledby': `${id}-title`, 'data-testid': 'review-panel' },
      h('h2', { class: 'side-panel-title', id: `${id}-title` }, 'Reviu SOP'),
      this.body,
    );
    replaceChildren(
      this.body,
      this.notice,
      this.summary,
      this.readiness,
      this.actions,
      this.signatureSection,
      this.threads.element,
      h('section', { class: 'review-section' }, h('h3', {}, 'Riwayat reviu'), this.log),
    );
    replaceChildren(this.summary, loadingView('Memuat reviu…'));
    this.toggleButton = h(
      'button',
      { type: 'button', class: 'button button-ghost', 'aria-controls': id, 'data-testid': 'review-toggle', title: 'Status reviu, komentar dan pengesahan', onClick: () => this.setOpen(!this.isOpen()) },
      'Reviu',
    );
    const stored = localStorage.getItem(OPEN_KEY);
    // Reviewers and signatories come to a map to review it: the panel starts open for them.
    this.setOpen(stored === null ? !options.context.session.canEditMaps : stored === 'true', false);
    // Loaded by attach(), once the diagram is shown: the readiness check is heavy on the server and would hold up
    // the modeller's code and the map's XML while a page opens (issue 16).
  }

  get locked(): boolean {
    return this.view?.locked ?? false;
  }

  isOpen(): boolean {
    return !this.element.hidden;
  }

  setOpen(open: boolean, remember = true): void {
    this.element.hidden = !open;
    this.toggleButton.setAttribute('aria-expanded', String(open));
    this.toggleButton.classList.toggle('is-active', open);
    if (remember) localStorage.setItem(OPEN_KEY, String(open));
  }

  /** Puts the comment badges on the diagram, follows its selection and loads the review. */
  attach(diagram: BaseViewer): void {
    this.layer = new AnnotationLayer(diagram, (elementId) => {
      this.setOpen(true);
      this.threads.focusElement(elementId);
    });
    diagram.get<EventBus>('eventBus').on<{ newSelection: Element[] }>('selection.changed', ({ newSelection }) => {
      // A selected label stands for the element it belongs to.
      const selected = newSelection[0] as (Element & { labelTarget?: Element }) | undefined;
      const element = selected?.type === 'label' ? selected.labelTarget : selected;
      const business = element?.businessObject as { name?: string } | undefined;
      this.threads.select(element ? { id: element.id, name: business?.name ?? '' } : null);
    });
    void this.refresh();
  }

  destroy(): void {
    this.destroyed = true;
    this.unsubscribe();
  }

  /** Loads the review, the threads and (when the user may submit) the readiness again, through the map's store. */
  async refresh(): Promise<void> {
    const load = ++this.loads;
    const { api } = this.options.context;
    try {
      const [annotations] = await Promise.all([
        api.listAnnotations(this.options.mapId, this.options.revision ?? undefined),
        this.state.refreshReview(),
      ]);
      if (load !== this.loads || this.destroyed) return;
      this.showAnnotations(annotations);
    } catch (error) {
      if (load !== this.loads || this.destroyed) return;
      replaceChildren(this.summary, errorView(error, 'Reviu tidak dapat dimuat'), h('button', { type: 'button', class: 'button button-ghost', onClick: () => void this.refresh() }, 'Coba lagi'));
    }
  }

  private showAnnotations(annotations: AnnotationList): void {
    this.threads.show(annotations);
    this.layer?.show(annotations.items);
  }

  private showView(view: ReviewView): void {
    this.view = view;
    const submitted = view.submitted;
    replaceChildren(
      this.summary,
      h(
        'p',
        { class: 'review-state-line' },
        stateBadge(view.state, view.stateLabel),
        submitted
          ? h('span', { class: 'review-revision', 'data-testid': 'review-revision' }, `Revisi ${submitted.revision} · identitas versi ${submitted.sopVersion}`)
          : h('span', { class: 'review-revision muted' }, `Revisi terkini ${view.mapRevision}`),
      ),
      view.locked && h('p', { class: 'field-hint' }, 'Peta dan identitas SOP dibekukan selama reviu.'),
      submitted && submitted.revision !== view.mapRevision && h('p', { class: 'field-hint' }, `Revisi terkini peta: ${view.mapRevision}.`),
    );
    replaceChildren(
      this.actions,
      view.actions.map((action) =>
        h(
          'button',
          {
            type: 'button',
            class: `button ${action.action === 'cabut' || action.action === 'minta-perbaikan' || action.action === 'tarik' ? 'button-secondary' : 'button-primary'}`,
            'data-testid': `review-action-${action.action}`,
            onClick: () => void this.openAction(action),
          },
          action.label,
        ),
      ),
    );
    this.signatureSection.hidden = view.signatures.length === 0;
    const roles = this.options.context.session.user.roles;
    // As the server's SCAN_ROLES: the signatory, the drafter and the administrator send the signed scan back.
    this.signatures.show(view.signatures, roles.some((role) => role === 'pengesah' || role === 'penyusun' || role === 'admin'));
    replaceChildren(
      this.log,
      view.transitions.length === 0
        ? h('li', { class: 'muted' }, 'Belum ada transisi; SOP masih draf.')
        : view.transitions.map((transition) =>
            h(
              'li',
              { class: 'review-log-item', 'data-testid': 'review-log-item', 'data-action': transition.action },
              h(
                'p',
                { class: 'review-log-head' },
                h('span', {}, STATE_LABELS[transition.from]),
                h('span', { 'aria-label': 'menjadi' }, ' → '),
                h('strong', {}, STATE_LABELS[transition.to]),
                h('span', { class: 'muted' }, ` · revisi ${transition.revision}`),
              ),
              h('p', { class: 'review-log-meta' }, transition.by.name, ' · ', h('time', { datetime: transition.at }, formatDateTime(transition.at))),
              transition.comment && h('p', { class: 'review-log-comment' }, transition.comment),
            ),
          ),
    );
    this.toggleButton.textContent = view.openAnnotations > 0 ? `Reviu (${view.openAnnotations})` : 'Reviu';
    this.options.onChange?.(view);
  }

  /** Readiness as the store holds it; "Ajukan untuk direviu" is disabled, with the reason, while the SOP is not ready. */
  private showReadinessState(): void {
    const { review, readiness } = this.state.snapshot;
    const submits = review?.actions.some((action) => action.action === 'ajukan') ?? false;
    this.readiness.hidden = !submits;
    if (!submits) return;
    const button = this.actions.querySelector<HTMLButtonElement>('[data-testid="review-action-ajukan"]');
    // Until readiness is known, or when it cannot be asked, the server's check at submission still answers.
    if (!readiness || readiness.revision !== review?.mapRevision) {
      replaceChildren(this.readiness, h('h3', {}, 'Kesiapan pengajuan'), loadingView('Memeriksa kesiapan…'));
      if (button) button.disabled = false;
      return;
    }
    if (button) {
      button.disabled = !readiness.ready;
      button.title = readiness.summary ?? '';
      if (readiness.summary) button.setAttribute('aria-describedby', `${this.element.id}-readiness`);
      else button.removeAttribute('aria-describedby');
    }
    this.showReadiness(readiness);
  }

  private showReadiness(readiness: ReviewReadiness): void {
    this.readiness.id = `${this.element.id}-readiness`;
    replaceChildren(
      this.readiness,
      h('h3', {}, 'Kesiapan pengajuan'),
      readiness.ready
        ? h('p', { class: 'review-ready', 'data-testid': 'readiness-ok' }, `Siap diajukan: revisi ${readiness.revision}, identitas SOP versi ${readiness.sopVersion}.`)
        : [
            h('p', { class: 'review-not-ready', 'data-testid': 'readiness-summary' }, `${readiness.summary ?? 'Belum siap diajukan.'} Perbaiki dulu:`),
            h(
              'ul',
              { class: 'review-findings', 'data-testid': 'readiness-findings' },
              readiness.problems.map((problem) =>
                problem.source === 'peta' ? this.findingItem(problem) : h('li', {}, `${problem.message} (isi pada tampilan SOP).`),
              ),
            ),
          ],
    );
  }

  private findingItem(finding: { element?: string; message: string }): HTMLElement {
    const elementId = finding.element;
    return h(
      'li',
      {},
      elementId && this.layer
        ? h('button', { type: 'button', class: 'link-button', title: 'Pilih elemen pada diagram', onClick: () => this.layer?.reveal(elementId) }, finding.message)
        : finding.message,
    );
  }

  private async openAction(action: ReviewActionOption): Promise<void> {
    const view = this.view;
    if (!view) return;
    let identity = null;
    let publicUrl: string | null | undefined;
    if (action.action === 'sahkan') {
      try {
        identity = (await this.options.context.api.getSop(this.options.mapId)).record?.identity ?? null;
      } catch {
        // The summary then says what is missing; the server checks the identity again when signing.
      }
      // The address printed in the QR code; the server refuses to sign while none is confirmed.
      publicUrl = await this.options.context.api.settings().then((settings) => settings.publicUrl?.url ?? null, () => undefined);
    }
    openTransitionDialog({ action, view, identity, publicUrl, onSubmit: (input) => this.transition(action, view, input) });
  }

  private async transition(action: ReviewActionOption, view: ReviewView, input: TransitionInput): Promise<void> {
    replaceChildren(this.notice);
    let after: ReviewView;
    try {
      after = await this.options.context.api.reviewTransition(this.options.mapId, {
        action: action.action,
        baseSeq: view.seq,
        comment: input.comment || undefined,
        tanggalEfektif: input.tanggalEfektif,
        ...(input.certificate ? { certificate: input.certificate } : {}),
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'REVIEW_CONFLICT') {
        this.say('Status reviu baru saja diubah orang lain. Data terbaru telah dimuat; periksa lalu ulangi bila masih perlu.', 'warning');
        await this.refresh();
        return;
      }
      if (error instanceof ApiError && error.code === 'SOP_NOT_READY') {
        void this.refresh();
        throw new UserFacingError(error.message, readinessLines(error.details));
      }
      throw error;
    }
    const electronic = action.action === 'sahkan' ? after.signatures[0]?.electronic : undefined;
    if (electronic && !electronic.nameMatches) {
      this.say(
        `${action.label}: status kini “${STATE_LABELS[action.to]}”, ditandatangani secara elektronik. Perhatian: nama pada sertifikat (“${electronic.certificate.commonName}”) tidak sama dengan nama akun Anda; halaman verifikasi mencatatnya.`,
        'warning',
      );
    } else {
      this.say(`${action.label}: status kini “${STATE_LABELS[action.to]}”${electronic ? ', ditandatangani secara elektronik' : ''}.`, 'success');
    }
    await this.refresh();
  }

  private say(text: string, tone: 'warning' | 'success'): void {
    replaceChildren(this.notice, h('div', { class: `notice notice-${tone}`, role: 'status', 'data-testid': 'review-notice' }, text));
  }
}
