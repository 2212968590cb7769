// Batch SOP export on the embedded store (in-process jobs) against PostgreSQL (shared jobs: the row, NOTIFY, the file
// stored as bytea and served from the row), in the same run: `npx tsx bench/export-jobs-postgres.ts [--sops 20]`.
// Read the ratios and the Node CPU, not the wall times alone: the machine is shared.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startTestPostgres } from '../test/helpers/postgres-server';
import { runSopBatchBench, type SopBatchRow } from './sop-batch';

const { values } = parseArgs({ options: { sops: { type: 'string', default: '20' } } });
const sops = Number(values.sops);
const postgres = await startTestPostgres({ durable: true });
try {
  const databaseUrl = await postgres.createDatabase('bench_export_jobs');
  const embedded = await runSopBatchBench({ sops });
  const shared = await runSopBatchBench({ sops, databaseUrl });
  const line = (store: string, row: SopBatchRow) =>
    `| ${store} | ${row.format} | ${row.sops} | ${row.totalS.toFixed(1)} s | ${row.perSopMs.toFixed(0)} ms | ${row.nodeCpuS.toFixed(2)} s | ${(row.bytes / 1024 ** 2).toFixed(1)} MB | ${row.peakNodeMb.toFixed(0)} MB |`;
  console.log('| store | format | SOPs | total | per SOP | Node CPU | file | peak Node RSS |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (let i = 0; i < embedded.length; i++) {
    console.log(line('embedded (in-process jobs)', embedded[i]!));
    console.log(line('PostgreSQL (shared jobs)', shared[i]!));
    console.log(`ratio ${embedded[i]!.format}: total ${(shared[i]!.totalS / embedded[i]!.totalS).toFixed(2)}, Node CPU ${(shared[i]!.nodeCpuS / embedded[i]!.nodeCpuS).toFixed(2)}`);
  }
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(' / ')}`);
} finally {
  await postgres.stop();
}
