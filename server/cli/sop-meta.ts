// `--meta FILE.json` of the lint and sop commands: the SOP identity, validated; a bad file is a usage error (exit 2).
import { readFile } from 'node:fs/promises';
import { SopIdentityDraft } from '../sop/identity.schema';
import { UsageError } from './usage';

/** The SOP identity of --meta: a JSON file holding a SopIdentityDraft. */
export async function readMeta(file: string): Promise<SopIdentityDraft> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Berkas identitas SOP tidak dapat dibaca: ${file}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Berkas identitas SOP bukan JSON yang sah: ${file} (${(error as Error).message})`);
  }
  const parsed = SopIdentityDraft.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(akar)'}: ${issue.message}`).join('; ');
    throw new UsageError(`Identitas SOP di ${file} tidak sah: ${issues}`);
  }
  return parsed.data;
}
