// `petakerja backup` and `petakerja restore`: the whole data directory as one .tar.gz.
import { parseArgs } from 'node:util';
import { backupDataDir, DAMAGED_DIR, restoreDataDir } from '../store/backup';
import { describeDamagedMaps } from '../store/backup-verify';
import { dataDirOption, UsageError } from './usage';

export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.out) throw new UsageError('Tentukan berkas cadangan: --out BERKAS.tar.gz');
  const started = Date.now();
  const { files, bytes } = await backupDataDir(dataDirOption(values.data), values.out);
  console.log(`Cadangan ${values.out} dibuat: ${files} berkas, ${(bytes / 1024 / 1024).toFixed(1)} MB, dalam ${Date.now() - started} ms.`);
}

export async function restoreCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, in: { type: 'string' }, 'lewati-rusak': { type: 'boolean' } },
    strict: true,
  });
  if (!values.in) throw new UsageError('Tentukan berkas cadangan: --in BERKAS.tar.gz');
  const { maps, revisions, users, skipped } = await restoreDataDir(values.in, dataDirOption(values.data), { skipDamaged: values['lewati-rusak'] === true });
  console.log(`Cadangan dipulihkan dan diperiksa: ${maps} peta, ${revisions} revisi utuh, ${users} akun.`);
  if (skipped.length > 0) {
    // A partial restore is a fault the operator must see: reported on stderr and by exit code 3.
    console.error(
      `Peringatan: ${skipped.length} peta rusak tidak dipulihkan; dokumennya disimpan di ${DAMAGED_DIR}/ dalam direktori data:\n` +
        describeDamagedMaps(skipped),
    );
    process.exitCode = 3;
  }
}
