// HTTP routes of SOP batch exports: start a job for a unit, follow it as Server-Sent Events, download its file.
import { Router } from 'express';
import { actor, permit } from '../../http/auth';
import { validated } from '../../http/validated';
import { UnitParams } from '../letterhead.schema';
import type { ExportJobs } from './render-export';
import { JobParams, StartExportBody } from './export.schema';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

export function sopExportRouter(jobs: ExportJobs): Router {
  const router = Router();

  router.post('/units/:unit/sop-exports', permit('maps:read'), validated({ params: UnitParams, body: StartExportBody }, async ({ params, body }, req, res) => {
    const job = await jobs.start(actor(req), params.unit, body.format, { includeDrafts: body.includeDrafts });
    res.status(202).json({ jobId: job.id, eventsUrl: `/api/sop-exports/${job.id}/events` });
  }));

  // What an export of the unit would hold: the SOPs in force and the drafts (left out unless asked for).
  router.get('/units/:unit/sop-exports/summary', permit('maps:read'), validated({ params: UnitParams }, async ({ params }, req, res) => {
    res.json(await jobs.summary(actor(req), params.unit));
  }));

  router.get('/sop-exports/:jobId/events', permit('maps:read'), validated({ params: JobParams }, async ({ params }, req, res) => {
    const lastId = Number.parseInt(String(req.get('last-event-id') ?? '0'), 10);
    // Followed before the headers go out, so an unknown job is still a 404; its first events wait for the headers.
    let open = false;
    let ended = false;
    const waiting: string[] = [];
    let heartbeat: NodeJS.Timeout | undefined;
    let unsubscribe = (): void => undefined;
    const end = () => {
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      if (open && !res.writableEnded) res.end();
    };
    const followed = await jobs.follow(actor(req), params.jobId, Number.isFinite(lastId) ? lastId : 0, (event) => {
      const text = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
      if (open) res.write(text);
      else waiting.push(text);
      // The stream ends with the job: the client closes its EventSource on done or error.
      if (event.type !== 'progress') setImmediate(end);
    }, () => setImmediate(end));
    unsubscribe = followed.unsubscribe;
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    res.write('retry: 3000\n\n');
    for (const text of waiting) res.write(text);
    open = true;
    if (ended || followed.finished) {
      end();
      return;
    }
    heartbeat = setInterval(() => res.write(': tetap tersambung\n\n'), HEARTBEAT_MS);
    req.on('close', end);
    // A client gone while the job was being read is not heard closing any more.
    if (req.socket.destroyed) end();
  }));

  // Cancels a running job, or drops a finished one and its file; the starter only (docs/api.md).
  router.delete('/sop-exports/:jobId', permit('maps:read'), validated({ params: JobParams }, async ({ params }, req, res) => {
    await jobs.cancel(actor(req), params.jobId);
    res.status(204).end();
  }));

  router.get('/sop-exports/:jobId/file', permit('maps:read'), validated({ params: JobParams }, async ({ params }, req, res) => {
    const file = await jobs.download(actor(req), params.jobId);
    res.set('Content-Disposition', `attachment; filename="${file.name}"`);
    res.type(file.type);
    if ('bytes' in file) {
      res.send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      return;
    }
    await new Promise<void>((resolve, reject) => res.sendFile(file.path, { dotfiles: 'allow', cacheControl: false, lastModified: false }, (error) => (error ? reject(error) : resolve())));
  }));

  return router;
}
