// Opening a map starts before the session and the router are ready: the modeller's code and the map's current XML
// are asked for at once, side by side, so neither waits on the other nor on the session requests (issue 16).
import type { ProcessMap } from '../../api/types';
import { parseHash } from '../../router';

export interface OpenedAhead {
  map: ProcessMap;
  xml: string;
}

let ahead: { mapId: string; result: Promise<OpenedAhead> } | null = null;

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
  const result = (async () => {
    const { map } = (await ok(fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })).then((response) => response.json())) as { map: ProcessMap };
    const xml = await ok(fetch(`${path}/revisions/${map.currentRevision}/xml`, { credentials: 'same-origin', headers: { Accept: 'application/xml' } })).then((response) => response.text());
    return { map, xml };
  })();
  result.catch(() => undefined);
  ahead = { mapId: route.id, result };
}

/** What openAhead fetched for `mapId`, once; null when nothing was started for it (or it was taken already). */
export function takeOpenedAhead(mapId: string): Promise<OpenedAhead> | null {
  if (ahead?.mapId !== mapId) return null;
  const { result } = ahead;
  ahead = null;
  return result;
}

/** Drops what was fetched ahead (the page that opened does not use it). */
export function dropOpenedAhead(): void {
  ahead = null;
}

async function ok(pending: Promise<Response>): Promise<Response> {
  const response = await pending;
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
  return response;
}
