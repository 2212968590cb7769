// Documents that only grow (issue 13, item 2): through the real server, every append route adds at most what its
// field limits allow to the stored document, whatever the client sends; one character over a limit is refused with
// 400 VALIDATION_FAILED and an Indonesian message, and the document on disk is left byte for byte as it was.
// Append routes: SOP versions, lifecycle comments, annotations, replies, status changes, monitoring and evaluation forms.
import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EVALUATION_QUESTIONS, MONITORING_LIMITS } from '../../server/review/review.schema';
import { IDENTITY_LIMITS } from '../../server/sop/identity.schema';
import { mapDocumentPath } from '../../server/store/lowdb-map-store';
import { reviewDocumentPath } from '../../server/store/lowdb-review-store';
import { sopDocumentPath } from '../../server/store/lowdb-sop-store';
import { newSopMap, reviewStep } from '../helpers/review-cycle';
import { startTestServer, type ApiResponse } from '../helpers/server';
import { SOP_IDENTITY } from '../helpers/sop-identity';

const UNIT = 'Dinas Kesehatan';
const server = await startTestServer();
const penyusun = await server.userWith(['penyusun'], UNIT, 'tumbuh-penyusun');
const reviewer = await server.userWith(['reviewer'], UNIT, 'tumbuh-reviewer');
const pengesah = await server.userWith(['pengesah'], UNIT, 'tumbuh-pengesah');

/** JSON writes a character as at most 6 bytes (`\u001f`); a 3-byte character as itself. */
const MAX_BYTES_PER_CHAR = 6;
/** Ids, dates, actor, keys and punctuation of one appended entry. */
const ENTRY_OVERHEAD = 2048;
/** A character JSON writes as 6 bytes, the worst case a client can choose. */
const WIDE = '\u001f';
const text = (n: number) => WIDE.repeat(n);

const sizeOf = async (file: string) => (await stat(file)).size;

/** The growth of `file` caused by `request`, which must succeed. */
async function growth(file: string, request: () => Promise<ApiResponse>): Promise<number> {
  const before = await sizeOf(file);
  const response = await request();
  expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBeLessThan(300);
  return (await sizeOf(file)) - before;
}

/** `request` is refused with 400 and the message naming a limit; `file` is unchanged. */
async function refusedUnchanged(file: string, request: () => Promise<ApiResponse>): Promise<void> {
  const before = await readFile(file);
  const response = await request();
  expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(400);
  expect(response.body.error.code).toBe('VALIDATION_FAILED');
  expect(response.body.error.message).toMatch(/paling banyak|terlalu besar/i);
  expect((await readFile(file)).equals(before)).toBe(true);
}

const seqOf = async (id: string) => (await server.api(`/api/maps/${id}/review`)).body.seq as number;

function fullIdentity(extra = 0) {
  const list = () => Array.from({ length: IDENTITY_LIMITS.items }, () => text(IDENTITY_LIMITS.item));
  return {
    ...SOP_IDENTITY,
    nomor: text(IDENTITY_LIMITS.short),
    namaSop: text(IDENTITY_LIMITS.title),
    peringatan: text(IDENTITY_LIMITS.paragraph + extra),
    disahkanOleh: { ...SOP_IDENTITY.disahkanOleh, jabatan: text(IDENTITY_LIMITS.short), nama: text(IDENTITY_LIMITS.short), pangkat: text(IDENTITY_LIMITS.short) },
    dasarHukum: list(),
    keterkaitan: list(),
    kualifikasiPelaksana: list(),
    peralatan: list(),
    pencatatan: list(),
  };
}
const IDENTITY_CHARS = IDENTITY_LIMITS.short * 4 + 18 + IDENTITY_LIMITS.title + IDENTITY_LIMITS.paragraph + 3 * 10 + 5 * IDENTITY_LIMITS.items * IDENTITY_LIMITS.item;

