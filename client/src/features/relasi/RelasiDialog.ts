// "Peta relasi" of a proses/subproses map (docs/relasi.md): the peta relasi generated from the lintas fungsi maps
// beneath it, in a viewer; the relations with the maps they come from; each relasi map drawn beneath it compared with
// them; and, for drafters, saving the generated map as a new relasi map or as a new revision of a drawn one.
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { ProcessMap, Relation, RelasiDrawnView, RelasiView } from '../../api/types';
import type { AppContext } from '../../context';
import { importDiagram } from '../../diagram/diagramFiles';
import { fitDiagram } from '../../diagram/viewport';
import { href } from '../../router';
import { openDialog } from '../../ui/dialog';
import { h, replaceChildren, type Child } from '../../ui/dom';
import { errorView } from '../../ui/errors';
import { loadingView } from '../../ui/states';
import type { MapState } from '../map-state/MapState';
import './relasi.css';

/** A peta relasi belongs to a process: only proses and subproses maps offer it. */
export const hasRelasi = (map: Pick<ProcessMap, 'kind'>): boolean => map.kind === 'proses' || map.kind === 'subproses';

/** The header button that opens the dialog; null for maps that are no process. */
export function relasiButton(context: AppContext, map: ProcessMap, state?: MapState): HTMLButtonElement | null {
  if (!hasRelasi(map)) return null;
  return h(
    'button',
    { type: 'button', class: 'button button-ghost', 'data-testid': 'relasi-toggle', onClick: () => openRelasiDialog(context, map.id, state) },
    'Peta relasi',
  );
}

const mapLabel = (map: Pick<ProcessMap, 'code' | 'name'>) => `${map.code} ${map.name}`;
const whatText = (relation: Relation) => relation.what.join(', ') || '(tanpa nama)';
const relationText = (relation: Relation) => `${relation.from.name} → ${relation.to.name}`;

