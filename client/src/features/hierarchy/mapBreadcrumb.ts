// The breadcrumb above a map: its ancestors (code and name, each a link) down to the map itself, so a user who drilled
// into a child map finds the way back up. Hidden for a top-level map.
import type { ProcessMap } from '../../api/types';
import type { AppContext } from '../../context';
import { href } from '../../router';
import { h, replaceChildren } from '../../ui/dom';
import './hierarchy.css';

export class MapBreadcrumb {
  readonly element = h('nav', { class: 'map-breadcrumb', 'aria-label': 'Hierarki peta', hidden: true, 'data-testid': 'map-breadcrumb' });

  constructor(private readonly context: AppContext) {}

  /** Shows the ancestors of `map`; a failure to load them only hides the breadcrumb (the page works without it). */
  async show(map: ProcessMap): Promise<void> {
    if (map.parentId === undefined) {
      this.element.hidden = true;
      return;
    }
    let ancestors: ProcessMap[];
    try {
      ancestors = await this.context.api.mapAncestors(map.id);
    } catch {
      this.element.hidden = true;
      return;
    }
    const crumb = (m: ProcessMap, current: boolean) =>
      h(
        'li',
        {},
        current
          ? h('span', { 'aria-current': 'page' }, h('span', { class: 'crumb-code' }, m.code), m.name)
          : h('a', { href: href.map(m.id), 'data-testid': 'breadcrumb-link', 'data-map-id': m.id }, h('span', { class: 'crumb-code' }, m.code), m.name),
      );
    replaceChildren(this.element, h('ol', {}, ancestors.map((m) => crumb(m, false)), crumb(map, true)));
    this.element.hidden = ancestors.length === 0;
  }
}