describe('growth per request of each append-only document', () => {
  it('SOP versions: a save at every field\'s limit adds a bounded version; one character more is refused', async () => {
    const id = await newSopMap(penyusun, UNIT, 'SOP terpanjang');
    const file = sopDocumentPath(server.dataDir, id);
    const added = await growth(file, () => penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 1, identity: fullIdentity() } }));
    expect(added).toBeGreaterThan(IDENTITY_CHARS);
    expect(added).toBeLessThanOrEqual(IDENTITY_CHARS * MAX_BYTES_PER_CHAR + ENTRY_OVERHEAD);
    await refusedUnchanged(file, () => penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 2, identity: fullIdentity(1) } }));
    await refusedUnchanged(file, () =>
      penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 2, identity: { ...SOP_IDENTITY, dasarHukum: Array.from({ length: IDENTITY_LIMITS.items + 1 }, () => 'Perda') } } }),
    );
    // The 12 MB identity field of the report.
    await refusedUnchanged(file, () => penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 2, identity: { ...SOP_IDENTITY, nomor: 'x'.repeat(12 * 1024 * 1024) } } }));
  });

  it('map revisions: a save adds one revision record, its message bounded; one character more is refused', async () => {
    const id = await newSopMap(penyusun, UNIT, 'Peta dengan pesan revisi terpanjang');
    const file = mapDocumentPath(server.dataDir, id);
    const xml = (await penyusun.api(`/api/maps/${id}/revisions/1/xml`)).body as string;
    expect(xml).toContain('definitions');
    const MESSAGE = 2000;
    await refusedUnchanged(file, () => penyusun.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml, baseRevision: 1, message: text(MESSAGE + 1) } }));
    const added = await growth(file, () => penyusun.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml, baseRevision: 1, message: text(MESSAGE) } }));
    expect(added).toBeLessThanOrEqual(MESSAGE * MAX_BYTES_PER_CHAR + ENTRY_OVERHEAD);
  });

  it('lifecycle comments, annotations, replies, status changes, monitoring and evaluation forms add a bounded entry each', async () => {
    const id = await newSopMap(penyusun, UNIT, 'Catatan reviu terpanjang', { ...SOP_IDENTITY, namaSop: 'Catatan reviu terpanjang' });
    const file = reviewDocumentPath(server.dataDir, id);
    const COMMENT = 4000;

    // Lifecycle comments: the first transition creates the record; the next one is measured.
    expect((await reviewStep(server.admin, penyusun, id, 'ajukan', { comment: text(COMMENT) })).status).toBe(200);
    await refusedUnchanged(file, async () => reviewer.api(`/api/maps/${id}/review/transitions`, { method: 'POST', json: { action: 'mulai-reviu', baseSeq: await seqOf(id), comment: text(COMMENT + 1) } }));
    const transitionAdded = await growth(file, async () =>
      reviewer.api(`/api/maps/${id}/review/transitions`, { method: 'POST', json: { action: 'mulai-reviu', baseSeq: await seqOf(id), comment: text(COMMENT) } }),
    );
    expect(transitionAdded).toBeLessThanOrEqual(COMMENT * MAX_BYTES_PER_CHAR + ENTRY_OVERHEAD);

    // Annotations (with the fingerprint of what they anchor, at most 20,000 characters) and replies.
    const anchor = { kind: 'identitas', field: 'namaSop' };
    await refusedUnchanged(file, () => reviewer.api(`/api/maps/${id}/annotations`, { method: 'POST', json: { anchor, body: text(COMMENT + 1) } }));
    let annotationId = '';
    const annotationAdded = await growth(file, async () => {
      const response = await reviewer.api(`/api/maps/${id}/annotations`, { method: 'POST', json: { anchor, body: text(COMMENT) } });
      annotationId = response.body.annotation?.id;
      return response;
    });
    expect(annotationAdded).toBeLessThanOrEqual((COMMENT + 20_000) * MAX_BYTES_PER_CHAR + ENTRY_OVERHEAD);
    await refusedUnchanged(file, () => penyusun.api(`/api/maps/${id}/annotations/${annotationId}/replies`, { method: 'POST', json: { body: text(COMMENT + 1) } }));
    const replyAdded = await growth(file, () => penyusun.api(`/api/maps/${id}/annotations/${annotationId}/replies`, { method: 'POST', json: { body: text(COMMENT) } }));
    expect(replyAdded).toBeLessThanOrEqual(COMMENT * MAX_BYTES_PER_CHAR + ENTRY_OVERHEAD);
    const statusAdded = await growth(file, () => reviewer.api(`/api/maps/${id}/annotations/${annotationId}/status`, { method: 'POST', json: { status: 'selesai' } }));
    expect(statusAdded).toBeLessThanOrEqual(ENTRY_OVERHEAD);

    // Signed, then the forms of an SOP in force.
    expect((await reviewStep(server.admin, reviewer, id, 'setujui')).status).toBe(200);
    const signed = await reviewStep(server.admin, pengesah, id, 'sahkan', { tanggalEfektif: '2026-12-01' });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);

    const row = (prosedur: number = MONITORING_LIMITS.prosedur) => ({ prosedur: text(prosedur), berjalanBaik: false, catatan: text(MONITORING_LIMITS.catatan), tindakan: text(MONITORING_LIMITS.tindakan) });
    const monitoring = (rows: number, prosedur?: number) => ({ tanggal: '2026-12-15', penilai: text(200), rows: Array.from({ length: rows }, () => row(prosedur)) });
    await refusedUnchanged(file, () => reviewer.api(`/api/maps/${id}/monitoring`, { method: 'POST', json: monitoring(MONITORING_LIMITS.rows + 1) }));
    await refusedUnchanged(file, () => reviewer.api(`/api/maps/${id}/monitoring`, { method: 'POST', json: monitoring(1, MONITORING_LIMITS.prosedur + 1) }));
    const monitoringChars = 200 + MONITORING_LIMITS.rows * (MONITORING_LIMITS.prosedur + MONITORING_LIMITS.catatan + MONITORING_LIMITS.tindakan);
    const monitoringAdded = await growth(file, () => reviewer.api(`/api/maps/${id}/monitoring`, { method: 'POST', json: monitoring(MONITORING_LIMITS.rows) }));
    expect(monitoringAdded).toBeLessThanOrEqual(monitoringChars * MAX_BYTES_PER_CHAR + MONITORING_LIMITS.rows * 100 + ENTRY_OVERHEAD);
    // The 2.5 MB form of the report (500 rows at the old limits) is refused.
    expect(monitoringChars * 2).toBeLessThan(2.5 * 1024 * 1024);

    const evaluation = (extra = 0) => ({
      tanggal: '2026-12-20',
      penilai: text(200),
      answers: EVALUATION_QUESTIONS.map((q) => ({ key: q.key, ya: true, catatan: text(2000) })),
      kesimpulan: text(4000 + extra),
    });
    await refusedUnchanged(file, () => reviewer.api(`/api/maps/${id}/evaluasi`, { method: 'POST', json: evaluation(1) }));
    const evaluationChars = 200 + EVALUATION_QUESTIONS.length * 2000 + 4000;
    const evaluationAdded = await growth(file, () => reviewer.api(`/api/maps/${id}/evaluasi`, { method: 'POST', json: evaluation() }));
    expect(evaluationAdded).toBeLessThanOrEqual(evaluationChars * MAX_BYTES_PER_CHAR + ENTRY_OVERHEAD);
  });
});

