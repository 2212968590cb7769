// `petakerja user add|list|passwd`: accounts from the command line (the first admin, recovery of a password).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES, Role } from '../accounts/accounts.records';
import { CreateUserBody, Password } from '../accounts/accounts.schema';
import { AccountsService } from '../accounts/accounts.service';
import { openEmbeddedStore, type Store } from '../store/store';
import { pemdaOfUser } from '../store/account-rules';
import { DEFAULT_PEMDA } from '../store/pemda';
import { databaseOption, dataDirOption, UsageError } from './usage';

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('Berikan kata sandi lewat masukan standar, mis.: echo "$SANDI" | npm run petakerja -- user …');
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const [firstLine = ''] = input.split(/\r?\n/);
  return firstLine;
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'masukan'}: ${i.message}`).join('; ');
}

/** The data directory, or a PostgreSQL database (its driver loaded only then). */
type Where = { dataDir: string } | { databaseUrl: string };

/** The accounts of pemda `pemda` (the default one unless --pemda; docs/storage.md, Many pemda). */
async function withAccounts<T>(where: Where, pemda: string, use: (service: AccountsService, store: Store) => Promise<T>) {
  const root =
    'databaseUrl' in where
      ? await (await import('../store/postgres/open-postgres-store')).openPostgresStore(where.databaseUrl)
      : await openEmbeddedStore(where.dataDir);
  try {
    const store = root.forPemda(pemda);
    return await use(new AccountsService(store.accounts, store.audit), store);
  } finally {
    await root.close();
  }
}

export async function userCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      roles: { type: 'string' },
      admin: { type: 'boolean' },
      name: { type: 'string' },
      nip: { type: 'string' },
      jabatan: { type: 'string' },
      unit: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
      pemda: { type: 'string' },
    },
    strict: true,
  });
  const databaseUrl = databaseOption(values);
  const where: Where = databaseUrl ? { databaseUrl } : { dataDir: dataDirOption(values.data) };
  const pemda = values.pemda ?? DEFAULT_PEMDA;
  switch (sub) {
    case 'add': {
      if (!values['password-stdin']) throw new UsageError('Kata sandi hanya diterima lewat --password-stdin (tidak pernah sebagai argumen).');
      const roles = [...(values.roles?.split(',').map((r) => r.trim()).filter(Boolean) ?? []), ...(values.admin ? ['admin'] : [])];
      const unknown = roles.filter((r) => !Role.safeParse(r).success);
      if (unknown.length > 0) throw new UsageError(`Peran tidak dikenal: ${unknown.join(', ')}. Peran: ${ROLES.join(', ')}.`);
      const body = CreateUserBody.safeParse({
        username: values.username,
        password: await readPasswordFromStdin(),
        name: values.name ?? values.username,
        ...(values.nip ? { nip: values.nip } : {}),
        jabatan: values.jabatan ?? '',
        unit: values.unit ?? '',
        roles,
      });
      if (!body.success) throw new UsageError(`Data akun tidak sah — ${formatIssues(body.error)}`);
      const user = await withAccounts(where, pemda, (service) => service.createUser('cli', body.data, 'cli'));
      console.log(`Akun ${user.username} (${user.roles.join(', ')}) dibuat.`);
      return;
    }
    case 'list': {
      const users = await withAccounts(where, pemda, (service) => service.listUsers());
      if (users.length === 0) console.log('Belum ada akun.');
      for (const u of users) {
        console.log(`${u.username}\t${u.name}\t${u.roles.join(',')}\t${u.unit || '-'}${u.disabled ? '\t(nonaktif)' : ''}`);
      }
      return;
    }
    case 'passwd': {
      if (!values.username || !values['password-stdin']) throw new UsageError('Gunakan: user passwd --username U --password-stdin --data DIR | --database URL');
      const password = Password.safeParse(await readPasswordFromStdin());
      if (!password.success) throw new UsageError(formatIssues(password.error));
      // A username names an account of any pemda: its password is changed in that pemda.
      await withAccounts(where, DEFAULT_PEMDA, async (_service, store) => {
        const user = await store.accounts.findUserByUsername(values.username!);
        if (!user) throw new UsageError(`Akun ${values.username} tidak ada.`);
        const own = store.forPemda(pemdaOfUser(user));
        await new AccountsService(own.accounts, own.audit).updateUser('cli', user.id, { password: password.data }, 'cli');
      });
      console.log(`Kata sandi ${values.username} diganti; sesi akun itu diakhiri.`);
      return;
    }
    default:
      throw new UsageError(`Subperintah user tidak dikenal: ${sub ?? '(kosong)'}`);
  }
}
