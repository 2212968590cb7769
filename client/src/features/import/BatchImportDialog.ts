// Importing a unit's SOP documents at once (issue 17): several files chosen or dropped, or a ZIP of them, each
// imported as a draft map in turn with a progress bar; each file's line says what became of it — the map created
// (with how many pieces the reader guessed, to check in the map), or why it was refused. Nothing is imported before
// "Impor semua"; a refused file does not stop the others.
import { ApiError } from '../../api/client';
import type { Meta, Profile } from '../../api/types';
import type { AppContext } from '../../context';
import { href } from '../../router';
import { field, openFormDialog } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { formatBytes } from '../../ui/format';
import { selectControl, unitControl } from '../../pages/shared/mapFields';
import './document-import.css';

/** What a batch takes: BPMN files and SOP documents; other entries of a ZIP are left out and said so. */
const IMPORTABLE = /\.(bpmn2?|xml|pdf|docx?|xlsx?)$/i;
/** A ZIP is unpacked in the browser up to these bounds. */
const ZIP_LIMITS = { entries: 300, bytes: 200 * 1024 * 1024 };

/** The importable entries of a ZIP as files (folders flattened); what is left out is named. */
async function unpack(zip: File): Promise<{ files: File[]; skipped: string[] }> {
  const skipped: string[] = [];
  let count = 0;
  let total = 0;
  // fflate builds its tables when evaluated: loaded with the first ZIP, not with the app (issue 16).
  const { unzipSync } = await import('fflate');
  const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()), {
    filter: (entry) => {
      const wanted = IMPORTABLE.test(entry.name) && !entry.name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(entry.name);
      if (!wanted) {
        if (!entry.name.endsWith('/')) skipped.push(`${zip.name}: ${entry.name}`);
        return false;
      }
      count += 1;
      total += entry.originalSize;
      if (count > ZIP_LIMITS.entries || total > ZIP_LIMITS.bytes) throw new Error(`ZIP “${zip.name}” terlalu besar: paling banyak ${ZIP_LIMITS.entries} berkas dan ${formatBytes(ZIP_LIMITS.bytes)} setelah dibuka.`);
      return true;
    },
  });
  return { files: Object.entries(entries).map(([name, bytes]) => new File([bytes], name.split('/').pop() ?? name)), skipped };
}

type Status = 'waiting' | 'working' | 'done' | 'refused';

export async function openBatchImportDialog(context: AppContext, meta: Meta, chosen: File[]): Promise<void> {
  const files: File[] = [];
  const skipped: string[] = [];
  for (const file of chosen) {
    if (/\.zip$/i.test(file.name)) {
      const unpacked = await unpack(file);
      files.push(...unpacked.files);
      skipped.push(...unpacked.skipped);
    } else if (IMPORTABLE.test(file.name)) files.push(file);
    else skipped.push(file.name);
  }
  const unit = unitControl(meta.units, '');
  unit.input.dataset.testid = 'batch-unit';
  const profile = selectControl(meta.profiles, meta.defaultProfile, { name: 'profile', 'data-testid': 'batch-profile' });
  const progress = h('progress', { max: files.length, value: 0, 'data-testid': 'batch-progress', 'aria-label': 'Kemajuan impor' }) as HTMLProgressElement;
  const count = h('span', { class: 'field-hint', 'aria-live': 'polite', 'data-testid': 'batch-count' }, `${files.length} berkas siap diimpor`);
  const lines = files.map((file) => {
    const status = h('span', { class: 'batch-status', 'data-testid': 'batch-status' }, 'Menunggu');
    const line = h('li', { class: 'batch-file', 'data-testid': 'batch-file', 'data-state': 'waiting' }, h('span', { class: 'batch-name' }, `${file.name} · ${formatBytes(file.size)}`), status);
    return { file, line, status };
  });
  const set = (index: number, state: Status, ...content: Array<Node | string>) => {
    const { line, status } = lines[index]!;
    line.dataset.state = state;
    replaceChildren(status, ...content);
  };

  openFormDialog({
    title: `Impor ${files.length} berkas`,
    submitLabel: 'Impor semua',
    busyLabel: 'Mengimpor…',
    submitTestId: 'batch-submit',
    errorTestId: 'batch-error',
    className: 'dialog-import',
    fields: [
      h('p', { class: 'field-hint' }, 'Setiap berkas menjadi peta draf tersendiri, dinamai menurut Nama SOP atau nama dalam berkasnya. Periksa dan betulkan setiap peta setelah diimpor.'),
      field('Unit kerja (opsional)', unit.input, 'Unit kerja pemilik peta-peta ini.'),
      unit.datalist,
      field('Profil regulasi', profile),
      h('div', { class: 'batch-progress' }, progress, count),
      h('ul', { class: 'batch-list', 'data-testid': 'batch-list' }, lines.map((l) => l.line)),
      skipped.length > 0 ? h('p', { class: 'field-hint', 'data-testid': 'batch-skipped' }, `Dilewati (bukan BPMN, PDF, Word atau Excel): ${skipped.join(', ')}.`) : null,
    ],
    onSubmit: async () => {
      let created = 0;
      for (const [index, { file }] of lines.entries()) {
        set(index, 'working', 'Mengimpor…');
        try {
          const { map, document } = await context.api.importMap(file, {
            ...(unit.input.value.trim() ? { unit: unit.input.value.trim() } : {}),
            profile: profile.value as Profile,
            fileName: file.name,
          });
          created += 1;
          const guesses = document?.guesses.length ?? 0;
          set(index, 'done', h('a', { href: href.map(map.id) }, `Dibuat: ${map.name}`), guesses > 0 ? ` · ${guesses} bagian ditebak, periksa di petanya` : '');
        } catch (error) {
          const code = error instanceof ApiError && error.code ? ` (${error.code})` : '';
          set(index, 'refused', `Ditolak: ${(error as Error).message}${code}`);
        }
        progress.value = index + 1;
        count.textContent = `${index + 1} dari ${lines.length} berkas diproses`;
      }
      count.textContent = `Selesai: ${created} dari ${lines.length} berkas menjadi peta${created < lines.length ? `, ${lines.length - created} ditolak` : ''}.`;
      return { then: 'Tutup' };
    },
  });
}
