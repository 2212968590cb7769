// Builds the express application from its dependencies, without listening (main and tests both use it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { z } from 'zod';
import { MAX_XML_BYTES } from './bpmn/xml-guard';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { metaRouter } from './http/meta.routes';
import { mapsRouter } from './maps/maps.routes';
import type { MapsService } from './maps/maps.service';

export interface AppDeps {
  maps: MapsService;
  /** The built client (dist/client); the SPA is served from here. */
  clientDir: string;
  log?: (line: string) => void;
}

// Validation messages of zod reach users: make them Indonesian.
z.config(z.locales.id());

/** JSON bodies carry XML escaped inside a string: leave room for the escaping. */
const JSON_LIMIT_BYTES = Math.ceil(MAX_XML_BYTES * 1.25) + 64 * 1024;

export function createApp({ maps, clientDir, log = console.error }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag hashed over every API answer; the map listing sets its own (static files keep theirs).
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });

  const api = express.Router();
  api.use(express.json({ limit: JSON_LIMIT_BYTES }));
  api.use(metaRouter(maps));
  api.use(mapsRouter(maps));
  api.use(notFoundHandler);
  app.use('/api', api);

  app.use(express.static(clientDir, { index: false, maxAge: '1h', immutable: false }));
  const indexHtml = path.join(clientDir, 'index.html');
  app.get(/.*/, (_req, res) => {
    if (existsSync(indexHtml)) {
      res.set('Cache-Control', 'no-cache').sendFile(indexHtml);
    } else {
      res.status(503).type('text/plain; charset=utf-8').send('Antarmuka Petakerja belum dibangun. Jalankan: npm run build');
    }
  });
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
