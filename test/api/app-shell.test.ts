// The SPA shell carries the answers of GET /api/setup and GET /api/session for the request that asked for it
// (server/http/app-shell.ts): the same answers as the API gives, none for a cookie the API refuses, never cached.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOT_ANSWERS_ELEMENT_ID } from '../../server/http/boot-answers-element';
import { startServer } from '../../server/server';
import { ApiClient, TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const clientDir = await tempDir('petakerja-shell-');
await writeFile(
  path.join(clientDir, 'index.html'),
  '<!doctype html>\n<html lang="id">\n  <head>\n    <title>Petakerja</title>\n    <script type="module" src="/assets/index.js"></script>\n  </head>\n  <body><div id="app"></div></body>\n</html>\n',
);
const running = await startServer({ dataDir: await tempDir(), port: 0, host: '127.0.0.1', clientDir, log: () => undefined });

const OPENING = `<script type="application/json" id="${BOOT_ANSWERS_ELEMENT_ID}">`;

/** The shell as a browser gets it, and the element's text as the HTML parser reads it (up to the first `</script`). */
async function shell(client: ApiClient, address = '/', cookie?: string) {
  const response = await client.api(address, cookie === undefined ? {} : { headers: { cookie } });
  const html = response.body as string;
  const start = html.indexOf(OPENING);
  const text = start < 0 ? null : html.slice(start + OPENING.length, html.toLowerCase().indexOf('</script', start + OPENING.length));
  return { response, html, text, answers: text === null ? null : JSON.parse(text) };
}

const account = (username: string, name = `Pengguna ${username}`) => ({ username, password: TEST_PASSWORD, name, jabatan: 'Staf', unit: 'Bagian Organisasi' });

describe('the SPA shell with the first answers in it', () => {
  it('says setup is needed on a fresh install, without a session, and is never stored', async () => {
    const { response, answers, html } = await shell(new ApiClient(running.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(answers).toEqual({ setup: { needed: true }, session: null });
    // The rest of the page is served as built, the element at the end of its head.
    expect(html).toContain('<script type="module" src="/assets/index.js"></script>');
    expect(html.indexOf(OPENING)).toBeLessThan(html.indexOf('</head>'));
  });

  it('carries exactly what /api/setup and /api/session answer, for the request\'s cookie', async () => {
    // The name ends the element if put in it unescaped: it must come back unchanged and end nothing.
    const admin = new ApiClient(running.url);
    const hostileName = 'Ani </script><!-- \u2028 <script>alert(1)</script>';
    expect((await admin.api('/api/setup', { method: 'POST', json: account('ani', hostileName) })).status).toBe(201);

    const signedIn = await shell(admin, '/');
    expect(signedIn.response.headers.get('cache-control')).toBe('no-store');
    expect(signedIn.text).not.toMatch(/[<>]/);
    expect(signedIn.answers).toEqual({ setup: (await admin.api('/api/setup')).body, session: (await admin.api('/api/session')).body });
    expect(signedIn.answers.session.user.name).toBe(hostileName);
    expect(signedIn.answers.session.csrfToken).toBe(admin.csrfToken);
    // The shell is one element longer than the built page: nothing after it was broken open.
    expect(signedIn.html.split('</script>')).toHaveLength(3);

    // Every address the API and the files do not answer is the shell (the map is in the hash, never sent).
    expect((await shell(admin, '/peta/lainnya')).answers).toEqual(signedIn.answers);

    const anonymous = await shell(new ApiClient(running.url));
    expect(anonymous.answers).toEqual({ setup: { needed: false }, session: null });
    expect((await new ApiClient(running.url).api('/api/session')).status).toBe(401);
  });

  it('carries no session for a cookie the API refuses: signed out, of a disabled account, or made up', async () => {
    const admin = new ApiClient(running.url);
    await admin.signIn('ani', TEST_PASSWORD);
    expect((await admin.api('/api/users', { method: 'POST', json: { ...account('budi'), roles: ['pembaca'] } })).status).toBe(201);

    const budi = new ApiClient(running.url);
    await budi.signIn('budi', TEST_PASSWORD);
    const revoked = budi.sessionCookie;
    expect((await shell(budi)).answers.session.user.username).toBe('budi');
    expect((await budi.api('/api/session', { method: 'DELETE' })).status).toBe(204);
    const afterSignOut = await shell(budi, '/', revoked);
    expect(afterSignOut.answers).toEqual({ setup: { needed: false }, session: null });
    expect((await budi.api('/api/session', { headers: { cookie: revoked } })).status).toBe(401);

    await budi.signIn('budi', TEST_PASSWORD);
    const budiId = (await budi.api('/api/session')).body.user.id as string;
    expect((await admin.api(`/api/users/${budiId}`, { method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    expect((await shell(budi)).answers.session).toBeNull();
    expect((await budi.api('/api/session')).status).toBe(401);

    expect((await shell(budi, '/', 'petakerja_sesi=bukan-sesi-yang-ada')).answers.session).toBeNull();
    await running.close();
  });
});
