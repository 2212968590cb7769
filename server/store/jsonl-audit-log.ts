// Append-only audit log: one JSON line per event in a file per month (audit/2026-11.jsonl), fsynced per event.
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditEvent } from '../accounts/accounts.records';
import type { AuditLog } from './account-store';
import { syncDirectory } from './durable-file';
import { SerialQueue } from './serial-queue';

export const AUDIT_DIR = 'audit';

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
    const files = (await readdir(this.dir)).filter((f) => /^\d{4}-\d{2}\.jsonl$/.test(f)).sort().reverse();
    const events: AuditEvent[] = [];
    for (const file of files) {
      const lines = (await readFile(path.join(this.dir, file), 'utf8')).split('\n').reverse();
      for (const line of lines) {
        // A line cut short by a crash mid-append was never acknowledged: skip it.
        const parsed = line ? AuditEvent.safeParse(safeJson(line)) : undefined;
        if (parsed?.success) events.push(parsed.data);
        if (events.length >= limit) return events;
      }
    }
    return events;
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
