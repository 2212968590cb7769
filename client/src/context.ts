// What every page receives: the API, the signed-in session, the server's vocabulary (fetched once) and the router.
import { api, setSessionHooks, type Api } from './api/client';
import type { Meta } from './api/types';
import { href, parseHash, type Router } from './router';
import { SessionState } from './session/SessionState';

export interface AppContext {
  api: Api;
  session: SessionState;
  /** The server's vocabulary, fetched once per session; `fresh` asks again (the list of units grows as maps are made). */
  meta(fresh?: boolean): Promise<Meta>;
  router: Router;
}

/** Asked before leaving unsaved work because the session ended. */
const SESSION_ENDED_QUESTION = {
  title: 'Sesi Anda telah berakhir',
  message:
    'Perubahan yang belum disimpan tidak dapat disimpan sebelum Anda masuk kembali, dan hilang bila Anda pergi ke halaman masuk sekarang. ' +
    'Pilih "Tetap di sini" untuk mengunduhnya dulu sebagai berkas .bpmn (Ekspor .bpmn), atau masuk kembali di tab lain lalu simpan dari sini.',
  confirmLabel: 'Ke halaman masuk',
  cancelLabel: 'Tetap di sini',
};

export function createContext(router: Router): AppContext {
  let meta: Promise<Meta> | null = null;
  const session = new SessionState(api);
  // Units and roles differ per user: a new session asks for the vocabulary again.
  session.onChange(() => {
    meta = null;
  });

  let renewing: Promise<boolean> | null = null;
  setSessionHooks({
    csrfToken: () => session.csrfToken,
    onUnauthenticated: () => {
      session.expire();
      const route = parseHash(location.hash);
      if (route.name === 'login' || route.name === 'setup' || router.isAsking) return;
      // Through the router, so unsaved work in the modeller is not dropped without asking.
      router.navigate(href.login(location.hash), { question: SESSION_ENDED_QUESTION });
    },
    onCsrfRejected: () => {
      renewing ??= session.renew().finally(() => {
        renewing = null;
      });
      return renewing;
    },
  });

  return {
    api,
    session,
    router,
    meta(fresh = false) {
      if (fresh) meta = null;
      meta ??= api.meta().catch((error: unknown) => {
        // Let the next page (or a retry) ask again instead of keeping the failure.
        meta = null;
        throw error;
      });
      return meta;
    },
  };
}
