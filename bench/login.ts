// Sign-in timings: successful, failed (known and unknown username: they must cost the same) and throttled.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../server/server';
import { percentiles, type Percentiles } from './store-scale';

export interface LoginResults {
  success: Percentiles;
  wrongPassword: Percentiles;
  unknownUser: Percentiles;
  throttled: Percentiles;
}

const PASSWORD = 'bench-kata-sandi-1';

export async function runLoginBench(rounds = 20): Promise<LoginResults> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'petakerja-bench-login-'));
  const running = await startServer({ dataDir, port: 0, host: '127.0.0.1', log: () => undefined });
  try {
    const signIn = async (username: string, password: string, expected: number): Promise<number> => {
      const t0 = performance.now();
      const response = await fetch(`${running.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      await response.arrayBuffer();
      const elapsed = performance.now() - t0;
      if (response.status !== expected) throw new Error(`sign-in of ${username} answered ${response.status}, expected ${expected}`);
      return elapsed;
    };
    await fetch(`${running.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: PASSWORD, name: 'Bench' }),
    });
    const success = await times(rounds, () => signIn('bench', PASSWORD, 200));
    // Four failures per account stay under the limit of five; each uses a fresh account name.
    const wrongPassword = await times(4, () => signIn('bench', 'salah-salah-123', 401));
    const unknownUser = await times(4, (i) => signIn(`tidak-ada-${i}`, 'salah-salah-123', 401));
    await signIn('bench', 'salah-salah-123', 401);
    const throttled = await times(rounds, () => signIn('bench', PASSWORD, 429));
    return { success: percentiles(success), wrongPassword: percentiles(wrongPassword), unknownUser: percentiles(unknownUser), throttled: percentiles(throttled) };
  } finally {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Runs `run` n times one after another (sign-ins must not overlap: they share the throttle). */
async function times(n: number, run: (i: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await run(i));
  return samples;
}

export function formatLogin(r: LoginResults): string {
  const row = (label: string, p: Percentiles) => `| ${label} | ${p.p50.toFixed(0)} ms | ${p.p95.toFixed(0)} ms | ${p.n} |`;
  return [
    '| sign-in | p50 | p95 | n |',
    '|---|---|---|---|',
    row('successful (scrypt N=2^15)', r.success),
    row('wrong password, known user', r.wrongPassword),
    row('unknown user (dummy hash)', r.unknownUser),
    row('throttled (429, after 5 failures)', r.throttled),
  ].join('\n');
}
