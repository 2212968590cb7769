// Immutable, content-addressed storage of files (BPMN bodies, signed PDFs, scans): one file per sha256, verified on
// every read.
import { createHash } from 'node:crypto';
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from './durable-file';

export function sha256(content: string | Uint8Array): string {
  return typeof content === 'string' ? createHash('sha256').update(content, 'utf8').digest('hex') : createHash('sha256').update(content).digest('hex');
}

export class BlobStore {
  /** `extension` names the files on disk (`.bpmn` for map bodies, `.bin` for anything else). */
  constructor(
    private readonly root: string,
    private readonly extension = '.bpmn',
  ) {}

  /** Stores `content` once and returns its sha256; storing the same content again is free. */
  async put(content: string | Uint8Array): Promise<string> {
    const hash = sha256(content);
    const file = this.pathOf(hash);
    if (await exists(file)) return hash;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileDurably(file, content);
    return hash;
  }

  async get(hash: string): Promise<string> {
    return Buffer.from(await this.getBytes(hash)).toString('utf8');
  }

  async getBytes(hash: string): Promise<Uint8Array> {
    const content = new Uint8Array(await readFile(this.pathOf(hash)));
    if (sha256(content) !== hash) {
      throw new Error(`Blob ${hash} is corrupt: its content no longer matches its hash`);
    }
    return content;
  }

  async has(hash: string): Promise<boolean> {
    return exists(this.pathOf(hash));
  }

  private pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a sha256: ${hash}`);
    return path.join(this.root, hash.slice(0, 2), `${hash}${this.extension}`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
