// The client's session state against the real server: setup, sign-in, an ended session, renewal, sign-out.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, setSessionHooks } from '../../client/src/api/client';
import { BOOT_ANSWERS_ELEMENT_ID, keepBootAnswers, takeBootAnswers } from '../../client/src/session/bootAnswers';
import { SESSION_ENDED_NOTICE, SessionState } from '../../client/src/session/SessionState';
import { askSetupAhead, takeSetupAhead } from '../../client/src/session/setupAhead';
import { startServer } from '../../server/server';
import { installBrowserFetch } from '../helpers/browser-fetch';
import { TEST_PASSWORD } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

// A shell page of its own, so the answers the server puts in it are read without a client build.
const clientDir = await tempDir('petakerja-shell-');
await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><html><head><title>Petakerja</title></head><body></body></html>');
const running = await startServer({ dataDir: await tempDir(), port: 0, host: '127.0.0.1', clientDir, log: () => undefined });
const page = installBrowserFetch(running.url);
const state = new SessionState(api);
// As the app context wires them (client/src/context.ts): requests carry this session's CSRF token.
setSessionHooks({ csrfToken: () => state.csrfToken, onUnauthenticated: () => state.expire(), onCsrfRejected: () => state.renew() });
const account = (username: string) => ({ username, password: TEST_PASSWORD, name: `Pengguna ${username}`, jabatan: 'Staf', unit: 'Bagian Organisasi' });

describe('SessionState against the real server', () => {
  it('asks for the session only once setup is done, and is signed in by setup', async () => {
    await state.load();
    expect(state.setupNeeded).toBe(true);
    expect(page.sent.map((s) => s.path)).toEqual(['/api/setup']);

    await state.setup(account('ani'));
    expect(state.signedIn).toBe(true);
    expect(state.user.username).toBe('ani');

    page.sent.length = 0;
    const reloaded = new SessionState(api);
    await reloaded.load();
    expect(reloaded.setupNeeded).toBe(false);
    expect(reloaded.user.username).toBe('ani');
    expect(reloaded.csrfToken).toBe(state.csrfToken);
  });

  it('takes the setup answer asked for at boot once, and asks again through the API client when that failed', async () => {
    page.sent.length = 0;
    askSetupAhead();
    const booted = new SessionState(api);
    await booted.load();
    expect(booted.setupNeeded).toBe(false);
    expect(booted.user.username).toBe('ani');
    expect(page.sent.map((s) => s.path)).toEqual(['/api/setup', '/api/session']);
    expect(takeSetupAhead()).toBeNull();

    // The early request finds no server (offline for a moment): nothing is shown, the usual request answers.
    const origin = page.origin;
    page.sent.length = 0;
    page.origin = 'http://127.0.0.1:9';
    askSetupAhead();
    page.origin = origin;
    const retried = new SessionState(api);
    await retried.load();
    expect(retried.setupNeeded).toBe(false);
    expect(retried.user.username).toBe('ani');
    expect(page.sent.map((s) => s.path)).toEqual(['/api/setup', '/api/setup', '/api/session']);
  });

  it('takes the answers the server put in the page once, instead of any request', async () => {
    /** The text of the page's answers element, as bootAhead reads it (the browser test reads it from the DOM). */
    const answersInPage = async () => {
      const html = await (await fetch('/')).text();
      const opening = `<script type="application/json" id="${BOOT_ANSWERS_ELEMENT_ID}">`;
      const start = html.indexOf(opening) + opening.length;
      return html.slice(start, html.indexOf('</script>', start));
    };
    expect(keepBootAnswers(await answersInPage())).toBe(true);
    page.sent.length = 0;
    const booted = new SessionState(api);
    await booted.load();
    expect(page.sent).toEqual([]);
    expect(booted.setupNeeded).toBe(false);
    expect(booted.user.username).toBe('ani');
    expect(booted.csrfToken).toBe(state.csrfToken);
    expect(takeBootAnswers()).toBeNull();

    // Taken once: a second load (the boot's retry) asks the server.
    await booted.load();
    expect(page.sent.map((s) => s.path)).toEqual(['/api/setup', '/api/session']);

    // Without a session cookie the page says nobody is signed in: still no request.
    const cookie = page.cookie;
    page.cookie = '';
    expect(keepBootAnswers(await answersInPage())).toBe(true);
    page.sent.length = 0;
    const anonymous = new SessionState(api);
    await anonymous.load();
    expect(page.sent).toEqual([]);
    expect(anonymous.signedIn).toBe(false);
    expect(anonymous.setupNeeded).toBe(false);
    page.cookie = cookie;

    // A page without them (Vite's dev server) or with a damaged element asks as before.
    for (const text of [undefined, '', '{"setup":', '{"setup":{"needed":"nein"},"session":null}']) {
      expect(keepBootAnswers(text)).toBe(false);
      page.sent.length = 0;
      const asked = new SessionState(api);
      await asked.load();
      expect(page.sent.map((s) => s.path)).toEqual(['/api/setup', '/api/session']);
      expect(asked.user.username).toBe('ani');
    }
  });

  it('remembers once why the user must sign in again', async () => {
    state.expire();
    expect(state.signedIn).toBe(false);
    expect(state.csrfToken).toBeNull();
    expect(state.takeNotice()).toBe(SESSION_ENDED_NOTICE);
    expect(state.takeNotice()).toBeNull();
  });

  it("takes over a session the same user opened elsewhere, but not someone else's", async () => {
    await state.signIn('ani', TEST_PASSWORD);
    const first = state.csrfToken;
    // Another tab signs in again as the same user: the browser's cookie now names a new session.
    await api.signIn('ani', TEST_PASSWORD);
    state.expire();
    await expect(state.renew()).resolves.toBe(true);
    expect(state.csrfToken).not.toBe(first);
    expect(state.signedIn).toBe(true);

    await api.createUser({ ...account('budi'), roles: ['pembaca'] });
    await api.signIn('budi', TEST_PASSWORD);
    await expect(state.renew()).resolves.toBe(false);
    expect(state.user.username).toBe('ani');
  });

  it('signs out even when the session had already ended, but not when the server cannot be reached', async () => {
    await state.signIn('ani', TEST_PASSWORD);
    page.cookie = '';
    await state.signOut();
    expect(state.signedIn).toBe(false);

    await state.signIn('ani', TEST_PASSWORD);
    const origin = page.origin;
    page.origin = 'http://127.0.0.1:9';
    await expect(state.signOut()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(state.signedIn).toBe(true);
    page.origin = origin;
    await running.close();
  });
});
