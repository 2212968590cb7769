// The "Peta baru" dialog: name, kind, unit, profile, optional parent map and code.
import type { MapKind, Meta, Profile } from '../../api/types';
import type { AppContext } from '../../context';
import { href } from '../../router';
import { field, openFormDialog } from '../../ui/dialog';
import { h } from '../../ui/dom';
import { nameControl, selectControl, unitControl } from '../shared/mapFields';

const DEFAULT_PROFILE: Profile = 'nasional';

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

export function openCreateMapDialog(context: AppContext, meta: Meta): void {
  const name = nameControl('', { autofocus: true, 'data-testid': 'new-map-name', placeholder: 'Mis. Pelayanan Perizinan Berusaha' });
  const kind = selectControl(meta.kinds, meta.kinds[0]?.id ?? '', { name: 'kind', required: true, 'data-testid': 'new-map-kind' });
  const unit = unitControl(meta.units, '');
  const profile = selectControl(meta.profiles, DEFAULT_PROFILE, { name: 'profile' });
  const parent = parentControl(context);
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
      });
      context.router.navigate(href.map(map.id));
    },
  });
}
