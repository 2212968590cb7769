// Edits a map's name, unit and regulation profile.
import type { Meta, ProcessMap, Profile } from '../../api/types';
import { field, openFormDialog } from '../../ui/dialog';
import { nameControl, selectControl, unitControl } from '../shared/mapFields';

export function openMetadataDialog(options: { map: ProcessMap; meta: Meta; onSubmit: (patch: { name: string; unit: string; profile: Profile }) => Promise<void> }): void {
  const { map, meta } = options;
  const name = nameControl(map.name, { autofocus: true });
  const unit = unitControl(meta.units, map.unit);
  const profile = selectControl(meta.profiles, map.profile, { name: 'profile' });

  openFormDialog({
    title: 'Data peta',
    submitLabel: 'Simpan data',
    busyLabel: 'Menyimpan…',
    fields: [
      field('Nama peta', name),
      field('Unit kerja (opsional)', unit.input),
      unit.datalist,
      field('Profil regulasi', profile, 'Unit dan profil yang diubah juga dicatat pada diagram.'),
    ],
    onSubmit: () => options.onSubmit({ name: name.value.trim(), unit: unit.input.value.trim(), profile: profile.value as Profile }),
  });
}
