// HTTP routes of the process-map repository; thin: parse, call the service, answer.
import express, { Router } from 'express';
import { MAX_XML_BYTES } from '../bpmn/xml-guard';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import { CreateDetailMapBody, CreateMapBody, ImportQuery, LinksQuery, ListMapsQuery, MapParams, MoveMapBody, PatchMapBody, RevisionParams, SaveRevisionBody } from './maps.schema';
import type { MapsService } from './maps.service';

export function mapsRouter(maps: MapsService): Router {
  const router = Router();

  router.get('/maps', permit('maps:read'), validated({ query: ListMapsQuery }, async ({ query }, req, res) => {
    const { limit, offset, ...filter } = query;
    // With `limit`, one page `{ items, total }`; without, the whole listing `{ items }` as ever (the CLI, the hierarchy).
    const { chunks, bytes, etag } = limit === undefined ? await maps.listEncoded(actor(req), filter) : await maps.listPage(actor(req), filter, { limit, offset: offset ?? 0 });
    res.set({ ETag: etag, 'Cache-Control': 'no-cache' });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    // The listing's chunks as they are (the whole listing is the index's blocks): no body-sized copy per request.
    res.set({ 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(bytes) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    res.cork();
    for (const chunk of chunks) res.write(chunk);
    res.end();
  }));

  router.get('/templates', permit('maps:read'), (_req, res) => {
    res.json({ items: maps.templateCatalog() });
  });

  router.post('/maps', permit('maps:write'), validated({ body: CreateMapBody }, async ({ body }, req, res) => {
    res.status(201).json({ map: await maps.create(actor(req), body) });
  }));

  router.get('/maps/:id', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    res.json({ map: await maps.get(actor(req), params.id) });
  }));

  router.patch('/maps/:id', permit('maps:write'), validated({ params: MapParams, body: PatchMapBody }, async ({ params, body }, req, res) => {
    res.json({ map: await maps.update(actor(req), params.id, body) });
  }));

  // The hierarchy (docs/hierarchy.md): move a subtree, the breadcrumb, the children, and where call activities lead.
  router.post('/maps/:id/move', permit('maps:write'), validated({ params: MapParams, body: MoveMapBody }, async ({ params, body }, req, res) => {
    res.json(await maps.move(actor(req), params.id, body));
  }));

  router.post('/maps/:id/rincian', permit('maps:write'), validated({ params: MapParams, body: CreateDetailMapBody }, async ({ params, body }, req, res) => {
    res.status(201).json(await maps.createDetailMap(actor(req), params.id, body));
  }));

  router.get('/maps/:id/ancestors', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    res.json({ items: await maps.ancestors(actor(req), params.id) });
  }));

  router.get('/maps/:id/children', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    res.json({ items: await maps.children(actor(req), params.id) });
  }));

  router.get('/maps/:id/links', permit('maps:read'), validated({ params: MapParams, query: LinksQuery }, async ({ params, query }, req, res) => {
    res.json(await maps.links(actor(req), params.id, query.revision));
  }));

  router.get('/maps/:id/revisions', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    res.json({ items: await maps.revisions(actor(req), params.id) });
  }));

  router.post('/maps/:id/revisions', permit('maps:write'), validated({ params: MapParams, body: SaveRevisionBody }, async ({ params, body }, req, res) => {
    res.status(201).json(await maps.saveRevision(actor(req), params.id, body));
  }));

  router.get('/maps/:id/xml', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    const { n, xml } = await maps.currentXml(actor(req), params.id);
    res.set('X-Petakerja-Revision', String(n)).type('application/xml').send(xml);
  }));

  router.get('/maps/:id/revisions/:n/xml', permit('maps:read'), validated({ params: RevisionParams }, async ({ params }, req, res) => {
    const xml = await maps.revisionXml(actor(req), params.id, params.n);
    res.type('application/xml').send(xml);
  }));

  // Imports take the file's bytes as they are (any content type): the import reader decodes them (docs/import.md).
  const fileBytes = express.raw({ type: () => true, limit: MAX_XML_BYTES });
  const bytesOf = (body: unknown): Uint8Array => (body instanceof Uint8Array ? body : new Uint8Array());

  router.post('/import/preview', permit('maps:write'), fileBytes, async (req, res) => {
    res.json(await maps.previewImport(bytesOf(req.body)));
  });

  router.post(
    '/import',
    permit('maps:write'),
    fileBytes,
    validated({ query: ImportQuery }, async ({ query }, req, res) => {
      res.status(201).json(await maps.import(actor(req), bytesOf(req.body), query));
    }),
  );

  router.get('/maps/:id/original', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    const original = await maps.original(actor(req), params.id);
    res.attachment(original.downloadName);
    res.type('application/octet-stream').send(Buffer.from(original.bytes));
  }));

  return router;
}
