// Thin typed wrapper over the HTTP API (docs/api.md); every failure becomes an ApiError with an Indonesian message.
import type {
  ImportParams,
  MapFilter,
  MapPatch,
  Meta,
  NewMap,
  NewRevision,
  ProcessMap,
  Revision,
} from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not a JSON error body (a proxy or the network answered): fall back to the status below.
  }
  const error = body.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
    return new ApiError(response.status, error.code, error.message, details as Record<string, unknown>);
  }
  return new ApiError(
    response.status,
    'HTTP_' + response.status,
    `Server menjawab dengan kesalahan ${response.status}. Coba lagi beberapa saat lagi.`,
  );
}

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'NETWORK', 'Tidak dapat menghubungi server. Periksa sambungan Anda lalu coba lagi.');
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  return response;
}

async function json<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const response = await send(path, init);
  return (await response.json()) as T;
}

function mapPath(id: string): string {
  return '/api/maps/' + encodeURIComponent(id);
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const api = {
  meta(): Promise<Meta> {
    return json<Meta>('/api/meta');
  },

  async listMaps(filter: MapFilter = {}): Promise<ProcessMap[]> {
    const { items } = await json<{ items: ProcessMap[] }>(withQuery('/api/maps', { ...filter }));
    return items;
  },

  async createMap(input: NewMap): Promise<ProcessMap> {
    const { map } = await json<{ map: ProcessMap }>('/api/maps', 'POST', input);
    return map;
  },

  async getMap(id: string): Promise<ProcessMap> {
    const { map } = await json<{ map: ProcessMap }>(mapPath(id));
    return map;
  },

  async updateMap(id: string, patch: MapPatch): Promise<ProcessMap> {
    const { map } = await json<{ map: ProcessMap }>(mapPath(id), 'PATCH', patch);
    return map;
  },

  /** Revisions of a map, oldest first. */
  async listRevisions(id: string): Promise<Revision[]> {
    const { items } = await json<{ items: Revision[] }>(mapPath(id) + '/revisions');
    return items;
  },

  saveRevision(id: string, input: NewRevision): Promise<{ revision: Revision; map: ProcessMap }> {
    return json(mapPath(id) + '/revisions', 'POST', input);
  },

  async revisionXml(id: string, n: number): Promise<string> {
    const response = await send(`${mapPath(id)}/revisions/${n}/xml`, { headers: { Accept: 'application/xml' } });
    return response.text();
  },

  async importMap(xml: string, params: ImportParams): Promise<ProcessMap> {
    const response = await send(withQuery('/api/import', { ...params }), {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml', Accept: 'application/json' },
      body: xml,
    });
    const { map } = (await response.json()) as { map: ProcessMap };
    return map;
  },
};

export type Api = typeof api;
