// The "Peta baru" dialog: an optional template of the reference library, name, kind, unit, profile, optional parent
// map and code. A library template sets the kind (fixed) and proposes its profile.
import type { LibraryTemplate, MapKind, Meta, Profile } from '../../api/types';
import type { AppContext } from '../../context';
import { href } from '../../router';
import { field, openFormDialog } from '../../ui/dialog';
import { h } from '../../ui/dom';
import { nameControl, selectControl, unitControl } from '../shared/mapFields';


function parentControl(context: AppContext): HTMLSelectElement {
  const select = h('select', { name: 'parentId' }, h('option', { value: '' }, 'Tanpa peta induk (level 0)'));
  const loading = h('option', { value: '', disabled: true }, 'Memuat daftar peta…');
  select.append(loading);
  context.api.listMaps().then(
    (maps) => {
      loading.remove();
      const sorted = [...maps].sort((a, b) => a.code.localeCompare(b.code, 'id', { numeric: true }));
      select.append(...sorted.map((map) => h('option', { value: map.id }, `${map.code} — ${map.name}`)));
    },
    () => {
      loading.textContent = 'Daftar peta tidak dapat dimuat';
    },
  );
  return select;
}

const TEMPLATE_GROUPS: { group: LibraryTemplate['group']; label: string }[] = [
  { group: 'mekanisme-kerja', label: 'Mekanisme kerja per jenis organisasi' },
  { group: 'penugasan', label: 'Alur penugasan' },
];

/** A native select (keyboard-friendly): "no template" first, then the library maps grouped as the catalog groups them. */
function templateControl(context: AppContext, onLoaded: (templates: LibraryTemplate[]) => void): HTMLSelectElement {
  const select = h('select', { name: 'templateId', 'data-testid': 'new-map-template' }, h('option', { value: '' }, 'Tanpa templat pustaka (templat dasar jenis peta)'));
  const loading = h('option', { value: '', disabled: true }, 'Memuat pustaka peta…');
  select.append(loading);
  context.api.listTemplates().then(
    (templates) => {
      loading.remove();
      for (const { group, label } of TEMPLATE_GROUPS) {
        const members = templates.filter((t) => t.group === group);
        if (members.length > 0) select.append(h('optgroup', { label }, members.map((t) => h('option', { value: t.id, title: t.description }, t.title))));
      }
      onLoaded(templates);
    },
    () => {
      loading.textContent = 'Pustaka peta tidak dapat dimuat';
    },
  );
  return select;
}

export function openCreateMapDialog(context: AppContext, meta: Meta): void {
  const name = nameControl('', { autofocus: true, 'data-testid': 'new-map-name', placeholder: 'Mis. Pelayanan Perizinan Berusaha' });
  const kind = selectControl(meta.kinds, meta.kinds[0]?.id ?? '', { name: 'kind', required: true, 'data-testid': 'new-map-kind' });
  const unit = unitControl(meta.units, '');
  const profile = selectControl(meta.profiles, meta.defaultProfile, { name: 'profile' });
  const parent = parentControl(context);
  let templates: LibraryTemplate[] = [];
  const template = templateControl(context, (loaded) => (templates = loaded));
  const templateNote = h('p', { class: 'field-hint', 'aria-live': 'polite', 'data-testid': 'new-map-template-note' });
  template.addEventListener('change', () => {
    const chosen = templates.find((t) => t.id === template.value);
    kind.disabled = chosen !== undefined;
    if (chosen) {
      kind.value = chosen.kind;
      profile.value = chosen.profile;
      if (!name.value.trim()) name.value = chosen.title;
    }
    templateNote.textContent = chosen ? `${chosen.description} Mengikuti ${chosen.articles.join('; ')}.` : '';
  });
  const code = h('input', {
    type: 'text',
    name: 'code',
    maxlength: 40,
    autocomplete: 'off',
    pattern: '[0-9A-Za-z][0-9A-Za-z.\\-\\/]*',
    'data-pattern-message': 'Kode hanya boleh berisi huruf, angka, titik, garis miring dan tanda hubung.',
    placeholder: 'Mis. 1.2',
  });

  openFormDialog({
    title: 'Peta proses baru',
    submitLabel: 'Buat peta',
    busyLabel: 'Membuat…',
    submitTestId: 'new-map-submit',
    fields: [
      field('Nama peta', name),
      field('Templat (opsional)', template, 'Peta acuan yang disusun dari peraturan: jenis peta dan profil regulasi mengikuti templat.'),
      templateNote,
      field('Jenis peta', kind),
      field('Unit kerja (opsional)', unit.input, 'Unit kerja atau perangkat daerah pemilik peta.'),
      unit.datalist,
      field('Profil regulasi', profile, 'Menentukan peraturan yang dipakai saat memeriksa peta.'),
      field('Peta induk (opsional)', parent, 'Level dan kode peta mengikuti peta induknya.'),
      field('Kode (opsional)', code, 'Kosongkan agar kode diberikan otomatis dari hierarki.'),
    ],
    onSubmit: async () => {
      const map = await context.api.createMap({
        name: name.value.trim(),
        kind: kind.value as MapKind,
        unit: unit.input.value.trim() || undefined,
        profile: profile.value as Profile,
        parentId: parent.value || undefined,
        code: code.value.trim() || undefined,
        templateId: template.value || undefined,
      });
      context.router.navigate(href.map(map.id));
    },
  });
}
