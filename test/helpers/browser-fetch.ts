// Gives Node's fetch what a browser page has, so the client's modules can run against the real server in tests:
// an origin for relative URLs and a cookie jar. It records what was sent; every answer comes from the server.
import { afterAll } from 'vitest';

export interface SentRequest {
  method: string;
  path: string;
  csrf: string | null;
  body: string | null;
}

export interface BrowserFetch {
  sent: SentRequest[];
  /** The page's origin; point it at a closed port to act offline. */
  origin: string;
  cookie: string;
}

export function installBrowserFetch(origin: string): BrowserFetch {
  const nodeFetch = globalThis.fetch;
  const page: BrowserFetch = { sent: [], origin, cookie: '' };
  globalThis.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (page.cookie) headers.set('cookie', page.cookie);
    page.sent.push({
      method: init.method ?? 'GET',
      path: String(input),
      csrf: headers.get('x-csrf-token'),
      body: typeof init.body === 'string' ? init.body : null,
    });
    const response = await nodeFetch(new URL(String(input), page.origin), { ...init, headers });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) page.cookie = /petakerja_sesi=;/.test(setCookie) ? '' : setCookie.split(';')[0]!;
    return response;
  };
  afterAll(() => {
    globalThis.fetch = nodeFetch;
  });
  return page;
}
