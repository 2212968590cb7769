// Runs the petakerja CLI as a separate process, the way a user or a service manager does: the compiled
// dist/server/cli.js that ships (test/global-setup.ts rebuilds it when stale).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './fixtures';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Children still running: they end with the test worker (a test that times out leaves none behind). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export const CLI_ENTRY = path.join(ROOT, 'dist/server/cli.js');

export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}, nodeOptions: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeOptions, CLI_ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * Runs the CLI to completion, collecting its output. No clock of its own: on a loaded machine a start-up takes what
 * it takes, and a CLI that hangs is ended by the test's own time-out (vitest.config.ts) and the worker's exit.
 */
export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; nodeOptions?: string[] } = {}): Promise<CliRun> {
  const child = spawnCli(args, options.env, options.nodeOptions);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdin!.end(options.input ?? '');
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Starts `serve` and resolves with the URL it prints once it listens. */
export function serveCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawnCli(['serve', '--port', '0', ...args], env);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /berjalan di (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}