/** With the map's store, the dialog reloads when maps beneath the process are moved or saved meanwhile. */
export function openRelasiDialog(context: AppContext, processId: string, state?: MapState): void {
  const { api, session } = context;
  const body = h('div', { class: 'relasi-overview', 'data-testid': 'relasi-dialog' }, loadingView('Memuat peta relasi…'));
  let viewer: NavigatedViewer | null = null;
  let closed = false;
  const handle = openDialog({
    title: 'Peta relasi',
    className: 'dialog-relasi',
    body,
    actions: [{ label: 'Tutup', variant: 'primary', onClick: () => handle.close() }],
    onClose: () => {
      closed = true;
      unsubscribe();
      viewer?.destroy();
    },
  });
  const unsubscribe = state?.subscribe((_snapshot, changed) => {
    if (changed.has('hierarchy') && !closed) void load();
  }) ?? (() => undefined);
  /** What the last save did, kept above the content when it reloads. */
  let notice: Child = null;

  const load = async (): Promise<void> => {
    body.setAttribute('aria-busy', 'true');
    try {
      const [view, { createViewer }] = await Promise.all([api.relasi(processId), import('../../diagram/createDiagram')]);
      if (closed) return;
      await render(view, createViewer);
    } catch (error) {
      if (!closed) replaceChildren(body, notice, errorView(error, 'Peta relasi tidak dapat dimuat'));
    } finally {
      body.removeAttribute('aria-busy');
    }
  };

  const sourceLinks = (view: RelasiView, relation: Relation): Child => {
    const ids = [...new Set(relation.sources.map((s) => s.mapId).filter((id): id is string => id !== undefined))];
    const maps = ids.map((id) => view.sources.find((s) => s.map.id === id)?.map).filter((m): m is ProcessMap => m !== undefined);
    return h('span', { class: 'relasi-sources' }, 'dari ', maps.map((m, i) => [i > 0 ? ', ' : '', h('a', { href: href.map(m.id), 'data-testid': 'relasi-source-link' }, mapLabel(m))]));
  };

  const save = async (button: HTMLButtonElement, target: { target: 'baru' } | { target: string; baseRevision: number }, label: string): Promise<void> => {
    button.disabled = true;
    const idle = button.textContent;
    button.textContent = 'Menyimpan…';
    try {
      const saved = await api.saveRelasi(processId, target);
      if (target.target === 'baru') {
        // The new map opens at once: it is the reason for pressing the button.
        handle.close();
        context.router.navigate(href.map(saved.map.id));
        return;
      }
      const n = saved.revision?.n ?? saved.map.currentRevision;
      notice = h(
        'p',
        { class: 'relasi-notice', role: 'status', 'data-testid': 'relasi-saved' },
        `${label} dibuat ulang sebagai revisi ${n}. `,
        h('a', { href: href.diff(saved.map.id, n - 1, n), 'data-testid': 'relasi-diff-link', onClick: () => handle.close() }, 'Lihat perbedaan'),
        ' dengan revisi sebelumnya.',
      );
      await load();
    } catch (error) {
      button.disabled = false;
      button.textContent = idle;
      replaceChildren(body.querySelector('.relasi-error') ?? body, errorView(error, 'Peta relasi tidak dapat disimpan'));
    }
  };

  const comparisonList = (drawn: RelasiDrawnView): HTMLElement => {
    const rows: Array<[string, string, Relation]> = [
      ...drawn.comparison.both.map((b): [string, string, Relation] => ['sama', 'Sama', b.drawn]),
      ...drawn.comparison.notDrawn.map((r): [string, string, Relation] => ['belum', 'Belum digambar', r]),
      ...drawn.comparison.notRealised.map((r): [string, string, Relation] => ['tanpa', 'Tidak ada serah terimanya', r]),
    ];
    if (rows.length === 0) return h('p', { class: 'relasi-empty' }, 'Peta ini belum menggambar relasi apa pun.');
    return h(
      'ul',
      { class: 'relasi-list' },
      rows.map(([status, text, relation]) =>
        h(
          'li',
          { 'data-testid': 'relasi-comparison', 'data-status': status },
          h('span', { class: `relasi-badge relasi-badge-${status}` }, text),
          h('span', { class: 'relasi-relation' }, h('strong', {}, relationText(relation)), `: ${whatText(relation)}`),
        ),
      ),
    );
  };

  const render = async (view: RelasiView, createViewer: (canvas: HTMLElement) => NavigatedViewer): Promise<void> => {
    const heading = h('p', { class: 'relasi-process', 'data-testid': 'relasi-heading' }, 'Proses ', h('strong', {}, mapLabel(view.process)), ` — ${view.sources.length} peta lintas fungsi di bawahnya.`);
    viewer?.destroy();
    viewer = null;
    if (view.sources.length === 0 || view.generated.relations.length === 0) {
      replaceChildren(
        body,
        notice,
        heading,
        h(
          'div',
          { class: 'relasi-empty', 'data-testid': 'relasi-empty' },
          view.sources.length === 0
            ? 'Belum ada peta lintas fungsi di bawah proses ini. Buat peta lintas fungsi (atau alur mekanisme kerja) sebagai turunan proses ini; peta relasinya dibangkitkan dari serah terima antarunit di dalamnya.'
            : 'Peta lintas fungsi di bawah proses ini belum memiliki serah terima antarunit, sehingga belum ada relasi untuk digambar.',
        ),
        view.sources.length > 0 &&
          h('ul', { class: 'relasi-list' }, view.sources.map((s) => h('li', {}, h('a', { href: href.map(s.map.id), 'data-testid': 'relasi-source-link' }, mapLabel(s.map))))),
      );
      return;
    }
    const canvas = h('div', { class: 'relasi-canvas', 'data-testid': 'relasi-canvas' });
    const relations = h(
      'ul',
      { class: 'relasi-list', 'data-testid': 'relasi-relations' },
      view.generated.relations.map((relation) =>
        h(
          'li',
          { 'data-testid': 'relasi-relation' },
          h('span', { class: 'relasi-relation' }, h('strong', {}, relationText(relation)), `: ${whatText(relation)}`),
          sourceLinks(view, relation),
        ),
      ),
    );
    const canSave = session.canEditMaps;
    const saveNew = h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'relasi-save-new' }, 'Simpan sebagai peta relasi baru');
    saveNew.addEventListener('click', () => void save(saveNew, { target: 'baru' }, 'Peta relasi baru'));
    const drawn = view.drawn.map((d) => {
      const update = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'relasi-update' }, `Perbarui ${d.map.name}`);
      update.addEventListener('click', () => void save(update, { target: d.map.id, baseRevision: d.revision }, d.map.name));
      const differs = d.comparison.notDrawn.length + d.comparison.notRealised.length;
      return h(
        'section',
        { class: 'relasi-section', 'data-testid': 'relasi-drawn', 'data-map-id': d.map.id },
        h(
          'div',
          { class: 'relasi-section-head' },
          h('h3', {}, h('a', { href: href.map(d.map.id) }, mapLabel(d.map)), ` (revisi ${d.revision})`),
          h('span', { class: differs ? 'relasi-differs' : 'relasi-same' }, differs ? `${differs} relasi berbeda` : 'Sesuai dengan peta lintas fungsi'),
          canSave && update,
        ),
        comparisonList(d),
      );
    });
    replaceChildren(
      body,
      notice,
      heading,
      h('div', { class: 'relasi-error', 'aria-live': 'assertive' }),
      h(
        'section',
        { class: 'relasi-section' },
        h('div', { class: 'relasi-section-head' }, h('h3', {}, 'Dibangkitkan dari peta lintas fungsi'), canSave && saveNew),
        canvas,
        relations,
      ),
      h(
        'section',
        { class: 'relasi-section' },
        h('div', { class: 'relasi-section-head' }, h('h3', {}, 'Peta relasi yang digambar')),
        drawn.length > 0 ? drawn : h('p', { class: 'relasi-empty' }, 'Belum ada peta relasi di bawah proses ini.'),
      ),
    );
    const shown = createViewer(canvas);
    viewer = shown;
    await importDiagram(shown, view.generated.xml);
    if (closed || viewer !== shown) return;
    fitDiagram(shown);
  };

  void load();
}
