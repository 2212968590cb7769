// The petakerja command line: one entry, subcommands calling the same services as the API.
import { backupCommand, restoreCommand } from './cli/backup';
import { lintCommand } from './cli/lint';
import { serveCommand } from './cli/serve';
import { sopCommand } from './cli/sop';
import { USAGE, UsageError } from './cli/usage';
import { userCommand } from './cli/user';
import { AppError, StoreOpenError } from './errors';

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  lint: lintCommand,
  sop: sopCommand,
  user: userCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

async function main([command, ...rest]: string[]): Promise<void> {
  if (command === undefined || ['help', '--help', '-h'].includes(command)) {
    console.log(USAGE);
    return;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`Perintah tidak dikenal: ${command}`);
  await run(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof StoreOpenError || error instanceof AppError) {
    console.error(`Petakerja tidak dapat dijalankan: ${error.message}`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Petakerja tidak dapat dijalankan: port sudah dipakai proses lain (${(error as Error).message}).`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
