// `petakerja serve`: runs the server until SIGINT or SIGTERM.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../server';
import { DEFAULT_PROFILE, Profile, PROFILES } from '../domain/vocabulary';
import { UsageError } from './usage';

export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, 'trust-proxy': { type: 'string' }, profile: { type: 'string' }, 'public-url': { type: 'string' } },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Port tidak sah: ${values.port}`);
  const dataDir = path.resolve(values.data ?? process.env.PETAKERJA_DATA ?? 'data');
  const trust = values['trust-proxy'] ?? process.env.PETAKERJA_TRUST_PROXY;
  const profileText = values.profile ?? process.env.PETAKERJA_PROFILE;
  const profile = Profile.safeParse(profileText ?? DEFAULT_PROFILE);
  if (!profile.success) throw new UsageError(`Profil tidak dikenal: ${profileText} (pilih salah satu: ${PROFILES.join(', ')})`);
  const publicUrl = values['public-url'] ?? process.env.PETAKERJA_PUBLIC_URL;
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new UsageError(`Alamat publik tidak sah: ${publicUrl} (contoh: https://sop.pemda.go.id)`);
  const started = Date.now();
  const running = await startServer({
    dataDir,
    port,
    host: values.host ?? '127.0.0.1',
    defaultProfile: profile.data,
    ...(publicUrl ? { publicUrl } : {}),
    trustProxy: trust === undefined ? false : /^\d+$/.test(trust) ? Number(trust) : trust,
  });
  console.log(`Petakerja berjalan di ${running.url} (data: ${dataDir}; profil bawaan: ${profile.data}; siap dalam ${Date.now() - started} ms)`);
  const stop = (signal: string) => {
    console.log(`Menerima ${signal}, menghentikan server…`);
    running.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
