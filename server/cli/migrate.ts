// `petakerja migrate --from <dir|postgres://…> --to <dir|postgres://…> [--pemda ID]`: everything one store holds into
// another, empty one, through the store interfaces (server/store/copy-store.ts); progress on stderr. With --pemda, the
// database side is that pemda's store: a pemda leaves a province's database for a data directory, or a kabupaten's
// data directory joins one (its pemda made first, empty, with "pemda add" without --admin).
import { parseArgs } from 'node:util';
import { copyStore } from '../store/copy-store';
import { describeLocation, openSourceStore, openTargetStore } from '../store/open-store-at';
import { pemdaOption } from './pemda-option';
import { UsageError } from './usage';

export async function migrateCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, pemda: { type: 'string' } }, strict: true });
  if (!values.from || !values.to) throw new UsageError('Gunakan: migrate --from DIR|postgres://… --to DIR|postgres://… [--pemda ID]');
  const pemda = pemdaOption(values.pemda);
  if (values.from === values.to) throw new UsageError('Sumber dan tujuan pemindahan sama.');
  const started = Date.now();
  const source = await openSourceStore(values.from, pemda);
  try {
    const target = await openTargetStore(values.to, pemda);
    let summary;
    try {
      summary = await copyStore(source, target.store, (line) => console.error(line), { onePemda: pemda !== undefined });
      await target.store.close();
    } catch (error) {
      await target.store.close().catch(() => undefined);
      console.error(`Pemindahan gagal. ${await target.discard()}`);
      throw error;
    }
    console.log(
      `Dipindahkan dari ${describeLocation(values.from)} ke ${describeLocation(values.to)}: ${summary.maps} peta, ${summary.revisions} revisi, ` +
        `${summary.sops} SOP, ${summary.reviews} catatan reviu, ${summary.files} berkas reviu, ${summary.users} akun, ` +
        `${summary.auditEvents} peristiwa audit, dalam ${Date.now() - started} ms. Sesi masuk tidak dipindahkan: pengguna masuk kembali.`,
    );
  } finally {
    await source.close();
  }
}
