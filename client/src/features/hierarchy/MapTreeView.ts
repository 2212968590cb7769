// The "Hierarki" view of the map list: the maps as a tree by code, with expand/collapse, keyboard navigation (WAI-ARIA
// tree: arrows, Home/End, Enter opens) and, for drafters, "Pindahkan…" on each row.
import type { Meta, ProcessMap } from '../../api/types';
import { h, replaceChildren } from '../../ui/dom';
import { kindLabel } from '../../pages/shared/mapFields';
import { buildTree, visibleRows, withAncestors, type TreeNode, type TreeRow } from './mapTree';
import './hierarchy.css';

export interface MapTreeOptions {
  /** Every map the user may see. */
  maps: readonly ProcessMap[];
  /** When a filter is active: the maps it matches (their ancestors are shown greyed, to keep the tree's shape). */
  matches: ReadonlySet<string> | null;
  meta: Meta;
  /** Offers "Pindahkan…" on each row (drafters). */
  canMove: boolean;
  onOpen(map: ProcessMap): void;
  onMove(map: ProcessMap): void;
}

/** Expanded maps survive the list being reloaded (after a move) within the tab. */
const EXPANDED_KEY = 'petakerja.hierarki.terbuka';

function rememberedExpanded(): Set<string> | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(EXPANDED_KEY) ?? 'null') as unknown;
    return Array.isArray(stored) ? new Set(stored.filter((id): id is string => typeof id === 'string')) : null;
  } catch {
    return null;
  }
}

export class MapTreeView {
  readonly element: HTMLElement;
  private readonly tree: HTMLElement;
  private readonly roots: TreeNode[];
  private readonly expanded: Set<string>;
  private readonly shown: ReadonlySet<string> | null;
  private rows: TreeRow[] = [];
  private focusId: string | null = null;

  constructor(private readonly options: MapTreeOptions) {
    this.roots = buildTree(options.maps);
    this.shown = options.matches && withAncestors(options.maps, options.matches);
    // A filtered tree opens every branch that leads to a match; otherwise the first two levels, or what the user left open.
    this.expanded = this.shown ? new Set(this.shown) : (rememberedExpanded() ?? new Set(options.maps.filter((m) => m.level < 1).map((m) => m.id)));
    this.tree = h('div', { class: 'map-tree', role: 'tree', 'aria-label': 'Hierarki peta proses', 'data-testid': 'map-tree' });
    this.tree.addEventListener('keydown', (event) => this.onKeyDown(event));
    const hint = options.canMove
      ? 'Panah atas/bawah untuk berpindah baris, kanan/kiri untuk membuka/menutup cabang, Enter untuk membuka peta, F2 untuk memindahkan.'
      : 'Panah atas/bawah untuk berpindah baris, kanan/kiri untuk membuka/menutup cabang, Enter untuk membuka peta.';
    // Column titles for sighted users; each tree item's own text already says the same to a screen reader.
    const head = h('div', { class: 'tree-head', 'aria-hidden': 'true' }, h('span', {}, 'Kode dan nama'), h('span', {}, 'Jenis'), h('span', {}, 'Unit'), h('span', {}));
    this.element = h('div', { class: 'map-tree-wrap' }, head, this.tree, h('p', { class: 'tree-hint muted' }, hint));
    this.render();
  }

  private keep = (node: TreeNode): boolean => this.shown === null || this.shown.has(node.map.id);

  private render(focus = false): void {
    this.rows = visibleRows(this.roots, this.expanded, this.keep);
    if (!this.rows.some((row) => row.node.map.id === this.focusId)) this.focusId = this.rows[0]?.node.map.id ?? null;
    replaceChildren(this.tree, this.rows.map((row) => this.rowElement(row)));
    if (focus) this.focusedRow()?.focus();
  }

