// `petakerja backup` and `petakerja restore`: the whole data directory as one .tar.gz.
import { parseArgs } from 'node:util';
import { backupDataDir, restoreDataDir } from '../store/backup';
import { dataDirOption, UsageError } from './usage';

export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.out) throw new UsageError('Tentukan berkas cadangan: --out BERKAS.tar.gz');
  const started = Date.now();
  const { files, bytes } = await backupDataDir(dataDirOption(values.data), values.out);
  console.log(`Cadangan ${values.out} dibuat: ${files} berkas, ${(bytes / 1024 / 1024).toFixed(1)} MB, dalam ${Date.now() - started} ms.`);
}

export async function restoreCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, in: { type: 'string' } }, strict: true });
  if (!values.in) throw new UsageError('Tentukan berkas cadangan: --in BERKAS.tar.gz');
  const { maps, revisions, users } = await restoreDataDir(values.in, dataDirOption(values.data));
  console.log(`Cadangan dipulihkan dan diperiksa: ${maps} peta, ${revisions} revisi utuh, ${users} akun.`);
}
