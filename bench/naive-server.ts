// Benchmark-only server: the real express app on the naive inline-XML store (`node --import tsx bench/naive-server.ts --port 0 --data DIR`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AccountsService } from '../server/accounts/accounts.service';
import { createApp } from '../server/app';
import { MapsService } from '../server/maps/maps.service';
import { TemplateLibrary } from '../server/maps/templates';
import { CLIENT_DIR } from '../server/server';
import { openJsonlAuditLog } from '../server/store/jsonl-audit-log';
import { openLowdbAccountStore } from '../server/store/lowdb-account-store';
import { openNaiveInlineStore } from './naive-inline-store';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' } }, strict: true });
  const port = Number(values.port ?? 0);
  const dataDir = path.resolve(values.data ?? 'data-naive');
  const started = Date.now();
  const store = await openNaiveInlineStore(dataDir);
  const maps = new MapsService(store, await TemplateLibrary.load());
  // Accounts as in the embedded store, so that requests are signed in exactly as against ours.
  const accounts = new AccountsService(await openLowdbAccountStore(dataDir), await openJsonlAuditLog(dataDir));
  const server = createServer(createApp({ maps, accounts, clientDir: CLIENT_DIR }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  console.log(`Petakerja (naive) berjalan di http://127.0.0.1:${actual} (data: ${dataDir}; siap dalam ${Date.now() - started} ms)`);
  process.once('SIGTERM', () => {
    server.close(() => void store.close().then(() => process.exit(0)));
    server.closeIdleConnections();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
