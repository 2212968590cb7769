// The settings an administrator confirms, one small document (settings.json) behind the store interface, so that a
// PostgreSQL store can keep it in a table: read once at open, replaced whole on each confirmed change.
import path from 'node:path';
import { SettingsDocument } from '../settings/settings.schema';
import { DOCUMENT_LIMITS } from './document-limits';
import { SerialQueue } from './serial-queue';
import { ValidatedJsonFile } from './validated-json-file';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  /** The document as last read or written ({} before the first change). */
  read(): SettingsDocument;
  /** Replaces the document, durably; changes are applied one after another. */
  update(change: (current: SettingsDocument) => SettingsDocument): Promise<SettingsDocument>;
}

export async function openJsonSettingsStore(dataDir: string): Promise<SettingsStore> {
  const file = new ValidatedJsonFile(path.join(dataDir, SETTINGS_FILE), SettingsDocument, DOCUMENT_LIMITS.settings);
  let document: SettingsDocument = (await file.read()) ?? {};
  const writes = new SerialQueue();
  return {
    read: () => document,
    update: (change) =>
      writes.run(async () => {
        const next = change(document);
        await file.write(next);
        document = next;
        return next;
      }),
  };
}
