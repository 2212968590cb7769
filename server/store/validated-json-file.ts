// lowdb adapter for one JSON document: validated with zod on read, written durably, never overwritten when unreadable.
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreOpenError } from '../errors';
import { documentTooLarge, type DocumentLimit } from './document-limits';
import { writeFileDurably } from './durable-file';

export class ValidatedJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly schema: z.ZodType<T>,
    /** The document's size ceiling, checked before anything is written. */
    private readonly limit?: DocumentLimit,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreOpenError(`Berkas data ${this.file} tidak dapat dibaca: ${(error as Error).message}`, { cause: error });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new StoreOpenError(
        `Berkas data ${this.file} rusak (bukan JSON yang sah: ${(error as Error).message}). ` +
          'Server tidak dijalankan dan berkas tidak diubah; pulihkan dari cadangan.',
        { cause: error },
      );
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new StoreOpenError(
        `Berkas data ${this.file} tidak sesuai skema (${first?.path.join('.') || 'akar'}: ${first?.message}). ` +
          'Server tidak dijalankan dan berkas tidak diubah; pulihkan dari cadangan.',
        { cause: parsed.error },
      );
    }
    return parsed.data;
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    if (this.limit) {
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > this.limit.maxBytes) throw documentTooLarge(this.limit, bytes);
    }
    await writeFileDurably(this.file, text);
  }
}
