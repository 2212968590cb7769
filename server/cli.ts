#!/usr/bin/env node
// The petakerja command line: one entry, subcommands calling the same services as the API.
// Each subcommand is loaded when it runs, with its dependencies: `lint` never loads express, puppeteer-core, pdf-lib or
// qrcode, and `help` loads nothing but the usage text (the compiled CLI keeps each import() in a chunk of its own).
import { USAGE, UsageError } from './cli/usage';
import { AppError, StoreOpenError } from './errors';

type Command = (args: string[]) => Promise<void>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./cli/serve')).serveCommand,
  lint: async () => (await import('./cli/lint')).lintCommand,
  sop: async () => (await import('./cli/sop')).sopCommand,
  user: async () => (await import('./cli/user')).userCommand,
  backup: async () => (await import('./cli/backup')).backupCommand,
  restore: async () => (await import('./cli/backup')).restoreCommand,
  migrate: async () => (await import('./cli/migrate')).migrateCommand,
  pemda: async () => (await import('./cli/pemda')).pemdaCommand,
};

async function main([command, ...rest]: string[]): Promise<void> {
  if (command === undefined || ['help', '--help', '-h'].includes(command)) {
    console.log(USAGE);
    return;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw new UsageError(`Perintah tidak dikenal: ${command}`);
  await (await load())(rest);
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
