// Talks to the SOP batch export API (docs/api.md, "SOP batch export"): starts a job, follows its Server-Sent Events.
import { ApiError, CSRF_HEADER } from '../../api/client';

export type ExportFormat = 'zip' | 'buku';

export interface ExportProgress {
  done: number;
  total: number;
  current: string;
}

export interface ExportDone {
  downloadUrl: string;
  fileName: string;
  count: number;
  signed: number;
  drafts: number;
  pages?: number;
}

export type { ExportSummary } from '../../../../server/sop/batch/export-contents';

export interface ExportHandlers {
  progress(progress: ExportProgress): void;
  done(result: ExportDone): void;
  failed(message: string): void;
}

export async function startExport(unit: string, format: ExportFormat, includeDrafts: boolean, csrfToken: string | null): Promise<{ jobId: string; eventsUrl: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/units/${encodeURIComponent(unit)}/sop-exports`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(csrfToken ? { [CSRF_HEADER]: csrfToken } : {}) },
      body: JSON.stringify({ format, includeDrafts }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Tidak dapat menghubungi server. Periksa sambungan Anda lalu coba lagi.');
  }
  const body = (await response.json().catch(() => ({}))) as { jobId?: string; eventsUrl?: string; error?: { code?: string; message?: string } };
  if (!response.ok || !body.jobId || !body.eventsUrl) {
    throw new ApiError(response.status, body.error?.code ?? `HTTP_${response.status}`, body.error?.message ?? `Ekspor SOP tidak dapat dimulai (kesalahan ${response.status}).`);
  }
  return { jobId: body.jobId, eventsUrl: body.eventsUrl };
}

/** Cancels a running job (its remaining SOPs are not printed) or drops a finished one; resolves once it stopped. */
export async function cancelExport(jobId: string, csrfToken: string | null): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/sop-exports/${encodeURIComponent(jobId)}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(csrfToken ? { [CSRF_HEADER]: csrfToken } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Tidak dapat menghubungi server. Periksa sambungan Anda lalu coba lagi.');
  }
  // Already gone (expired, finished and dropped): nothing left to cancel.
  if (response.ok || response.status === 404) return;
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  throw new ApiError(response.status, body.error?.code ?? `HTTP_${response.status}`, body.error?.message ?? `Ekspor SOP tidak dapat dibatalkan (kesalahan ${response.status}).`);
}

/** Follows a job until done or error; the returned function stops following (the job itself runs on). */
export function followExport(eventsUrl: string, handlers: ExportHandlers): () => void {
  const source = new EventSource(eventsUrl);
  let finished = false;
  const finish = () => {
    finished = true;
    source.close();
  };
  const parse = (event: Event): unknown => JSON.parse((event as MessageEvent<string>).data);
  source.addEventListener('progress', (event) => handlers.progress(parse(event) as ExportProgress));
  source.addEventListener('done', (event) => {
    finish();
    handlers.done(parse(event) as ExportDone);
  });
  source.addEventListener('error', (event) => {
    if (finished) return;
    // The server's own "error" event carries data; a failed connection does not.
    if (event instanceof MessageEvent && typeof event.data === 'string') {
      finish();
      handlers.failed((parse(event) as { message: string }).message);
    } else if (source.readyState === EventSource.CLOSED) {
      finish();
      handlers.failed('Sambungan ke server terputus atau ekspor ini sudah kedaluwarsa. Mulai ekspor baru.');
    }
    // Otherwise the browser reconnects by itself and the server resumes after the last event received.
  });
  return finish;
}
