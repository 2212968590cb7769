// Requests and events of SOP batch exports (docs/api.md, "SOP batch export").
import { z } from 'zod';

export const ExportFormat = z.enum(['zip', 'buku'], { error: 'Format ekspor harus "zip" atau "buku".' });
export type ExportFormat = z.infer<typeof ExportFormat>;

export const StartExportBody = z.strictObject({ format: ExportFormat });

export const JobParams = z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Nomor ekspor tidak sah.') });

/** What the event stream sends, in order: progress (0…total), then exactly one of done or error. */
export type ExportEvent =
  | { type: 'progress'; data: { done: number; total: number; current: string } }
  | { type: 'done'; data: { downloadUrl: string; fileName: string; count: number; pages?: number } }
  | { type: 'error'; data: { code: string; message: string } };
