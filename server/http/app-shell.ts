// The SPA shell: the built client's index.html for every address the API and the static files do not answer, with
// the setup state and the request's session in it (boot-answers-element.ts). It differs per user: never stored by
// a cache.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, RequestHandler } from 'express';
import type { DescribePemda } from '../accounts/accounts.routes';
import { describeSession, type AccountsService } from '../accounts/accounts.service';
import { DEFAULT_RETRY_AFTER_SECONDS } from './error-handler';
import { sessionOfRequest } from './auth';
import { embedBootAnswers, type BootAnswers } from './boot-answers-element';

/** The answers GET /api/setup and GET /api/session would give this request, through the same code. */
async function bootAnswers(accounts: AccountsService, req: Request, describePemda?: DescribePemda): Promise<BootAnswers> {
  const needed = await accounts.setupNeeded();
  // As the client does: the session is asked for only once setup is done.
  const auth = needed ? undefined : await sessionOfRequest(accounts, req);
  return { setup: { needed }, session: auth ? { ...describeSession(auth), ...(await describePemda?.(req, auth.user)) } : null };
}

/** Needs cookie-parser before it (the session cookie). */
export function appShell(accounts: AccountsService, clientDir: string, log: (line: string) => void, describePemda?: DescribePemda): RequestHandler {
  const indexHtml = path.join(clientDir, 'index.html');
  return async (req, res) => {
    const html = await readFile(indexHtml, 'utf8').catch(() => null);
    if (html === null) {
      res.status(503).set('Retry-After', String(DEFAULT_RETRY_AFTER_SECONDS)).type('text/plain; charset=utf-8').send('Antarmuka Petakerja belum dibangun. Jalankan: npm run build');
      return;
    }
    let answers: BootAnswers | null = null;
    try {
      answers = await bootAnswers(accounts, req, describePemda);
    } catch (error) {
      // The shell is still served: the client then asks the API itself and shows what it answers.
      log(`${req.method} ${req.originalUrl}: jawaban awal tidak disertakan di halaman: ${(error as Error)?.stack ?? String(error)}`);
    }
    res.set('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(answers ? embedBootAnswers(html, answers) : html);
  };
}
