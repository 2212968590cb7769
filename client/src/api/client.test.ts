import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, CSRF_HEADER, setSessionHooks } from './client';

interface Call {
  path: string;
  method: string;
  csrf: string | null;
}

const calls: Call[] = [];
let answers: Response[] = [];

const jsonResponse = (status: number, body: unknown): Response =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const errorResponse = (status: number, code: string): Response => jsonResponse(status, { error: { code, message: `Pesan ${code}` } });

const hooks = {
  token: 'token-1' as string | null,
  unauthenticated: vi.fn(),
  csrfRejected: vi.fn(async () => false),
};

beforeEach(() => {
  calls.length = 0;
  answers = [];
  hooks.token = 'token-1';
  hooks.unauthenticated.mockReset();
  hooks.csrfRejected.mockReset().mockResolvedValue(false);
  setSessionHooks({ csrfToken: () => hooks.token, onUnauthenticated: hooks.unauthenticated, onCsrfRejected: hooks.csrfRejected });
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    calls.push({ path, method: init.method ?? 'GET', csrf: new Headers(init.headers).get(CSRF_HEADER) });
    const answer = answers.shift();
    if (!answer) throw new Error(`no answer queued for ${path}`);
    return answer;
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the API client and the session', () => {
  it('sends the CSRF token on every state-changing request and never on a read', async () => {
    answers.push(
      jsonResponse(200, { items: [] }),
      jsonResponse(201, { map: {} }),
      jsonResponse(200, { map: {} }),
      jsonResponse(201, { map: {} }),
      jsonResponse(200, { user: {} }),
      new Response(null, { status: 204 }),
    );
    await api.listMaps();
    await api.createMap({ name: 'Peta', kind: 'proses' });
    await api.updateMap('m1', { name: 'Peta' });
    await api.importMap('<x/>', { name: 'Impor' });
    await api.updateUser('u1', { disabled: true });
    await api.signOut();
    expect(calls.map(({ method, csrf }) => `${method} ${csrf}`)).toEqual([
      'GET null',
      'POST token-1',
      'PATCH token-1',
      'POST token-1',
      'PATCH token-1',
      'DELETE token-1',
    ]);
  });

  it('no longer sends an author with a revision', async () => {
    let body: unknown;
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit = {}) => {
      body = JSON.parse(String(init.body));
      return jsonResponse(201, { revision: {}, map: {} });
    });
    await api.saveRevision('m1', { xml: '<x/>', baseRevision: 1, message: 'Pesan' });
    expect(body).toEqual({ xml: '<x/>', baseRevision: 1, message: 'Pesan' });
  });

  it('reports an ended session once, as the ApiError the caller also gets', async () => {
    answers.push(errorResponse(401, 'UNAUTHENTICATED'));
    const failure = api.getMap('m1');
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(hooks.unauthenticated).toHaveBeenCalledTimes(1);
    expect(hooks.unauthenticated.mock.calls[0][0]).toBeInstanceOf(ApiError);
  });

  it('does not treat a wrong password or the question "who is signed in?" as an ended session', async () => {
    answers.push(errorResponse(401, 'LOGIN_FAILED'), errorResponse(401, 'UNAUTHENTICATED'));
    await expect(api.signIn('ani', 'salah')).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    await expect(api.session()).resolves.toBeNull();
    expect(hooks.unauthenticated).not.toHaveBeenCalled();
  });

  it('sends a request refused for its CSRF token once more after the session gave a fresh one', async () => {
    hooks.csrfRejected.mockImplementation(async () => {
      hooks.token = 'token-2';
      return true;
    });
    answers.push(errorResponse(403, 'CSRF_INVALID'), jsonResponse(201, { map: { id: 'm2' } }));
    await expect(api.createMap({ name: 'Peta', kind: 'proses' })).resolves.toEqual({ id: 'm2' });
    expect(calls.map((call) => call.csrf)).toEqual(['token-1', 'token-2']);
  });

  it('gives up after one retry, and at once when no fresh token came', async () => {
    hooks.csrfRejected.mockResolvedValue(true);
    answers.push(errorResponse(403, 'CSRF_INVALID'), errorResponse(403, 'CSRF_INVALID'));
    await expect(api.createMap({ name: 'Peta', kind: 'proses' })).rejects.toMatchObject({ code: 'CSRF_INVALID' });
    expect(calls).toHaveLength(2);
    expect(hooks.csrfRejected).toHaveBeenCalledTimes(1);

    calls.length = 0;
    hooks.csrfRejected.mockResolvedValue(false);
    answers.push(errorResponse(403, 'CSRF_INVALID'));
    await expect(api.updateMap('m1', { name: 'x' })).rejects.toMatchObject({ code: 'CSRF_INVALID' });
    expect(calls).toHaveLength(1);
  });

  it('does not retry other refusals', async () => {
    answers.push(errorResponse(403, 'FORBIDDEN_UNIT'));
    await expect(api.getMap('m1')).rejects.toMatchObject({ code: 'FORBIDDEN_UNIT' });
    expect(hooks.csrfRejected).not.toHaveBeenCalled();
  });
});
