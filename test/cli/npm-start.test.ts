// Issue 15, item 8: `npm start` stopped with a signal (a service manager's SIGTERM, or SIGINT) stops the server too.
// npm signals its child only; a start script whose shell or tsx launcher stays between npm and the server left the
// server running, orphaned, with the port still open. Runs the real `npm start` on a temp data dir and a free port.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

/** Every live descendant of `pid` (Linux /proc). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after its last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while listed.
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) if (ppid === parent) (found.push(child), walk(child));
  };
  walk(pid);
  return found;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Resolves whether a TCP connection to the port is accepted. */
const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('npm start', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops the server and every process under it on ${signal}`, async () => {
      const npm = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, PORT: '0', PETAKERJA_DATA: await tempDir() }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      // 'close', not 'exit': the server's last lines are read only once npm's output streams have ended.
      const exited = new Promise<number | null>((resolve) => npm.once('close', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /berjalan di (http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]!);
        };
        npm.stdout.on('data', read);
        npm.stderr.on('data', read);
        npm.once('exit', () => reject(new Error(`npm start ended before serving:\n${output}`)));
      });
      const port = Number(new URL(url).port);
      const tree = descendants(npm.pid!);
      try {
        expect(await accepts(port)).toBe(true);
        npm.kill(signal);
        await exited;
        expect(output).toContain(`Menerima ${signal}, menghentikan server…`);
        expect(tree.filter(alive), `still running after npm ended:\n${output}`).toEqual([]);
        expect(await accepts(port)).toBe(false);
      } finally {
        for (const pid of tree.filter(alive)) process.kill(pid, 'SIGKILL');
      }
    });
  }
});
