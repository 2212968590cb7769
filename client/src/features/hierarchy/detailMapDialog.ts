// "Buat peta rincian": from the "!" of a call activity or collapsed sub-process whose map does not exist, create
// that map (POST /api/maps/:id/rincian: a subproses under this map, linked from the activity by sk:calledMap in a new
// revision of this map), then open it.
import { ApiError } from '../../api/client';
import type { CallLink, ProcessMap } from '../../api/types';
import type { AppContext } from '../../context';
import { href } from '../../router';
import { field, openDialog, openFormDialog } from '../../ui/dialog';
import { h } from '../../ui/dom';
import { UserFacingError } from '../../ui/errors';

export interface DetailMapOptions {
  map: ProcessMap;
  link: CallLink;
  /** The revision the modeller shows; the link is written into the next one. */
  baseRevision: number;
  /** Unsaved changes in the modeller: the new revision would not hold them, so the user saves first. */
  dirty: boolean;
}

export function openDetailMapDialog(context: AppContext, { map, link, baseRevision, dirty }: DetailMapOptions): void {
  const activity = link.name || link.elementId;
  if (dirty) {
    const handle = openDialog({
      title: 'Simpan perubahan dulu',
      className: 'detail-map-dialog',
      body: h('p', { 'data-testid': 'detail-map-unsaved' }, `Peta ini punya perubahan yang belum disimpan. Simpan revisinya dulu, lalu klik lagi tanda "!" pada "${activity}" untuk membuat peta rinciannya.`),
      actions: [{ label: 'Tutup', variant: 'primary', onClick: () => handle.close() }],
    });
    return;
  }
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 200, value: link.name, 'data-testid': 'detail-map-name' });
  openFormDialog({
    title: 'Buat peta rincian',
    className: 'detail-map-dialog',
    submitLabel: 'Buat peta rincian',
    busyLabel: 'Membuat…',
    submitTestId: 'detail-map-submit',
    errorTestId: 'detail-map-error',
    fields: [
      h(
        'p',
        { 'data-testid': 'detail-map-intro' },
        `Aktivitas "${activity}" belum punya peta. Peta subproses baru dibuat di bawah ${map.code} ${map.name}, dengan unit ${map.unit || '(tanpa unit)'} dan profil yang sama, lalu aktivitas ini ditautkan ke peta tersebut dalam revisi baru peta ini.`,
      ),
      field('Nama peta rincian', name),
    ],
    onSubmit: async () => {
      let created: ProcessMap;
      try {
        created = (await context.api.createDetailMap(map.id, { elementId: link.elementId, baseRevision, name: name.value.trim() })).map;
      } catch (error) {
        throw explain(error);
      }
      // The parent's new revision is stored; leaving its page loses nothing.
      context.router.navigate(href.map(created.id), { force: true });
    },
  });
}

function explain(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.code === 'REVIEW_LOCKED') return new UserFacingError(`Peta rincian tidak dibuat: ${error.message}`);
  if (error.code === 'REVISION_CONFLICT') {
    return new UserFacingError('Peta rincian tidak dibuat: peta ini sudah disimpan orang lain sejak Anda membukanya. Muat ulang halaman, lalu coba lagi.');
  }
  return error;
}
