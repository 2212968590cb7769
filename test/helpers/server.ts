// The real Petakerja HTTP server on a temporary data directory, and a small JSON client for it.
import { afterAll } from 'vitest';
import { startServer, type RunningServer } from '../../server/server';
import { tempDir } from './temp-dir';

export interface TestServer extends RunningServer {
  dataDir: string;
  logs: string[];
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<{ status: number; body: any; headers: Headers }>;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = await tempDir('petakerja-server-');
  const logs: string[] = [];
  const running = await startServer({ dataDir, port: 0, host: '127.0.0.1', log: (line) => logs.push(line) });
  afterAll(() => running.close());
  return {
    ...running,
    dataDir,
    logs,
    async api(path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('content-type', 'application/json');
      const response = await fetch(running.url + path, {
        ...rest,
        headers,
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
      const text = await response.text();
      const isJson = response.headers.get('content-type')?.includes('json');
      return { status: response.status, body: isJson ? JSON.parse(text) : text, headers: response.headers };
    },
  };
}
