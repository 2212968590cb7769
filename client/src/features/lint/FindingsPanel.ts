// The findings panel below the canvas: counts, the profile to lint under, the list by severity, and a finding's citations.
// It lists the in-browser lint of the diagram as edited together with the repository checks' findings (map/*) on the
// last saved revision, fetched from the server; those are marked as coming from the repository.
import type Modeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { ArticleDialog } from './ArticleDialog';
import { elementLabel, resolveElement } from './lintElements';
import type LintOverlays from './LintOverlays';
import { LINT_CHANGED_EVENT, type Finding, type LintState, type Profile } from './lintProtocol';
import type LintScheduler from './LintScheduler';
import { findingsBySeverity, SEVERITY_LABELS, summaryText } from './lintUtil';
import { REPOSITORY_FINDINGS_CHANGED_EVENT, type RepositoryFindingsState } from './RepositoryFindings';
import type RepositoryFindings from './RepositoryFindings';
import { eachInSlices } from './timeSlices';

/** Whether the user left the findings collapsed (they stay so on the next map). */
const COLLAPSED_KEY = 'petakerja.findingsCollapsed';

export interface FindingsPanelOptions {
  profiles: ReadonlyArray<{ id: Profile; label: string }>;
  /** The map's profile, shown until the user picks another. */
  mapProfile: Profile;
}

/** Findings listed at once per severity; the rest wait behind a button. */
export const FIRST_SHOWN = 100;

export class FindingsPanel {
  readonly element: HTMLElement;
  private readonly summary = h('span', { class: 'lint-summary', 'data-testid': 'lint-summary', role: 'status' }, 'Memeriksa…');
  private readonly status = h('span', { class: 'lint-status' });
  private readonly repositoryStatus = h('span', { class: 'lint-status', 'data-testid': 'lint-repository-status' });
  /** What the panel last heard: the in-browser lint and the repository findings of the saved revision. */
  private lintState: LintState;
  private repositoryState: RepositoryFindingsState;
  /** The repository findings shown, to tell them from the in-browser lint's when a finding is picked. */
  private readonly fromRepository = new WeakSet<Finding>();
  private readonly profileSelect: HTMLSelectElement;
  private readonly overlaysToggle: HTMLButtonElement;
  private readonly collapseButton: HTMLButtonElement;
  private readonly list = h('div', { class: 'lint-list' });
  private readonly citations = h('div', { class: 'lint-citations', 'data-testid': 'lint-citations', hidden: true, 'aria-live': 'polite' });
  private readonly body: HTMLElement;
  private readonly scheduler: LintScheduler;
  private readonly overlays: LintOverlays;
  private readonly registry: ElementRegistry;
  private active: Finding | null = null;
  /** The answers the list was last built from. */
  private shownResult: LintState['result'] = null;
  private shownRepository: RepositoryFindingsState['result'] = null;
  /** Bumped by each list render; the items of an older one stop being added. */
  private renders = 0;
  /** Everything the list on screen shows (see listed()); an answer that would show the same leaves it untouched. */
  private listedText: string | null = null;
  /** The cited articles' text, opened by clicking a finding. */
  private readonly articles = new ArticleDialog();

  constructor(
    private readonly modeler: Modeler,
    options: FindingsPanelOptions,
  ) {
    this.scheduler = modeler.get<LintScheduler>('lintScheduler');
    const repository = modeler.get<RepositoryFindings>('lintRepository');
    this.lintState = this.scheduler.getState();
    this.repositoryState = repository.getState();
    this.overlays = modeler.get<LintOverlays>('lintOverlays');
    this.registry = modeler.get<ElementRegistry>('elementRegistry');
    const bodyId = uniqueId('lint-body');
    const selectId = uniqueId('lint-profile');

    this.collapseButton = h(
      'button',
      { type: 'button', class: 'lint-collapse', 'aria-expanded': 'true', 'aria-controls': bodyId, onClick: () => this.setCollapsed(!this.isCollapsed()) },
      h('span', { class: 'lint-collapse-icon', 'aria-hidden': 'true' }),
      h('span', { class: 'lint-title' }, 'Pemeriksaan'),
    );
    this.profileSelect = h(
      'select',
      { id: selectId, class: 'lint-profile', 'data-testid': 'lint-profile', onChange: () => this.scheduler.setProfile(this.profileSelect.value as Profile) },
      options.profiles.map((profile) => h('option', { value: profile.id }, profile.label)),
    );
    this.profileSelect.value = this.scheduler.getProfile() ?? options.mapProfile;
    this.overlaysToggle = h('button', {
      type: 'button',
      class: 'button button-ghost lint-overlays-toggle',
      'data-testid': 'lint-overlays-toggle',
      onClick: () => this.overlays.setVisible(!this.overlays.isVisible()),
    });
    this.showOverlayState();

    this.body = h('div', { class: 'lint-panel-body', id: bodyId }, this.list, this.citations);
    this.element = h(
      'section',
      { class: 'lint-panel', 'aria-label': 'Pemeriksaan peta', 'data-testid': 'lint-panel' },
      h(
        'div',
        { class: 'lint-panel-header' },
        this.collapseButton,
        this.summary,
        this.status,
        this.repositoryStatus,
        h('span', { class: 'lint-header-spacer' }),
        h('label', { class: 'lint-profile-label', for: selectId }, 'Profil'),
        this.profileSelect,
        this.overlaysToggle,
      ),
      this.body,
      this.articles.element,
    );

    modeler.on<LintState>(LINT_CHANGED_EVENT, (state) => {
      this.lintState = state;
      this.show();
    });
    modeler.on<RepositoryFindingsState>(REPOSITORY_FINDINGS_CHANGED_EVENT, (state) => {
      this.repositoryState = state;
      this.show();
    });
    modeler.on('petakerja.lint.overlaysToggled', () => this.showOverlayState());
    this.show();
    if (localStorage.getItem(COLLAPSED_KEY) === 'true') this.setCollapsed(true, false);
  }

