// HTTP routes of the monitoring and evaluation forms of an SOP in force (docs/evaluation.md). Paths without /api.
import { Router, type Response } from 'express';
import { actor, permit } from '../../http/auth';
import { validated } from '../../http/validated';
import { MapParams } from '../../maps/maps.schema';
import { safeFileNamePart } from '../../sop/file-name';
import { DueQuery, EvaluationInput, FormParams, MonitoringInput } from './evaluation.schema';
import type { EvaluationService, FormKind, PrintedForm } from './evaluation.service';

/** The printed form is shown in an iframe or tab of the app itself; it carries no script. */
const HTML_HEADERS = {
  'X-Frame-Options': 'SAMEORIGIN',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'",
};

const sendHtml = (res: Response, form: PrintedForm) => res.set(HTML_HEADERS).type('text/html; charset=utf-8').send(form.html);

/** "Monitoring-Nama-SOP-2026-07-01.pdf", made safe as SOP files are. */
const fileName = (form: PrintedForm) => `${safeFileNamePart(form.title, 100) || 'formulir'}.pdf`;

export function evaluationRouter(service: EvaluationService): Router {
  const router = Router();

  for (const [segment, kind] of [['monitoring', 'monitoring'], ['evaluasi', 'evaluasi']] as const satisfies ReadonlyArray<readonly [string, FormKind]>) {
    router.get(`/maps/:id/${segment}`, permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
      res.json(kind === 'monitoring' ? await service.monitorings(actor(req), params.id) : await service.evaluations(actor(req), params.id));
    }));

    if (kind === 'monitoring') {
      router.post(`/maps/:id/${segment}`, permit('maps:read'), validated({ params: MapParams, body: MonitoringInput }, async ({ params, body }, req, res) => {
        res.status(201).json({ monitoring: await service.addMonitoring(actor(req), params.id, body) });
      }));
    } else {
      router.post(`/maps/:id/${segment}`, permit('maps:read'), validated({ params: MapParams, body: EvaluationInput }, async ({ params, body }, req, res) => {
        res.status(201).json({ evaluation: await service.addEvaluation(actor(req), params.id, body) });
      }));
    }

    // Before /:mid.pdf, which would take "formulir" as an id.
    router.get(`/maps/:id/${segment}/formulir.pdf`, permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
      const form = await service.blank(actor(req), params.id, kind);
      const pdf = await service.pdf(form);
      res.set('Content-Disposition', `attachment; filename="${fileName(form)}"`).type('application/pdf').send(Buffer.from(pdf));
    }));

    router.get(`/maps/:id/${segment}/formulir.html`, permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
      sendHtml(res, await service.blank(actor(req), params.id, kind));
    }));

    router.get(`/maps/:id/${segment}/:mid.html`, permit('maps:read'), validated({ params: FormParams }, async ({ params }, req, res) => {
      sendHtml(res, await service.printed(actor(req), params.id, kind, params.mid));
    }));

    router.get(`/maps/:id/${segment}/:mid.pdf`, permit('maps:read'), validated({ params: FormParams }, async ({ params }, req, res) => {
      const form = await service.printed(actor(req), params.id, kind, params.mid);
      const pdf = await service.pdf(form);
      res.set('Content-Disposition', `attachment; filename="${fileName(form)}"`).type('application/pdf').send(Buffer.from(pdf));
    }));
  }

  router.get('/review/evaluations-due', permit('maps:read'), validated({ query: DueQuery }, async ({ query }, req, res) => {
    res.json({ items: await service.dueForEvaluation(actor(req), query.per) });
  }));

  return router;
}
