// The browser client's API module against the real server: CSRF on every change, session-end and CSRF-refusal
// handling.
import { beforeEach, describe, expect, it } from 'vitest';
import { api, ApiError, setSessionHooks } from '../../client/src/api/client';
import { installBrowserFetch } from '../helpers/browser-fetch';
import { minimalBpmn } from '../helpers/fixtures';
import { startTestServer, TEST_PASSWORD } from '../helpers/server';

const server = await startTestServer();
await server.userWith(['penyusun'], 'Bagian Organisasi', 'penyusun-klien');
await server.userWith(['pembaca'], 'Dinas Sosial', 'pembaca-klien');

const page = installBrowserFetch(server.url);
const { sent } = page;

let token: string | null = null;
let ended: ApiError[] = [];
let refusals = 0;
let freshToken: () => string | null = () => null;

beforeEach(() => {
  sent.length = 0;
  ended = [];
  refusals = 0;
  freshToken = () => null;
  setSessionHooks({
    csrfToken: () => token,
    onUnauthenticated: (error) => ended.push(error),
    onCsrfRejected: async () => {
      refusals++;
      const next = freshToken();
      if (next === null) return false;
      token = next;
      return true;
    },
  });
});

async function signInAs(username: string): Promise<string> {
  const session = await api.signIn(username, TEST_PASSWORD);
  token = session.csrfToken;
  sent.length = 0;
  return session.csrfToken;
}

describe('the client API module against the real server', () => {
  it('sends the CSRF token with every change and none with a read; the server accepts the changes', async () => {
    const csrf = await signInAs('penyusun-klien');
    await api.listMaps();
    const map = await api.createMap({ name: 'Peta klien', kind: 'subproses', unit: 'Dinas Sosial' });
    await api.updateMap(map.id, { name: 'Peta klien diubah' });
    await api.importMap(minimalBpmn(), { name: 'Impor klien' });
    const { revision } = await api.saveRevision(map.id, { xml: minimalBpmn('Langkah baru'), baseRevision: 1, message: 'Revisi dari klien' });
    expect(revision.author).toBe('Pengguna penyusun-klien');
    await api.signOut();
    expect(sent.map(({ method, csrf }) => `${method} ${csrf ? 'token' : 'none'}`)).toEqual([
      'GET none',
      'POST token',
      'PATCH token',
      'POST token',
      'POST token',
      'DELETE token',
    ]);
    expect(sent.filter((s) => s.method !== 'GET').every((s) => s.csrf === csrf)).toBe(true);
    expect(sent.map((s) => s.body ?? '').join('')).not.toContain('author');
  });

  it('reports an ended session once, as the ApiError the caller also gets', async () => {
    await signInAs('penyusun-klien');
    const [map] = await api.listMaps();
    // The session ends elsewhere (here: the cookie is dropped, as after an expiry).
    page.cookie = '';
    const failure = api.getMap(map!.id);
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(ended).toHaveLength(1);
    expect(ended[0]).toBeInstanceOf(ApiError);
  });

  it('reads a page of the listing beside the whole of it, with the filters and the total', async () => {
    await signInAs('penyusun-klien');
    for (const name of ['Halaman satu', 'Halaman dua', 'Halaman tiga']) await api.createMap({ name, kind: 'proses', unit: 'Dinas Arsip' });
    const whole = await api.listMaps({ unit: 'Dinas Arsip' });
    expect(whole.map((m) => m.name).sort()).toEqual(['Halaman dua', 'Halaman satu', 'Halaman tiga']);
    expect(await api.listMapsPage({ unit: 'Dinas Arsip' }, { limit: 2, offset: 0 })).toEqual({ items: whole.slice(0, 2), total: 3 });
    expect(await api.listMapsPage({ unit: 'Dinas Arsip', q: 'satu' }, { limit: 2, offset: 0 })).toEqual({ items: whole.filter((m) => m.name === 'Halaman satu'), total: 1 });
    expect(await api.listMapsPage({ unit: 'Dinas Arsip' }, { limit: 2, offset: 2 })).toEqual({ items: whole.slice(2), total: 3 });
  });

  it('does not take a wrong password, or asking who is signed in, for an ended session', async () => {
    page.cookie = '';
    await expect(api.signIn('penyusun-klien', 'bukan-sandinya')).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    await expect(api.session()).resolves.toBeNull();
    expect(ended).toEqual([]);
  });

  it('sends a change refused for its CSRF token once more, after the session gave a fresh token', async () => {
    const csrf = await signInAs('penyusun-klien');
    token = 'token-dari-tab-lain-yang-sudah-tidak-berlaku-xx';
    freshToken = () => csrf;
    const map = await api.createMap({ name: 'Setelah token baru', kind: 'subproses' });
    expect(map.name).toBe('Setelah token baru');
    expect(refusals).toBe(1);
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.csrf)).toEqual([
      'token-dari-tab-lain-yang-sudah-tidak-berlaku-xx',
      csrf,
    ]);
  });

  it('gives up after one retry, and at once when no fresh token came', async () => {
    await signInAs('penyusun-klien');
    token = 'salah-salah-salah-salah-salah-salah-salah-xx';
    freshToken = () => 'masih-salah-masih-salah-masih-salah-masih-x';
    await expect(api.createMap({ name: 'Tidak jadi', kind: 'subproses' })).rejects.toMatchObject({ code: 'CSRF_INVALID' });
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(2);
    expect(refusals).toBe(1);

    sent.length = 0;
    refusals = 0;
    freshToken = () => null;
    await expect(api.createMap({ name: 'Tidak jadi', kind: 'subproses' })).rejects.toMatchObject({ code: 'CSRF_INVALID' });
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('does not retry other refusals', async () => {
    await signInAs('penyusun-klien');
    const map = await api.createMap({ name: 'Peta unit lain', kind: 'subproses', unit: 'Dinas Perhubungan' });
    await api.signOut();
    await signInAs('pembaca-klien');
    await expect(api.getMap(map.id)).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN_UNIT' });
    expect(refusals).toBe(0);
  });
});
