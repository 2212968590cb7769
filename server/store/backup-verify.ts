// Checks of a data directory's maps as a backup copies them or a restore unpacks them: every map document readable,
// every revision's BPMN body (and an imported map's original file) present and matching the sha256 its record names, every file a review record names
// (signed PDFs, scans) present and matching its sha256.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BLOB_DIR, MAP_DIR } from './lowdb-map-store';
import { REVIEW_DIR, REVIEW_FILES_DIR } from './lowdb-review-store';

export interface DamagedMap {
  id: string;
  /** Code and name from the map's document, when it is readable. */
  code?: string;
  name?: string;
  /** What is wrong, in Indonesian, one entry per damaged part. */
  problems: string[];
}

const MAP_FILE = /^([0-9a-f-]{36})\.json$/;

/** Every map of `root` whose document, bodies or review files are missing or do not match their records. */
export async function findDamagedMaps(root: string): Promise<DamagedMap[]> {
  const names = await readdir(path.join(root, MAP_DIR)).catch(() => [] as string[]);
  const damaged: DamagedMap[] = [];
  for (const name of names.sort()) {
    const id = MAP_FILE.exec(name)?.[1];
    if (!id) continue;
    const found: DamagedMap = { id, problems: [] };
    const document = await readJson(path.join(root, MAP_DIR, name));
    if (!document.ok) {
      found.problems.push(`berkas ${MAP_DIR}/${name} tidak terbaca (${document.error})`);
    } else {
      const doc = document.value as {
        map?: { code?: unknown; name?: unknown };
        revisions?: Array<{ n?: unknown; sha256?: unknown; original?: { sha256?: unknown } }>;
      };
      if (typeof doc.map?.code === 'string') found.code = doc.map.code;
      if (typeof doc.map?.name === 'string') found.name = doc.map.name;
      for (const revision of Array.isArray(doc.revisions) ? doc.revisions : []) {
        const problem = await checkBlob(root, BLOB_DIR, '.bpmn', revision.sha256);
        if (problem) found.problems.push(`isi BPMN revisi ${String(revision.n)} ${problem}`);
        if (revision.original) {
          const lost = await checkBlob(root, BLOB_DIR, '.bpmn', revision.original.sha256);
          if (lost) found.problems.push(`berkas asli impor revisi ${String(revision.n)} ${lost}`);
        }
      }
    }
    const review = await readJson(path.join(root, REVIEW_DIR, `${id}.json`));
    if (review.ok) {
      for (const hash of new Set(sha256Fields(review.value))) {
        const problem = await checkBlob(root, REVIEW_FILES_DIR, '.bin', hash);
        if (problem) found.problems.push(`berkas reviu ${hash.slice(0, 12)}… ${problem}`);
      }
    } else if (review.error !== 'ENOENT') {
      found.problems.push(`berkas ${REVIEW_DIR}/${id}.json tidak terbaca (${review.error})`);
    }
    if (found.problems.length > 0) damaged.push(found);
  }
  return damaged;
}

/** One line per damaged map, naming it the way users know it. */
export function describeDamagedMaps(damaged: DamagedMap[]): string {
  return damaged
    .map((d) => `peta ${d.code ? `${d.code} ` : ''}${d.name ? `«${d.name}» ` : ''}(id ${d.id}): ${d.problems.join('; ')}`)
    .join('\n');
}

async function checkBlob(root: string, dir: string, extension: string, hash: unknown): Promise<string | undefined> {
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return `tidak bernama sha256 yang sah (${String(hash)})`;
  const file = path.join(dir, hash.slice(0, 2), `${hash}${extension}`);
  let content: Buffer;
  try {
    content = await readFile(path.join(root, file));
  } catch {
    return `hilang (${file})`;
  }
  return createHash('sha256').update(content).digest('hex') === hash ? undefined : `rusak: isinya tidak cocok dengan sha256 catatannya (${file})`;
}

/** Every string under a key `sha256` anywhere in a review document: the files it names. */
export function sha256Fields(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(sha256Fields);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'sha256' && typeof v === 'string' ? [v] : sha256Fields(v)));
}

async function readJson(file: string): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `bukan JSON yang sah: ${(error as Error).message}` };
  }
}
