// HTTP routes of the review cycle (docs/review.md): the lifecycle of a map's SOP, its readiness, annotations, and the
// inbox of what waits for the signed-in user. Thin: parse, call the service, answer.
import { Router } from 'express';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import { MapParams } from '../maps/maps.schema';
import type { AnnotationsService } from './annotations.service';
import { inboxOf } from './inbox';
import { AnnotationParams, AnnotationsQuery, AnnotationStatusBody, NewAnnotationBody, ReplyBody, TransitionBody } from './review.api.schema';
import type { ReviewService } from './review.service';
import type { ReviewStore } from './review-store';
import type { MapsService } from '../maps/maps.service';

export interface ReviewRouteDeps {
  review: ReviewService;
  annotations: AnnotationsService;
  reviews: ReviewStore;
  maps: MapsService;
  /**
   * The address users reach the app at, for verification links: the confirmed setting (SettingsService). Never taken
   * from a request; while there is none, signing is refused and links are relative.
   */
  publicUrl?: () => string | undefined;
}

export function reviewRouter({ review, annotations, reviews, maps, publicUrl }: ReviewRouteDeps): Router {
  const router = Router();
  const baseUrl = () => publicUrl?.()?.replace(/\/+$/, '');

  router.get('/maps/:id/review', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    res.json(await review.view(actor(req), params.id, baseUrl() ?? ''));
  }));

  router.get('/maps/:id/review/readiness', permit('maps:read'), validated({ params: MapParams }, async ({ params }, req, res) => {
    res.json(await review.readiness(actor(req), params.id));
  }));

  // Roles are checked per transition by the lifecycle table (lifecycle.ts).
  router.post('/maps/:id/review/transitions', permit('maps:read'), validated({ params: MapParams, body: TransitionBody }, async ({ params, body }, req, res) => {
    res.json(await review.transition(actor(req), params.id, body, baseUrl(), req.ip ?? ''));
  }));

  router.get('/maps/:id/annotations', permit('maps:read'), validated({ params: MapParams, query: AnnotationsQuery }, async ({ params, query }, req, res) => {
    res.json(await annotations.list(actor(req), params.id, query.revision));
  }));

  router.post('/maps/:id/annotations', permit('review:annotate'), validated({ params: MapParams, body: NewAnnotationBody }, async ({ params, body }, req, res) => {
    res.status(201).json({ annotation: await annotations.add(actor(req), params.id, body) });
  }));

  router.post('/maps/:id/annotations/:aid/replies', permit('review:annotate'), validated({ params: AnnotationParams, body: ReplyBody }, async ({ params, body }, req, res) => {
    res.status(201).json({ annotation: await annotations.reply(actor(req), params.id, params.aid, body.body) });
  }));

  router.post('/maps/:id/annotations/:aid/status', permit('review:annotate'), validated({ params: AnnotationParams, body: AnnotationStatusBody }, async ({ params, body }, req, res) => {
    res.json({ annotation: await annotations.setStatus(actor(req), params.id, params.aid, body.status) });
  }));

  router.get('/review/inbox', permit('maps:read'), async (req, res) => {
    res.json({ items: await inboxOf(actor(req), reviews, maps) });
  });

  return router;
}
