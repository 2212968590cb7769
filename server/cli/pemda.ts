// `petakerja pemda add|list`: the pemda of a PostgreSQL deployment (docs/storage.md, Many pemda). Adding one creates
// its first administrator, whose password is read from PETAKERJA_ADMIN_PASSWORD or asked on the terminal — never an
// argument (it would stay in the shell's history and the process list). The embedded store holds one pemda.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CreateUserBody, Password } from '../accounts/accounts.schema';
import { AccountsService } from '../accounts/accounts.service';
import { AppError } from '../errors';
import { embeddedSinglePemda, PEMDA_KIND_LABELS, PemdaKind, parseNewPemda } from '../store/pemda';
import { openEmbeddedStore, type Store } from '../store/store';
import { databaseOption, dataDirOption, UsageError } from './usage';

const PASSWORD_ENV = 'PETAKERJA_ADMIN_PASSWORD';

/** Asks for the password on the terminal without echoing it. */
async function askPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError(`Kata sandi admin pertama dibaca dari ${PASSWORD_ENV} atau ditanyakan di terminal; tidak ada keduanya.`);
  }
  process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => reader.question('', resolve));
  } finally {
    reader.close();
    process.stderr.write('\n');
  }
}

const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'masukan'}: ${i.message}`).join('; ');

async function withStore<T>(databaseUrl: string | undefined, dataDir: () => string, use: (store: Store) => Promise<T>): Promise<T> {
  // pg loads only for a database (test/cli/lazy-load.test.ts).
  const store = databaseUrl
    ? await (await import('../store/postgres/open-postgres-store')).openPostgresStore(databaseUrl)
    : await openEmbeddedStore(dataDir());
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export async function pemdaCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      province: { type: 'string' },
      admin: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
    },
    strict: true,
  });
  const databaseUrl = databaseOption(values);
  const dataDir = () => dataDirOption(values.data);
  switch (sub) {
    case 'add': {
      // On a data directory: one pemda, refused before anything is asked.
      if (!databaseUrl) throw embeddedSinglePemda();
      if (!values.id || !values.name || !values.kind) {
        throw new UsageError('Gunakan: pemda add --database URL --id ID --name NAMA --kind kabupaten|kota|provinsi [--province ID] [--admin NAMA_PENGGUNA]');
      }
      const kind = PemdaKind.safeParse(values.kind);
      if (!kind.success) throw new UsageError(`Jenis pemda tidak dikenal: ${values.kind}. Jenis: ${PemdaKind.options.join(', ')}.`);
      const pemda = parseNewPemda({ id: values.id, name: values.name, kind: kind.data, province: values.province ?? null });
      const label = `Pemda ${pemda.id} (${PEMDA_KIND_LABELS[pemda.kind]} ${pemda.name})`;
      // Without --admin the pemda is made empty, to be filled by "migrate --pemda" from the data directory it used.
      if (!values.admin) {
        await withStore(databaseUrl, dataDir, (store) => store.pemdas.add(pemda));
        console.log(`${label} dibuat tanpa akun. Isi dengan: migrate --from DIR --to URL --pemda ${pemda.id}, atau tambahkan admin dengan: user add --pemda ${pemda.id} --roles admin,penyusun.`);
        return;
      }
      const password = Password.safeParse(process.env[PASSWORD_ENV] || (await askPassword(`Kata sandi untuk ${values.admin}: `)));
      if (!password.success) throw new UsageError(`Kata sandi admin tidak sah — ${issues(password.error)}`);
      // The province role's reading is the provinsi admin's to hand out; the first admin holds it too.
      const roles = pemda.kind === 'provinsi' ? ['admin', 'penyusun', 'pembina'] : ['admin', 'penyusun'];
      const body = CreateUserBody.safeParse({ username: values.admin, password: password.data, name: values.admin, jabatan: '', unit: '', roles });
      if (!body.success) throw new UsageError(`Data akun admin tidak sah — ${issues(body.error)}`);
      await withStore(databaseUrl, dataDir, async (store) => {
        // Usernames are unique in the deployment: checked before the pemda is added.
        if (await store.accounts.findUserByUsername(body.data.username)) {
          throw new AppError(409, 'USERNAME_TAKEN', `Nama pengguna "${body.data.username}" sudah dipakai. Pilih nama pengguna lain.`);
        }
        await store.pemdas.add(pemda);
        const own = store.forPemda(pemda.id);
        await new AccountsService(own.accounts, own.audit).createUser('cli', body.data, 'cli');
      });
      console.log(`${label} dibuat, dengan admin ${body.data.username}.`);
      return;
    }
    case 'list': {
      const list = await withStore(databaseUrl, dataDir, (store) => store.pemdas.list());
      for (const p of list) console.log(`${p.id}\t${PEMDA_KIND_LABELS[p.kind]}\t${p.name}${p.province ? `\t(provinsi: ${p.province})` : ''}`);
      if (!databaseUrl) console.log('Penyimpanan bawaan (direktori data) memuat satu pemda; gunakan PostgreSQL (--database) untuk beberapa pemda.');
      return;
    }
    default:
      throw new UsageError(`Subperintah pemda tidak dikenal: ${sub ?? '(kosong)'}`);
  }
}
