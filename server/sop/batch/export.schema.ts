// Requests and events of SOP batch exports (docs/api.md, "SOP batch export").
import { z } from 'zod';

export const ExportFormat = z.enum(['zip', 'buku'], { error: 'Format ekspor harus "zip" atau "buku".' });
export type ExportFormat = z.infer<typeof ExportFormat>;

/** `includeDrafts`: add the SOPs not in force, printed now and marked DRAF on every page (default: only signed ones). */
export const StartExportBody = z.strictObject({
  format: ExportFormat,
  includeDrafts: z.boolean({ error: 'Pilihan "sertakan draf" harus true atau false.' }).default(false),
});

export const JobParams = z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Nomor ekspor tidak sah.') });

/** What the event stream sends, in order: progress (0…total), then exactly one of done or error. */
export type ExportEvent =
  | { type: 'progress'; data: { done: number; total: number; current: string } }
  | { type: 'done'; data: { downloadUrl: string; fileName: string; count: number; signed: number; drafts: number; pages?: number } }
  | { type: 'error'; data: { code: string; message: string } };
