// HTTP routes of the process-map repository; thin: parse, call the service, answer.
import express, { Router } from 'express';
import { MAX_XML_BYTES } from '../bpmn/xml-guard';
import { validated } from '../http/validated';
import { CreateMapBody, ImportQuery, ListMapsQuery, MapParams, PatchMapBody, RevisionParams, SaveRevisionBody } from './maps.schema';
import type { MapsService } from './maps.service';

export function mapsRouter(maps: MapsService): Router {
  const router = Router();

  router.get('/maps', validated({ query: ListMapsQuery }, async ({ query }, req, res) => {
    const { body, etag } = await maps.listEncoded(query);
    res.set({ ETag: etag, 'Cache-Control': 'no-cache' });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(body);
  }));

  router.post('/maps', validated({ body: CreateMapBody }, async ({ body }, _req, res) => {
    res.status(201).json({ map: await maps.create(body) });
  }));

  router.get('/maps/:id', validated({ params: MapParams }, async ({ params }, _req, res) => {
    res.json({ map: await maps.get(params.id) });
  }));

  router.patch('/maps/:id', validated({ params: MapParams, body: PatchMapBody }, async ({ params, body }, _req, res) => {
    res.json({ map: await maps.update(params.id, body) });
  }));

  router.get('/maps/:id/revisions', validated({ params: MapParams }, async ({ params }, _req, res) => {
    res.json({ items: await maps.revisions(params.id) });
  }));

  router.post('/maps/:id/revisions', validated({ params: MapParams, body: SaveRevisionBody }, async ({ params, body }, _req, res) => {
    res.status(201).json(await maps.saveRevision(params.id, body));
  }));

  router.get('/maps/:id/revisions/:n/xml', validated({ params: RevisionParams }, async ({ params }, _req, res) => {
    const xml = await maps.revisionXml(params.id, params.n);
    res.type('application/xml').send(xml);
  }));

  router.post(
    '/import',
    express.text({ type: () => true, limit: MAX_XML_BYTES }),
    validated({ query: ImportQuery }, async ({ query }, req, res) => {
      const xml = typeof req.body === 'string' ? req.body : '';
      res.status(201).json({ map: await maps.import(xml, query) });
    }),
  );

  return router;
}
