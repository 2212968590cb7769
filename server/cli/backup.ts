// `petakerja backup` and `petakerja restore`: the whole store as one .tar.gz — the data directory, or a PostgreSQL
// database (--database) in the same archive format, so that a backup of one restores into the other.
import { parseArgs } from 'node:util';
import { backupDataDir, DAMAGED_DIR, restoreDataDir } from '../store/backup';
import { describeDamagedMaps } from '../store/backup-verify';
import { pemdaOption } from './pemda-option';
import { databaseOption, dataDirOption, UsageError } from './usage';

const progress = (line: string) => console.error(line);

export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, database: { type: 'string' }, pemda: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.out) throw new UsageError('Tentukan berkas cadangan: --out BERKAS.tar.gz');
  const started = Date.now();
  const url = databaseOption(values);
  const { files, bytes } = url
    ? await (await import('../store/database-backup')).backupDatabase(url, values.out, progress, pemdaOption(values.pemda))
    : await backupDataDir(dataDirOption(values.data), values.out);
  console.log(`Cadangan ${values.out} dibuat: ${files} berkas, ${(bytes / 1024 / 1024).toFixed(1)} MB, dalam ${Date.now() - started} ms.`);
}

export async function restoreCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, database: { type: 'string' }, pemda: { type: 'string' }, in: { type: 'string' }, 'lewati-rusak': { type: 'boolean' } },
    strict: true,
  });
  if (!values.in) throw new UsageError('Tentukan berkas cadangan: --in BERKAS.tar.gz');
  const pemda = pemdaOption(values.pemda);
  const options = { skipDamaged: values['lewati-rusak'] === true, ...(pemda ? { pemda } : {}) };
  const url = databaseOption(values);
  const { maps, revisions, users, skipped } = url
    ? await (await import('../store/database-backup')).restoreDatabase(values.in, url, options, progress)
    : await restoreDataDir(values.in, dataDirOption(values.data), options);
  console.log(`Cadangan dipulihkan dan diperiksa: ${maps} peta, ${revisions} revisi utuh, ${users} akun.`);
  if (skipped.length > 0) {
    // A partial restore is a fault the operator must see: reported on stderr and by exit code 3.
    console.error(
      `Peringatan: ${skipped.length} peta rusak tidak dipulihkan` +
        (url ? '; dokumennya tidak disimpan ke basis data — pulihkan juga ke direktori data untuk memeriksanya:\n' : `; dokumennya disimpan di ${DAMAGED_DIR}/ dalam direktori data:\n`) +
        describeDamagedMaps(skipped),
    );
    process.exitCode = 3;
  }
}
