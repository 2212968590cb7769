// The petakerja command line: one entry, subcommands calling the same services as the API.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { StoreOpenError } from './errors';
import { startServer } from './server';

const USAGE = `Penggunaan: npm run petakerja -- <perintah> [opsi]

Perintah:
  serve   Menjalankan server Petakerja
          --port N      port HTTP (bawaan: 3000, atau PORT)
          --host H      alamat yang didengar (bawaan: 127.0.0.1; 0.0.0.0 untuk jaringan kantor)
          --data DIR    direktori data (bawaan: PETAKERJA_DATA, atau ./data)
  help    Menampilkan bantuan ini`;

class UsageError extends Error {}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Port tidak sah: ${values.port}`);
  const dataDir = path.resolve(values.data ?? process.env.PETAKERJA_DATA ?? 'data');
  const started = Date.now();
  const running = await startServer({ dataDir, port, host: values.host ?? '127.0.0.1' });
  console.log(`Petakerja berjalan di ${running.url} (data: ${dataDir}; siap dalam ${Date.now() - started} ms)`);
  const stop = (signal: string) => {
    console.log(`Menerima ${signal}, menghentikan server…`);
    running.close().then(() => process.exit(0), (error) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`Perintah tidak dikenal: ${command}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof StoreOpenError) {
    console.error(`Petakerja tidak dapat dijalankan: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Petakerja tidak dapat dijalankan: port sudah dipakai proses lain (${(error as Error).message}).`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