  private isCollapsed(): boolean {
    return this.element.classList.contains('lint-panel-collapsed');
  }

  private setCollapsed(collapsed: boolean, remember = true): void {
    if (remember) localStorage.setItem(COLLAPSED_KEY, String(collapsed));
    this.element.classList.toggle('lint-panel-collapsed', collapsed);
    this.body.hidden = collapsed;
    this.collapseButton.setAttribute('aria-expanded', String(!collapsed));
  }

  private showOverlayState(): void {
    const visible = this.overlays.isVisible();
    this.overlaysToggle.textContent = visible ? 'Sembunyikan penanda' : 'Tampilkan penanda';
    this.overlaysToggle.setAttribute('aria-pressed', String(!visible));
  }

  private show(): void {
    const state = this.lintState;
    this.status.textContent = state.status === 'pending' ? 'Memeriksa…' : state.status === 'failed' ? `Pemeriksaan gagal: ${state.message}` : '';
    this.status.classList.toggle('lint-status-failed', state.status === 'failed');
    const repository = this.repositoryState;
    this.repositoryStatus.textContent = repository.status === 'failed' ? `Temuan antarpeta tidak dapat dimuat: ${repository.message}` : '';
    this.repositoryStatus.classList.toggle('lint-status-failed', repository.status === 'failed');
    const result = state.result;
    if (!result) return;
    // A lint starting keeps the list as it is: only a new answer (or new repository findings) rebuilds it.
    if (result === this.shownResult && repository.result === this.shownRepository) return;
    this.shownResult = result;
    this.shownRepository = repository.result;
    const across = repository.result?.findings ?? [];
    for (const finding of across) this.fromRepository.add(finding);
    const all = [...result.findings, ...across];
    this.summary.textContent = summaryText(all);
    if (this.profileSelect.value !== result.profile) this.profileSelect.value = result.profile;
    this.renderList(all, across.length > 0 ? repository.result : null);
  }

  /**
   * What the list shows of these findings, as text: each finding's severity, rule, element and its label, message,
   * whether inferred and where from, and the repository note. An edit usually leaves most findings as they were; a
   * list that would look the same is not built again (at 2,000 shapes, hundreds of items re-laid out after each lint).
   */
  private listed(findings: readonly Finding[], repository: { revision: number; findings: readonly Finding[] } | null): string {
    let text = repository ? `${repository.revision}:${repository.findings.length}` : '-';
    for (const finding of findings) {
      const label = finding.element ? elementLabel(this.registry, finding.element) : '';
      text += `\n${finding.severity}\t${finding.rule}\t${finding.element ?? ''}\t${label}\t${finding.inferred}\t${this.fromRepository.has(finding)}\t${finding.message}`;
    }
    return text;
  }

