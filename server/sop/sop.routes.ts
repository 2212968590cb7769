// HTTP routes of SOP documents: the SOP record of a map, its HTML preview and PDF, and unit letterheads.
import { Router } from 'express';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import { MapParams } from '../maps/maps.schema';
import { Letterhead, UnitParams } from './letterhead.schema';
import type { SopService } from './sop.service';
import { sopFileName } from './file-name';
import { PutSopBody, SopPreviewBody, SopRenderQuery } from './sop.schema';

export function sopRouter(sop: SopService): Router {
  const router = Router();

  router.get('/maps/:id/sop', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    res.json(await sop.get(actor(req), params.id));
  }));

  router.put('/maps/:id/sop', permit('maps:write'), validated({ params: MapParams, body: PutSopBody }, async ({ params, body }, req, res) => {
    const { record, unchanged } = await sop.put(actor(req), params.id, body);
    // An unchanged identity keeps the current version (200, `unchanged: true`).
    res.json({ record, ...(unchanged ? { unchanged: true } : {}) });
  }));

  router.get('/maps/:id/sop.html', permit('maps:read'), validated({ params: MapParams, query: SopRenderQuery }, async ({ params, query }, req, res) => {
    const rendered = await sop.render(actor(req), params.id, query.revision, { appendix: query.lampiran === 'diagram' });
    // The preview is shown in an iframe of the app itself; it carries no script.
    res.set({ 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'" });
    res.type('text/html; charset=utf-8').send(rendered.html);
  }));

  router.post('/maps/:id/sop/preview', permit('maps:read'), validated({ params: MapParams, body: SopPreviewBody }, async ({ params, body }, req, res) => {
    const rendered = await sop.render(actor(req), params.id, undefined, { draft: body });
    res.type('text/html; charset=utf-8').send(rendered.html);
  }));

  router.get('/maps/:id/sop.pdf', permit('maps:read'), validated({ params: MapParams, query: SopRenderQuery }, async ({ params, query }, req, res) => {
    const rendered = await sop.pdf(actor(req), params.id, query.revision, { appendix: query.lampiran === 'diagram' });
    res.set('Content-Disposition', `attachment; filename="${sopFileName(rendered.title, rendered.revision)}"`);
    res.type('application/pdf').send(Buffer.from(rendered.pdf));
  }));

  router.get('/maps/:id/sop.docx', permit('maps:read'), validated({ params: MapParams, query: SopRenderQuery }, async ({ params, query }, req, res) => {
    const { docx, title, revision } = await sop.docx(actor(req), params.id, query.revision);
    res.set('Content-Disposition', `attachment; filename="${sopFileName(title, revision).replace(/\.pdf$/, '.docx')}"`);
    res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(Buffer.from(docx));
  }));

  router.get('/units/:unit/letterhead', permit('maps:read'), validated({ params: UnitParams }, async ({ params }, req, res) => {
    res.json({ letterhead: await sop.letterhead(actor(req), params.unit) });
  }));

  router.put('/units/:unit/letterhead', permit('maps:read'), validated({ params: UnitParams, body: Letterhead }, async ({ params, body }, req, res) => {
    res.json({ letterhead: await sop.putLetterhead(actor(req), params.unit, body) });
  }));

  return router;
}
