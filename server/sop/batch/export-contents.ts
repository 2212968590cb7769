// What a unit's SOP export holds (issue 15, item 3): by default only the SOPs in force — signed, neither withdrawn nor
// replaced — exactly as signed (the stored PDF, checked against its sha256); the unit's other SOP maps are drafts, left
// out unless asked for. The dialog shows this summary before the export starts.
import { createHash } from 'node:crypto';
import { AppError } from '../../errors';
import type { ReviewState, Signature } from '../../review/review.schema';
import { signatureInForce, stateOf, STATE_LABELS } from '../../review/review.schema';
import type { ReviewStore } from '../../review/review-store';
import type { ProcessMap } from '../../store/records';

export type ExportItem =
  | { kind: 'disahkan'; map: ProcessMap; signature: Signature }
  | { kind: 'draf'; map: ProcessMap; state: ReviewState };

/** GET /api/units/:unit/sop-exports/summary: what an export of the unit holds, in order of code. */
export interface ExportSummary {
  unit: string;
  signed: Array<{ mapId: string; title: string; nomor: string; code: string; revision: number; tanggalEfektif: string }>;
  drafts: Array<{ mapId: string; title: string; state: ReviewState; stateLabel: string; revision: number }>;
}

/** Sorts the unit's SOP maps into those in force (with their signed SOP) and drafts (with their review state). */
export async function exportItems(reviews: Pick<ReviewStore, 'get'>, maps: ProcessMap[]): Promise<ExportItem[]> {
  return Promise.all(
    maps.map(async (map): Promise<ExportItem> => {
      const doc = await reviews.get(map.id);
      const signature = signatureInForce(doc);
      return signature ? { kind: 'disahkan', map, signature } : { kind: 'draf', map, state: stateOf(doc) };
    }),
  );
}

export function summaryOf(unit: string, items: ExportItem[]): ExportSummary {
  const summary: ExportSummary = { unit, signed: [], drafts: [] };
  for (const item of items) {
    if (item.kind === 'disahkan') {
      const { signature } = item;
      summary.signed.push({ mapId: item.map.id, title: signature.title, nomor: signature.nomor, code: signature.code, revision: signature.revision, tanggalEfektif: signature.tanggalEfektif });
    } else {
      summary.drafts.push({ mapId: item.map.id, title: item.map.name, state: item.state, stateLabel: STATE_LABELS[item.state], revision: item.map.currentRevision });
    }
  }
  return summary;
}

/** The signed PDF's bytes as stored, refused unless they still match the sha256 recorded at signing. */
export async function signedPdfBytes(reviews: Pick<ReviewStore, 'readFile'>, title: string, signature: Signature): Promise<Uint8Array> {
  const damaged = () =>
    new AppError(
      500,
      'SOP_SIGNED_PDF_DAMAGED',
      `PDF SOP "${title}" yang disahkan (kode ${signature.code}) hilang atau rusak di penyimpanan; ekspor dihentikan. Pulihkan dari cadangan atau hubungi admin.`,
    );
  const bytes = await reviews.readFile(signature.pdf.sha256).catch(() => {
    throw damaged();
  });
  if (createHash('sha256').update(bytes).digest('hex') !== signature.pdf.sha256) throw damaged();
  return bytes;
}
