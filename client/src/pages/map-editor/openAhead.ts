// Opening a map starts before the session and the router are ready: the modeller's code, the map's current XML and
// what the modeller is built with (meta, kamus) are asked for at once, side by side, so none waits on another nor on
// the session requests (issue 16).
import type { KamusSynonym, Meta, ProcessMap } from '../../api/types';
import { parseHash } from '../../router';

export interface OpenedAhead {
  map: ProcessMap;
  xml: string;
}

/** What the modeller waits for before it draws the map, each asked for at boot; a rejected one is asked again by the page. */
export interface FetchedAhead {
  /** The map's record and its current XML. */
  opened: Promise<OpenedAhead>;
  meta: Promise<Meta>;
  /** The repository's synonyms of the kamus jabatan, for the live lint. */
  kamus: Promise<KamusSynonym[]>;
}

let ahead: ({ mapId: string } & FetchedAhead) | null = null;

/** The revision number of GET /api/maps/:id/xml's answer (docs/api.md). */
const REVISION_HEADER = 'X-Petakerja-Revision';

/** The modeller's code (bpmn-js and what it brings), one chunk shared by the editor and the read-only viewer. */
export function loadDiagramCode(): Promise<typeof import('../../diagram/createDiagram')> {
  return import('../../diagram/createDiagram');
}

/**
 * Starts loading what the map route of `hash` needs. The requests go around the API client on purpose: a refusal here
 * (no session yet, no such map) must not end a session or show anything; the page then asks again the usual way and
 * reports what it gets.
 */
export function openAhead(hash: string): void {
  const route = parseHash(hash);
  if (route.name !== 'map' && route.name !== 'revision') return;
  void loadDiagramCode().catch(() => undefined);
  if (route.name !== 'map') return;
  const path = `/api/maps/${encodeURIComponent(route.id)}`;
  // The current XML is asked for beside the record, not once the record has answered (one round trip fewer before the
  // import). Should a save come in between (the two revisions differ), the record's own revision is asked for.
  const current = ask(`${path}/xml`, 'application/xml');
  current.catch(() => undefined);
  const opened = (async () => {
    const { map } = await getJson<{ map: ProcessMap }>(path);
    const response = await current.catch(() => null);
    if (response && response.headers.get(REVISION_HEADER) === String(map.currentRevision)) return { map, xml: await response.text() };
    const xml = await ask(`${path}/revisions/${map.currentRevision}/xml`, 'application/xml').then((answer) => answer.text());
    return { map, xml };
  })();
  const meta = getJson<Meta>('/api/meta');
  const kamus = getJson<{ items: KamusSynonym[] }>('/api/kamus').then(({ items }) => items);
  for (const pending of [opened, meta, kamus]) pending.catch(() => undefined);
  ahead = { mapId: route.id, opened, meta, kamus };
}

/** What openAhead fetched for `mapId`, once; null when nothing was started for it (or it was taken already). */
export function takeOpenedAhead(mapId: string): FetchedAhead | null {
  if (ahead?.mapId !== mapId) return null;
  const { opened, meta, kamus } = ahead;
  ahead = null;
  return { opened, meta, kamus };
}

/** Drops what was fetched ahead (the page that opened does not use it). */
export function dropOpenedAhead(): void {
  ahead = null;
}

async function getJson<T>(path: string): Promise<T> {
  return (await ask(path, 'application/json').then((response) => response.json())) as T;
}

/** `path`'s answer with the session's cookie, as `accept`; a refusal (not 2xx) rejects. */
async function ask(path: string, accept: string): Promise<Response> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: accept } });
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
  return response;
}
