// What every page receives: the API, the server's vocabulary (fetched once) and the router.
import { api, type Api } from './api/client';
import type { Meta } from './api/types';
import type { Router } from './router';

export interface AppContext {
  api: Api;
  /** The server's vocabulary, fetched once; `fresh` asks again (the list of units grows as maps are made). */
  meta(fresh?: boolean): Promise<Meta>;
  router: Router;
}

export function createContext(router: Router): AppContext {
  let meta: Promise<Meta> | null = null;
  return {
    api,
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
