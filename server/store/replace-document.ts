// The one way a lowdb document changes: the next version becomes current only once it is durably written.
import type { Low } from 'lowdb';

/** Writes `next` as `db`'s document; if the write fails, memory and disk are left as they were. */
export async function replaceDocument<T>(db: Low<T>, next: T): Promise<void> {
  const previous = db.data;
  db.data = next;
  try {
    await db.write();
  } catch (error) {
    db.data = previous;
    throw error;
  }
}
