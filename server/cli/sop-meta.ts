// `--meta FILE.json` of the lint and sop commands: the SOP identity, validated; a bad file is a usage error (exit 2).
import { SopIdentityDraft } from '../sop/identity.schema';
import { readJsonFile } from './json-file';

/** The SOP identity of --meta: a JSON file holding a SopIdentityDraft. */
export function readMeta(file: string): Promise<SopIdentityDraft> {
  return readJsonFile(file, 'identitas SOP', SopIdentityDraft);
}
