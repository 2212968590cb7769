// A Word or Excel file drawn as PDF by LibreOffice headless (Debian's package, installed by scripts/setup.sh like
// Chromium): the SOP readers then read every format as the geometry of a vector PDF. Each conversion runs in a
// directory of its own with a time limit. LibreOffice profiles are kept for the process's life and used one
// conversion at a time (a first start fills a new profile, ~1 s on 2 cores); one a conversion had to kill is dropped.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../errors';
import type { OfficeKind } from './office-package';

/** The LibreOffice program; PETAKERJA_SOFFICE overrides it. */
export const SOFFICE = process.env.PETAKERJA_SOFFICE ?? 'soffice';
/** A conversion that takes longer is stopped (a first start with a fresh profile takes 2–3 s on 2 cores). */
export const CONVERSION_TIMEOUT_MS = 45_000;

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SOFFICE, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group: soffice starts soffice.bin beneath it.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

/** Profiles: at most two conversions run at once in a process; each takes a profile nobody else is using. */
const PROFILES = 2;
const free: string[] = [];
const waiting: Array<(profile: string) => void> = [];
let made = 0;

async function takeProfile(): Promise<string> {
  const ready = free.pop();
  if (ready) return ready;
  if (made < PROFILES) {
    made += 1;
    return mkdtemp(path.join(os.tmpdir(), 'petakerja-libreoffice-'));
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function giveBack(profile: string, broken: boolean): void {
  const next = (dir: string) => {
    const wake = waiting.shift();
    if (wake) wake(dir);
    else free.push(dir);
  };
  if (!broken) return next(profile);
  // A killed LibreOffice may leave its profile locked or half written: start the next one afresh.
  void rm(profile, { recursive: true, force: true });
  void mkdtemp(path.join(os.tmpdir(), 'petakerja-libreoffice-')).then(next);
}

/** The file as PDF; LIBREOFFICE_MISSING, DOCUMENT_CONVERSION_TIMEOUT or DOCUMENT_UNREADABLE when it cannot be. */
export async function officeToPdf(bytes: Uint8Array, kind: OfficeKind): Promise<Uint8Array> {
  const profile = await takeProfile();
  let broken = false;
  try {
    const pdf = await convert(bytes, kind, profile);
    return pdf;
  } catch (error) {
    broken = error instanceof AppError && error.code === 'DOCUMENT_CONVERSION_TIMEOUT';
    throw error;
  } finally {
    giveBack(profile, broken);
  }
}

async function convert(bytes: Uint8Array, kind: OfficeKind, profile: string): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-office-'));
  try {
    const input = path.join(dir, `dokumen.${kind}`);
    await writeFile(input, bytes);
    const args = [
      '--headless',
      '--norestore',
      '--nologo',
      '--nodefault',
      '--nofirststartwizard',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--convert-to',
      'pdf',
      '--outdir',
      path.join(dir, 'pdf'),
      input,
    ];
    const result = await run(args, CONVERSION_TIMEOUT_MS).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        throw new AppError(503, 'LIBREOFFICE_MISSING', 'LibreOffice belum terpasang di server, sehingga dokumen Word dan Excel belum dapat dibaca. Jalankan scripts/setup.sh, atau impor dokumennya sebagai PDF.');
      }
      throw error;
    });
    if (result.timedOut) {
      throw new AppError(422, 'DOCUMENT_CONVERSION_TIMEOUT', `Dokumen ini tidak selesai dibuka dalam ${CONVERSION_TIMEOUT_MS / 1000} detik. Simpan sebagai PDF lalu impor PDF-nya.`);
    }
    const pdf = await readFile(path.join(dir, 'pdf', 'dokumen.pdf')).catch(() => undefined);
    if (!pdf || pdf.byteLength === 0) {
      throw new AppError(422, 'DOCUMENT_UNREADABLE', 'Dokumen ini tidak dapat dibuka: mungkin rusak, terpotong, atau dilindungi kata sandi.', {
        reason: result.stderr.trim().split('\n').at(-1) ?? `kode keluar ${result.code}`,
      });
    }
    return new Uint8Array(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
