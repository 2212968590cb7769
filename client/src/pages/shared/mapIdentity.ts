// The map's name, code and facts as the editor and the revision view show them in their header.
import type { Meta, ProcessMap } from '../../api/types';
import { h } from '../../ui/dom';
import { kindLabel, profileLabel, shortProfileLabel } from './mapFields';

export function mapIdentity(map: ProcessMap, meta: Meta, revisionLabel: string): HTMLElement {
  const facts = [
    h('span', {}, kindLabel(meta, map.kind)),
    h('span', {}, map.unit || 'Unit belum diisi'),
    h('span', { title: profileLabel(meta, map.profile) }, shortProfileLabel(meta, map.profile)),
    h('span', { class: 'map-revision' }, revisionLabel),
  ];
  return h(
    'div',
    { class: 'map-identity' },
    h('h1', { class: 'map-title' }, h('span', { class: 'map-code' }, map.code), h('span', { class: 'map-name' }, map.name)),
    h('p', { class: 'map-facts' }, facts),
  );
}
