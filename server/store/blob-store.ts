// Immutable, content-addressed storage of BPMN bodies: one file per sha256, verified on every read.
import { createHash } from 'node:crypto';
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from './durable-file';

export function sha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

export class BlobStore {
  constructor(private readonly root: string) {}

  /** Stores `content` once and returns its sha256; storing the same content again is free. */
  async put(content: string): Promise<string> {
    const hash = sha256(content);
    const file = this.pathOf(hash);
    if (await exists(file)) return hash;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileDurably(file, content);
    return hash;
  }

  async get(hash: string): Promise<string> {
    const content = await readFile(this.pathOf(hash), 'utf8');
    if (sha256(content) !== hash) {
      throw new Error(`Blob ${hash} is corrupt: its content no longer matches its hash`);
    }
    return content;
  }

  private pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a sha256: ${hash}`);
    return path.join(this.root, hash.slice(0, 2), `${hash}.bpmn`);
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
