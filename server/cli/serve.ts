// `petakerja serve`: runs the server until SIGINT or SIGTERM.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../server';
import { DEFAULT_PROFILE, Profile, PROFILES } from '../domain/vocabulary';
import { redactedUrl } from '../store/postgres/url';
import { databaseOption, UsageError } from './usage';

export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, database: { type: 'string' }, 'trust-proxy': { type: 'string' }, profile: { type: 'string' }, 'public-url': { type: 'string' } },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Port tidak sah: ${values.port}`);
  const dataDir = path.resolve(values.data ?? process.env.PETAKERJA_DATA ?? 'data');
  const databaseUrl = databaseOption(values);
  const trust = values['trust-proxy'] ?? process.env.PETAKERJA_TRUST_PROXY;
  const profileText = values.profile ?? process.env.PETAKERJA_PROFILE;
  const profile = Profile.safeParse(profileText ?? DEFAULT_PROFILE);
  if (!profile.success) throw new UsageError(`Profil tidak dikenal: ${profileText} (pilih salah satu: ${PROFILES.join(', ')})`);
  const publicUrl = values['public-url'] ?? process.env.PETAKERJA_PUBLIC_URL;
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new UsageError(`Alamat publik tidak sah: ${publicUrl} (contoh: https://sop.pemda.go.id)`);
  // The handlers are installed before the server starts and before the line that says it runs: a signal sent as soon
  // as that line is read (a service manager, a test) must find them, not Node's default that ends the process silently.
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  let stopping = false;
  const close = () =>
    running!.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Menerima ${signal}, menghentikan server…`);
    if (running) void close();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  const started = Date.now();
  running = await startServer({
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    port,
    host: values.host ?? '127.0.0.1',
    defaultProfile: profile.data,
    ...(publicUrl ? { publicUrl } : {}),
    trustProxy: trust === undefined ? false : /^\d+$/.test(trust) ? Number(trust) : trust,
  });
  if (stopping) return void close();
  console.log(`Petakerja berjalan di ${running.url} (data: ${databaseUrl ? redactedUrl(databaseUrl) : dataDir}; profil bawaan: ${profile.data}; siap dalam ${Date.now() - started} ms)`);
}
