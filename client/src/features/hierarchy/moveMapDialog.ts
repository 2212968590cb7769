// "Pindahkan…": choose a new parent for a map (a searchable list of maps, or the top level), see which codes change
// (the map's and its descendants', old → new, as the server plans them), then move.
import type { MapMove, ProcessMap } from '../../api/types';
import type { AppContext } from '../../context';
import { field, openFormDialog } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { errorView, UserFacingError } from '../../ui/errors';
import { compareCodes, subtreeIds } from './mapTree';
import './hierarchy.css';

/** The value of the "top level" choice (a map id is a UUID, never this). */
const TOP = 'tingkat-teratas';

export interface MoveDialogOptions {
  map: ProcessMap;
  /** Every map the user may see: the candidates, and the old codes of the preview. */
  maps: readonly ProcessMap[];
  onMoved(result: MapMove): void;
}

export function openMoveMapDialog(context: AppContext, options: MoveDialogOptions): void {
  const { map, maps } = options;
  const excluded = subtreeIds(maps, map.id);
  const candidates = maps.filter((m) => !excluded.has(m.id)).sort((a, b) => compareCodes(a.code, b.code));
  const byId = new Map(maps.map((m) => [m.id, m]));

  const search = h('input', {
    type: 'search',
    class: 'move-search',
    placeholder: 'Cari kode, nama atau unit…',
    autocomplete: 'off',
    'data-testid': 'move-search',
  });
  const list = h('select', { class: 'move-parents', size: 9, name: 'parentId', 'data-testid': 'move-parent' });
  const preview = h('div', { class: 'move-preview', 'aria-live': 'polite', 'data-testid': 'move-preview' });
  let planned: { parentId: string | null; result: MapMove } | null = null;
  let request = 0;

  const currentParent = map.parentId ?? TOP;
  const label = (m: ProcessMap) => `${m.code}  ${m.name}${m.unit ? ` — ${m.unit}` : ''}${m.id === currentParent ? ' (induk sekarang)' : ''}`;
  const fillList = () => {
    const q = search.value.trim().toLocaleLowerCase('id');
    const selected = list.value;
    const matching = candidates.filter((m) => !q || `${m.code} ${m.name} ${m.unit}`.toLocaleLowerCase('id').includes(q));
    replaceChildren(
      list,
      (!q || 'tingkat teratas'.includes(q)) &&
        h('option', { value: TOP }, `Tingkat teratas (level 0)${currentParent === TOP ? ' (posisi sekarang)' : ''}`),
      matching.map((m) => h('option', { value: m.id }, label(m))),
    );
    if (selected && [...list.options].some((o) => o.value === selected)) list.value = selected;
  };

  const showPreview = async () => {
    const value = list.value;
    planned = null;
    if (!value) {
      replaceChildren(preview, h('p', { class: 'muted' }, 'Pilih induk baru dari daftar.'));
      return;
    }
    const parentId = value === TOP ? null : value;
    const mine = ++request;
    replaceChildren(preview, h('p', { class: 'muted' }, 'Menghitung kode baru…'));
    try {
      const result = await context.api.moveMap(map.id, parentId, true);
      if (mine !== request) return;
      planned = { parentId, result };
      if (result.changed.length === 0) {
        replaceChildren(preview, h('p', {}, 'Peta sudah berada di bawah induk ini; tidak ada yang berubah.'));
        return;
      }
      replaceChildren(
        preview,
        h('p', {}, `${result.changed.length === 1 ? 'Kode peta ini berubah:' : `Kode ${result.changed.length} peta berubah (peta ini dan turunannya):`}`),
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Peta'), h('th', { scope: 'col' }, 'Kode lama → baru'), h('th', { scope: 'col' }, 'Level'))),
          h(
            'tbody',
            {},
            result.changed.map((next) => {
              const before = byId.get(next.id);
              return h(
                'tr',
                { 'data-testid': 'move-change' },
                h('td', {}, next.name),
                h('td', { class: 'code-change' }, `${before?.code ?? '?'} → ${next.code}`),
                h('td', {}, before && before.level !== next.level ? `${before.level} → ${next.level}` : String(next.level)),
              );
            }),
          ),
        ),
      );
    } catch (error) {
      if (mine === request) replaceChildren(preview, errorView(error));
    }
  };

  search.addEventListener('input', () => {
    fillList();
    void showPreview();
  });
  list.addEventListener('change', () => void showPreview());
  // Enter in the search picks the first match instead of submitting an empty choice.
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const first = list.options[0];
    if (!first) return;
    if (!list.value) {
      list.value = first.value;
      void showPreview();
    }
    list.focus();
  });
  fillList();
  replaceChildren(preview, h('p', { class: 'muted' }, 'Pilih induk baru dari daftar.'));

  openFormDialog({
    title: `Pindahkan peta ${map.code} ${map.name}`,
    className: 'move-dialog',
    submitLabel: 'Pindahkan',
    busyLabel: 'Memindahkan…',
    submitTestId: 'move-submit',
    fields: [
      h(
        'p',
        { class: 'dialog-lead' },
        'Peta dipindahkan bersama semua turunannya. Kode dan level peta ini dan turunannya berubah mengikuti induk barunya; ' +
          'diagram (BPMN) dan revisinya tidak diubah.',
      ),
      field('Cari induk baru', search),
      field('Induk baru', list),
      preview,
    ],
    onSubmit: async () => {
      if (!list.value) throw new UserFacingError('Pilih induk baru dari daftar, atau "Tingkat teratas".');
      const parentId = list.value === TOP ? null : list.value;
      if (planned?.parentId === parentId && planned.result.changed.length === 0) {
        throw new UserFacingError('Peta sudah berada di bawah induk ini; pilih induk lain.');
      }
      options.onMoved(await context.api.moveMap(map.id, parentId));
    },
  });
  search.focus();
}