  private rowElement(row: TreeRow): HTMLElement {
    const { map } = row.node;
    const children = row.node.children.filter(this.keep);
    const open = this.expanded.has(map.id);
    const context = this.options.matches !== null && !this.options.matches.has(map.id);
    const toggle = h(
      'span',
      { class: 'tree-toggle', 'aria-hidden': 'true', 'data-testid': 'tree-toggle' },
      children.length > 0 ? (open ? '▾' : '▸') : '',
    );
    toggle.addEventListener('click', (event) => {
      event.stopPropagation();
      this.focusId = map.id;
      this.setExpanded(map.id, !open);
    });
    const item = h(
      'div',
      {
        class: `tree-row${context ? ' is-context' : ''}`,
        role: 'treeitem',
        tabindex: map.id === this.focusId ? 0 : -1,
        'aria-level': row.depth + 1,
        'aria-posinset': row.position,
        'aria-setsize': row.siblings,
        'aria-expanded': children.length > 0 ? String(open) : undefined,
        'aria-selected': map.id === this.focusId ? 'true' : 'false',
        'aria-keyshortcuts': this.options.canMove ? 'F2' : undefined,
        'data-testid': 'tree-row',
        'data-map-id': map.id,
        'data-code': map.code,
      },
      h(
        'span',
        { class: 'tree-main' },
        toggle,
        h('span', { class: 'tree-code' }, map.code),
        h('a', { class: 'tree-name', href: `#/peta/${encodeURIComponent(map.id)}`, tabindex: -1 }, map.name),
      ),
      h('span', { class: 'tree-kind' }, kindLabel(this.options.meta, map.kind)),
      h('span', { class: 'tree-unit' }, map.unit || h('span', { class: 'muted' }, '—')),
      this.options.canMove &&
        h(
          'button',
          {
            type: 'button',
            class: 'button button-ghost tree-move',
            tabindex: -1,
            'data-testid': 'tree-move',
            title: `Pindahkan ${map.code} ${map.name} ke induk lain`,
            onClick: (event: Event) => {
              event.stopPropagation();
              this.options.onMove(map);
            },
          },
          'Pindahkan…',
        ),
    );
    // Through the CSSOM: the app's Content Security Policy refuses style attributes.
    item.style.setProperty('--tree-depth', String(row.depth));
    item.addEventListener('click', (event) => {
      if (event.target instanceof Element && event.target.closest('a')) return;
      this.moveFocus(this.rows.findIndex((r) => r.node.map.id === map.id));
    });
    item.addEventListener('dblclick', () => this.options.onOpen(map));
    return item;
  }

  private focusedRow(): HTMLElement | null {
    return this.tree.querySelector<HTMLElement>(`[data-map-id="${CSS.escape(this.focusId ?? '')}"]`);
  }

  private setExpanded(id: string, open: boolean): void {
    if (open) this.expanded.add(id);
    else this.expanded.delete(id);
    if (!this.shown) sessionStorage.setItem(EXPANDED_KEY, JSON.stringify([...this.expanded]));
    this.render(true);
  }

  /** Moves the roving focus without rebuilding the rows (a large tree stays quick under the arrow keys). */
  private moveFocus(index: number): void {
    const row = this.rows[Math.max(0, Math.min(this.rows.length - 1, index))];
    if (!row) return;
    const previous = this.focusedRow();
    previous?.setAttribute('tabindex', '-1');
    previous?.setAttribute('aria-selected', 'false');
    this.focusId = row.node.map.id;
    const next = this.focusedRow();
    next?.setAttribute('tabindex', '0');
    next?.setAttribute('aria-selected', 'true');
    next?.focus();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const index = this.rows.findIndex((row) => row.node.map.id === this.focusId);
    const row = this.rows[index];
    if (!row) return;
    const { map } = row.node;
    const hasChildren = row.node.children.some(this.keep);
    const open = this.expanded.has(map.id);
    switch (event.key) {
      case 'ArrowDown':
        this.moveFocus(index + 1);
        break;
      case 'ArrowUp':
        this.moveFocus(index - 1);
        break;
      case 'Home':
        this.moveFocus(0);
        break;
      case 'End':
        this.moveFocus(this.rows.length - 1);
        break;
      case 'ArrowRight':
        if (hasChildren && !open) this.setExpanded(map.id, true);
        else if (hasChildren) this.moveFocus(index + 1);
        break;
      case 'ArrowLeft':
        if (hasChildren && open) this.setExpanded(map.id, false);
        else if (row.parentId) this.moveFocus(this.rows.findIndex((r) => r.node.map.id === row.parentId));
        break;
      case 'Enter':
        this.options.onOpen(map);
        break;
      case 'F2':
        // The drafter's shortcut for "Pindahkan…" on the focused row.
        if (!this.options.canMove) return;
        this.options.onMove(map);
        break;
      default:
        return;
    }
    event.preventDefault();
  }
}