  private renderList(findings: readonly Finding[], repository: { revision: number; findings: readonly Finding[] } | null): void {
    const listed = this.listed(findings, repository);
    if (listed === this.listedText) return;
    this.listedText = listed;
    const render = ++this.renders;
    const groups = findingsBySeverity(findings);
    const note = repository
      ? h(
          'p',
          { class: 'lint-repository-note', 'data-testid': 'lint-repository-note' },
          `${repository.findings.length} temuan antarpeta dari pemeriksaan repositori atas revisi tersimpan ${repository.revision} `,
          '(aturan map/*: panggilan ke peta lain, peta relasi, level peta); diperiksa ulang setelah peta disimpan.',
        )
      : null;
    if (groups.length === 0) {
      replaceChildren(this.list, h('p', { class: 'lint-empty' }, 'Tidak ada temuan. Peta memenuhi aturan profil ini.'));
    } else {
      // A big map has thousands of findings: each group shows its first ones, the rest on request, added in slices.
      replaceChildren(
        this.list,
        note,
        groups.map(({ severity, findings: list }) => {
          const items = h('ul', { class: 'lint-items' }, list.slice(0, FIRST_SHOWN).map((finding) => h('li', {}, this.item(finding))));
          const rest = list.slice(FIRST_SHOWN);
          const more =
            rest.length > 0
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'button button-ghost lint-more',
                    'data-testid': 'lint-more',
                    onClick: () => {
                      more!.remove();
                      void eachInSlices(rest, (finding) => items.append(h('li', {}, this.item(finding))), () => render !== this.renders);
                    },
                  },
                  `Tampilkan ${rest.length} temuan lainnya`,
                )
              : null;
          return h('div', { class: `lint-group lint-group-${severity}` }, h('h3', { class: 'lint-group-title' }, `${SEVERITY_LABELS[severity]} (${list.length})`), items, more);
        }),
      );
    }
    // The citations shown stay only while their finding is still reported.
    const still = this.active && findings.find((f) => f.rule === this.active!.rule && f.element === this.active!.element && f.message === this.active!.message);
    if (still) {
      this.showCitations(still);
      this.buttonOf(still)?.setAttribute('aria-current', 'true');
    }
    else {
      this.active = null;
      this.citations.hidden = true;
      this.articles.close();
    }
  }

  private item(finding: Finding): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        class: `lint-finding lint-finding-${finding.severity}`,
        'data-testid': 'lint-finding',
        'data-rule': finding.rule,
        'data-element': finding.element ?? '',
        'data-severity': finding.severity,
        'data-source': this.fromRepository.has(finding) ? 'repositori' : 'peta',
        onClick: () => this.select(finding),
      },
      h('span', { class: `lint-dot lint-dot-${finding.severity}`, 'aria-hidden': 'true' }),
      h(
        'span',
        { class: 'lint-finding-text' },
        h('span', { class: 'lint-finding-message' }, finding.message),
        h(
          'span',
          { class: 'lint-finding-meta' },
          finding.element ? elementLabel(this.registry, finding.element) : 'Seluruh peta',
          ' · ',
          h('code', {}, finding.rule),
          finding.inferred ? h('span', { class: 'lint-inferred' }, 'disimpulkan dari nama') : null,
          this.fromRepository.has(finding)
            ? h('span', { class: 'lint-source-repository', title: 'Dari pemeriksaan repositori atas revisi tersimpan' }, 'repositori · revisi tersimpan')
            : null,
        ),
      ),
    );
  }

  private select(finding: Finding): void {
    const element = finding.element ? resolveElement(this.registry, finding.element) : undefined;
    if (element) {
      this.modeler.get<Selection>('selection').select(element);
      this.modeler.get<Canvas>('canvas').scrollToElement(element);
    }
    for (const button of this.list.querySelectorAll('.lint-finding')) button.removeAttribute('aria-current');
    this.buttonOf(finding)?.setAttribute('aria-current', 'true');
    this.active = finding;
    this.showCitations(finding);
    this.openArticles(finding);
  }

  private openArticles(finding: Finding): void {
    if (finding.citations.length === 0) {
      this.articles.close();
      return;
    }
    void this.articles.open(finding.rule, finding.citations, () => this.buttonOf(finding));
  }

  /** The list's button for a finding; the list is rebuilt by every lint, so it is looked up again each time. */
  private buttonOf(finding: Finding): HTMLButtonElement | null {
    return (
      [...this.list.querySelectorAll<HTMLButtonElement>('.lint-finding')].find(
        (button) => button.dataset.rule === finding.rule && button.dataset.element === (finding.element ?? '') && button.querySelector('.lint-finding-message')?.textContent === finding.message,
      ) ?? null
    );
  }

  private showCitations(finding: Finding): void {
    replaceChildren(
      this.citations,
      h('h3', { class: 'lint-citations-title' }, 'Dasar aturan'),
      h('p', { class: 'lint-citations-rule' }, h('code', {}, finding.rule)),
      finding.citations.length > 0
        ? [
            h('ul', { class: 'lint-citation-list' }, finding.citations.map((citation) => h('li', {}, citation))),
            h(
              'button',
              { type: 'button', class: 'button button-ghost lint-citations-read', 'data-testid': 'lint-citations-read', onClick: () => this.openArticles(finding) },
              'Baca teks pasal',
            ),
          ]
        : h(
            'p',
            { class: 'lint-citations-none' },
            this.fromRepository.has(finding)
              ? 'Aturan konsistensi repositori (RULES.md §F), diperiksa atas revisi tersimpan bersama peta lain; tidak merujuk peraturan tertentu.'
              : 'Aturan struktur BPMN umum; tidak merujuk peraturan tertentu.',
          ),
      finding.inferred
        ? h(
            'p',
            { class: 'lint-citations-note' },
            this.fromRepository.has(finding)
              ? 'Temuan ini disimpulkan dari nama: aktivitas tanpa sk:calledMap atau calledElement dicocokkan dengan nama peta anak.'
              : 'Temuan ini disimpulkan dari nama jabatan pada diagram, bukan dari atribut peran.',
          )
        : null,
    );
    this.citations.hidden = false;
  }
}
