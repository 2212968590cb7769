// Once per test run: the CLI tests spawn what ships, the compiled dist/server/cli.js, so it is rebuilt first when
// any of its sources changed (scripts/build-server.mjs --if-needed).
import { execFileSync } from 'node:child_process';
import { ROOT } from './helpers/fixtures';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-server.mjs', '--if-needed'], { cwd: ROOT, stdio: 'inherit' });
}
