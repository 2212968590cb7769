// The intent journal of a change spanning several map documents (a move or recode of a subtree): written durably
// with every target record before the first document changes, deleted once all are written, replayed on open.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { StoreOpenError } from '../errors';
import { syncDirectory, writeFileDurably } from './durable-file';
import { ProcessMap } from './records';

export const MOVE_JOURNAL_FILE = '.move-journal.json';

export const MoveJournal = z.object({
  format: z.literal('petakerja-move-journal'),
  version: z.literal(1),
  /** The complete next record of every map that changes (code, level, parentId and the rest). */
  records: z.array(ProcessMap).min(1),
});
export type MoveJournal = z.infer<typeof MoveJournal>;

export const moveJournal = (records: ProcessMap[]): MoveJournal => ({ format: 'petakerja-move-journal', version: 1, records });

export async function writeMoveJournal(mapDir: string, journal: MoveJournal): Promise<void> {
  await writeFileDurably(path.join(mapDir, MOVE_JOURNAL_FILE), JSON.stringify(journal));
}

export async function deleteMoveJournal(mapDir: string): Promise<void> {
  await rm(path.join(mapDir, MOVE_JOURNAL_FILE), { force: true });
  await syncDirectory(mapDir);
}

/** The journal left by a change that did not finish, or null; one that is not readable stops the server. */
export async function readMoveJournal(mapDir: string): Promise<MoveJournal | null> {
  const file = path.join(mapDir, MOVE_JOURNAL_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreOpenError(`Jurnal pemindahan ${file} tidak dapat dibaca: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoreOpenError(`Jurnal pemindahan ${file} rusak (bukan JSON yang sah). Server tidak dijalankan dan berkas tidak diubah.`, { cause: error });
  }
  const parsed = MoveJournal.safeParse(json);
  if (!parsed.success) {
    throw new StoreOpenError(`Jurnal pemindahan ${file} tidak sesuai skema. Server tidak dijalankan dan berkas tidak diubah.`, { cause: parsed.error });
  }
  return parsed.data;
}
