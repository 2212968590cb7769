// Writes a ZIP archive to a file as entries arrive (fflate, pure JS). PDFs are compressed already, so entries are
// stored, not deflated: no CPU spent for nothing, and memory holds one entry at a time.
import { createWriteStream, type WriteStream } from 'node:fs';
import { Zip, ZipPassThrough } from 'fflate';

export class ZipFile {
  private readonly out: WriteStream;
  private readonly zip: Zip;
  private readonly finished: Promise<void>;
  private failure: Error | undefined;

  constructor(path: string) {
    this.out = createWriteStream(path, { flags: 'wx' });
    this.finished = new Promise((resolve, reject) => {
      this.out.once('error', reject);
      this.out.once('finish', resolve);
    });
    this.finished.catch(() => undefined);
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure = error;
        this.out.destroy(error);
        return;
      }
      this.out.write(chunk);
      if (final) this.out.end();
    });
  }

  add(name: string, bytes: Uint8Array, modified = new Date()): void {
    if (this.failure) throw this.failure;
    const entry = new ZipPassThrough(name);
    entry.mtime = modified;
    this.zip.add(entry);
    entry.push(bytes, true);
  }

  /** Ends the archive and resolves once it is on disk. */
  async close(): Promise<void> {
    this.zip.end();
    await this.finished;
    if (this.failure) throw this.failure;
  }

  /** Abandons the archive (the caller removes the file). */
  abort(): void {
    this.zip.terminate();
    this.out.destroy();
  }
}
