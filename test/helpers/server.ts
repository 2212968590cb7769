// The real Petakerja HTTP server on a temporary data directory (or, with PETAKERJA_TEST_STORE=postgres or the
// `postgres` option, on a database of its own on the run's PostgreSQL server), and signed-in JSON clients for it.
import { afterAll } from 'vitest';
import type { Role } from '../../server/accounts/accounts.records';
import { startServer, type RunningServer } from '../../server/server';
import { createTestDatabase } from './postgres';
import { tempDir } from './temp-dir';

export interface ApiResponse {
  status: number;
  body: any;
  headers: Headers;
}

export type ApiCall = (path: string, init?: RequestInit & { json?: unknown }) => Promise<ApiResponse>;

/** A client with its own cookie jar; it sends the session's CSRF token on every request once signed in. */
export class ApiClient {
  private cookie = '';
  csrfToken = '';

  constructor(private readonly baseUrl: string) {}

  api: ApiCall = async (path, init = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('content-type', 'application/json');
    if (this.cookie && !headers.has('cookie')) headers.set('cookie', this.cookie);
    if (this.csrfToken && !headers.has('x-csrf-token')) headers.set('x-csrf-token', this.csrfToken);
    const response = await fetch(this.baseUrl + path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
    // A jar by cookie name: the session's, and the pemda a province role reads (docs/api.md).
    const jar = new Map(this.cookie ? this.cookie.split('; ').map((pair) => [pair.split('=')[0]!, pair] as const) : []);
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const name = pair!.split('=')[0]!;
      if (/=$/.test(pair!) || /Expires=Thu, 01 Jan 1970/i.test(setCookie)) jar.delete(name);
      else jar.set(name, pair!);
    }
    this.cookie = [...jar.values()].join('; ');
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('json');
    const body = isJson && text ? JSON.parse(text) : text;
    if (typeof body === 'object' && typeof body?.csrfToken === 'string') this.csrfToken = body.csrfToken;
    return { status: response.status, body, headers: response.headers };
  };

  /** The session cookie alone ("petakerja_sesi=…"), or '' when signed out. */
  get sessionCookie(): string {
    return this.cookie.split('; ').find((pair) => pair.startsWith('petakerja_sesi=')) ?? '';
  }

  /** Every cookie the client holds, as a Cookie header. */
  get cookies(): string {
    return this.cookie;
  }

  async signIn(username: string, password: string): Promise<ApiResponse> {
    return this.api('/api/session', { method: 'POST', json: { username, password } });
  }
}

export const TEST_PASSWORD = 'kata-sandi-uji-123';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** The database the server keeps everything in, when it runs on PostgreSQL. */
  databaseUrl?: string;
  logs: string[];
  /** The first administrator (roles admin and penyusun), signed in. */
  admin: ApiClient;
  /** The admin's api: every permission, every unit. */
  api: ApiCall;
  anonymous(): ApiClient;
  /** Creates a user through the admin API and returns a client signed in as that user. */
  userWith(roles: Role[], unit?: string, username?: string): Promise<ApiClient>;
}

let userCount = 0;

/** The API suites run on PostgreSQL with PETAKERJA_TEST_STORE=postgres (docs/storage.md, PostgreSQL). */
const onPostgres = process.env.PETAKERJA_TEST_STORE === 'postgres';

export async function startTestServer(options: { postgres?: boolean } = {}): Promise<TestServer> {
  const dataDir = await tempDir('petakerja-server-');
  const databaseUrl = (options.postgres ?? onPostgres) ? await createTestDatabase() : undefined;
  const logs: string[] = [];
  const running = await startServer({ dataDir, ...(databaseUrl ? { databaseUrl } : {}), port: 0, host: '127.0.0.1', log: (line) => logs.push(line) });
  afterAll(() => running.close());
  const admin = new ApiClient(running.url);
  const setup = await admin.api('/api/setup', {
    method: 'POST',
    // The admin confirms the address the server is reached at, as the setup page proposes it (docs/security.md).
    json: { username: 'admin', password: TEST_PASSWORD, name: 'Admin Bagian Organisasi', jabatan: 'Analis Organisasi', unit: 'Bagian Organisasi', publicUrl: running.url },
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setup.body)} ${logs.join('\n')}`);
  return {
    ...running,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    logs,
    admin,
    api: admin.api,
    anonymous: () => new ApiClient(running.url),
    async userWith(roles, unit = 'Dinas Kesehatan', username = `pengguna${++userCount}`) {
      const created = await admin.api('/api/users', {
        method: 'POST',
        json: { username, password: TEST_PASSWORD, name: `Pengguna ${username}`, jabatan: 'Staf', unit, roles },
      });
      if (created.status !== 201) throw new Error(`user creation failed: ${JSON.stringify(created.body)}`);
      const client = new ApiClient(running.url);
      const signedIn = await client.signIn(username, TEST_PASSWORD);
      if (signedIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body)}`);
      return client;
    },
  };
}
