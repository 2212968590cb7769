// Append-only audit log: one JSON line per event in a file per month (audit/2026-11.jsonl), fsynced per event.
import { mkdir, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { AuditEvent } from '../accounts/accounts.records';
import type { AuditLog, AuditPage, AuditQuery } from './account-store';
import { syncDirectory } from './durable-file';
import { SerialQueue } from './serial-queue';

export const AUDIT_DIR = 'audit';
/** Bytes read from the end of a monthly file at a time. */
const CHUNK_BYTES = 64 * 1024;
/** Bytes one query scans at most; a filter matching little answers a partial page with a cursor to go on (docs/api.md). */
export const AUDIT_SCAN_BYTES = 8 * 1024 * 1024;

export async function openJsonlAuditLog(dataDir: string): Promise<AuditLog> {
  const dir = path.join(dataDir, AUDIT_DIR);
  await mkdir(dir, { recursive: true });
  return new JsonlAuditLog(dir);
}

class JsonlAuditLog implements AuditLog {
  private readonly writes = new SerialQueue();

  async close(): Promise<void> {
    await this.writes.run(async () => undefined);
  }
  /** Files this process has appended to; a new file's directory entry is fsynced once. */
  private readonly synced = new Set<string>();

  constructor(private readonly dir: string) {}

  append(event: AuditEvent): Promise<void> {
    const line = `${JSON.stringify(AuditEvent.parse(event))}\n`;
    return this.writes.run(async () => {
      const file = path.join(this.dir, `${event.at.slice(0, 7)}.jsonl`);
      const handle = await open(file, 'a', 0o640);
      try {
        const size = (await handle.stat()).size;
        try {
          await handle.appendFile(line);
          await handle.sync();
        } catch (error) {
          // A line cut short (a full disk) would run into the next one: take it back.
          await handle.truncate(size).catch(() => undefined);
          throw error;
        }
      } finally {
        await handle.close();
      }
      if (!this.synced.has(file)) {
        await syncDirectory(this.dir);
        this.synced.add(file);
      }
    });
  }

  async recent(limit: number): Promise<AuditEvent[]> {
    return (await this.query({ limit })).items;
  }

  /**
   * Newest first from `before` (a cursor "YYYY-MM:offset" of an earlier page) or the end, reading the monthly files
   * backwards in chunks: a page costs what it shows (plus what the filter skips, at most AUDIT_SCAN_BYTES), never
   * the whole month.
   */
  async query(query: AuditQuery): Promise<AuditPage> {
    const cursor = query.before ? /^(\d{4}-\d{2}):(\d+)$/.exec(query.before) : undefined;
    const fromMonth = query.from?.slice(0, 7);
    const toMonth = query.to?.slice(0, 7);
    const months = (await readdir(this.dir))
      .filter((f) => /^\d{4}-\d{2}\.jsonl$/.test(f))
      .map((f) => f.slice(0, 7))
      .filter((m) => (!cursor || m <= cursor[1]!) && (!fromMonth || m >= fromMonth) && (!toMonth || m <= toMonth))
      .sort()
      .reverse();
    const items: AuditEvent[] = [];
    let budget = AUDIT_SCAN_BYTES;
    for (const month of months) {
      const start = cursor && month === cursor[1] ? Number(cursor[2]) : undefined;
      for await (const { line, offset } of linesBackwards(path.join(this.dir, `${month}.jsonl`), start)) {
        budget -= line.length + 1;
        // A line cut short by a crash mid-append was never acknowledged: skip it.
        const parsed = line ? AuditEvent.safeParse(safeJson(line)) : undefined;
        if (parsed?.success && matches(parsed.data, query)) items.push(parsed.data);
        if (items.length >= query.limit || budget <= 0) {
          return { items, ...(offset > 0 || months.at(-1) !== month ? { nextCursor: `${month}:${offset}` } : {}) };
        }
      }
    }
    return { items };
  }
}

function matches(event: AuditEvent, query: AuditQuery): boolean {
  if (query.from && event.at < query.from) return false;
  // `to` is a day: the whole of it counts.
  if (query.to && event.at.slice(0, 10) > query.to) return false;
  if (query.user && event.username?.toLowerCase() !== query.user.toLowerCase()) return false;
  if (query.event && event.event !== query.event) return false;
  return true;
}

/** The lines of a file from the end (or from byte `end`) back to the start, each with the offset it starts at. */
async function* linesBackwards(file: string, end?: number): AsyncGenerator<{ line: string; offset: number }> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    let position = Math.min(end ?? Number.MAX_SAFE_INTEGER, (await handle.stat()).size);
    // The bytes from `position` not yet given out; they end where a line ends.
    let buffer = Buffer.alloc(0);
    for (;;) {
      if (buffer.length === 0 && position === 0) return;
      // The newline ending the line before the last one in the buffer (the last byte is the last line's own newline).
      const before = buffer.length >= 2 ? buffer.lastIndexOf(0x0a, buffer.length - 2) : -1;
      if (before < 0 && position > 0) {
        const length = Math.min(CHUNK_BYTES, position);
        position -= length;
        const chunk = Buffer.alloc(length);
        await handle.read(chunk, 0, length, position);
        buffer = Buffer.concat([chunk, buffer]);
        continue;
      }
      const lineStart = before + 1;
      const line = buffer.subarray(lineStart, buffer.at(-1) === 0x0a ? buffer.length - 1 : buffer.length).toString('utf8');
      yield { line, offset: position + lineStart };
      buffer = buffer.subarray(0, lineStart);
    }
  } finally {
    await handle.close();
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
