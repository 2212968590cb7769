// A new map of Dinas Kesehatan made from a library map (processes/library), through the API: for browser tests.
import path from 'node:path';
import { expect } from 'vitest';
import { readText, ROOT } from './fixtures';
import type { TestServer } from './server';

export function libraryMapMaker(server: TestServer, file = 'penunjukan-dalam-unit.bpmn'): (name: string) => Promise<string> {
  const xml = readText(path.join(ROOT, 'processes/library', file));
  return async (name) => {
    const created = await server.api('/api/maps', { method: 'POST', json: { name, kind: 'mekanisme-kerja', unit: 'Dinas Kesehatan', xml } });
    expect(created.status).toBe(201);
    return created.body.map.id;
  };
}
