// Review steps in the audit log (issue 15, item 6): a full cycle through the real server — submit, send back,
// resubmit, approve, sign, withdraw — and each step read back from GET /api/audit with who, when, map, from → to
// state and comment. Real store on a temp dir, real lint, real Chromium for the signed PDF.
import { describe, expect, it } from 'vitest';
import { newSopMap, reviewStep } from '../helpers/review-cycle';
import { startTestServer } from '../helpers/server';
import { SOP_IDENTITY } from '../helpers/sop-identity';

const server = await startTestServer();
const UNIT = 'Dinas Perhubungan';
const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun.hub');
const reviewer = await server.userWith(['reviewer'], UNIT, 'reviewer.hub');
const pengesah = await server.userWith(['pengesah'], UNIT, 'pengesah.hub');

describe('review steps in the audit log', () => {
  it('writes every step of a full cycle to /api/audit, filterable by event and user', async () => {
    const id = await newSopMap(penyusun, UNIT, 'Izin trayek', { ...SOP_IDENTITY, namaSop: 'Izin trayek' });
    const steps: Array<[typeof penyusun, string, Record<string, unknown>]> = [
      [penyusun, 'ajukan', { comment: 'Mohon direviu' }],
      [reviewer, 'mulai-reviu', {}],
      [reviewer, 'minta-perbaikan', { comment: 'Lengkapi dasar hukum' }],
      [penyusun, 'ajukan', {}],
      [reviewer, 'mulai-reviu', {}],
      [reviewer, 'setujui', { comment: 'Sudah sesuai' }],
      [pengesah, 'sahkan', { tanggalEfektif: '2026-12-01' }],
      [pengesah, 'cabut', { comment: 'Diganti peraturan baru' }],
    ];
    for (const [client, action, extra] of steps) {
      const answer = await reviewStep(server.admin, client, id, action, extra);
      expect(answer.status, `${action}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
    const record = (await server.api(`/api/maps/${id}/review`)).body;
    const code = record.signatures[0].code as string;

    const audit = await server.api('/api/audit?limit=1000');
    expect(audit.status).toBe(200);
    const reviewEvents = (audit.body.items as any[]).filter((e) => e.review?.mapId === id).reverse();
    expect(reviewEvents.map((e) => [e.event, e.username, e.review.from, e.review.to, e.review.comment ?? ''])).toEqual([
      ['sop-ajukan', 'penyusun.hub', 'draf', 'diajukan', 'Mohon direviu'],
      ['sop-mulai-reviu', 'reviewer.hub', 'diajukan', 'direviu', ''],
      ['sop-minta-perbaikan', 'reviewer.hub', 'direviu', 'perlu-perbaikan', 'Lengkapi dasar hukum'],
      ['sop-ajukan', 'penyusun.hub', 'perlu-perbaikan', 'diajukan', ''],
      ['sop-mulai-reviu', 'reviewer.hub', 'diajukan', 'direviu', ''],
      ['sop-setujui', 'reviewer.hub', 'direviu', 'disetujui', 'Sudah sesuai'],
      ['sop-sahkan', 'pengesah.hub', 'disetujui', 'disahkan', ''],
      ['sop-cabut', 'pengesah.hub', 'disahkan', 'dicabut', 'Diganti peraturan baru'],
    ]);
    // The same moment as the map's own record, and the map named as the log's reader knows it.
    const transitions = [...record.transitions].reverse();
    expect(reviewEvents.map((e) => e.at)).toEqual(transitions.map((t: any) => t.at));
    for (const event of reviewEvents) {
      expect(event.review).toMatchObject({ mapName: 'Izin trayek', unit: UNIT, revision: 1 });
      expect(event.ip).toMatch(/127\.0\.0\.1/);
    }
    expect(reviewEvents.find((e) => e.event === 'sop-sahkan').review.code).toBe(code);
    expect(reviewEvents.find((e) => e.event === 'sop-cabut').review.code).toBe(code);

    const signed = await server.api('/api/audit?event=sop-sahkan&user=pengesah.hub');
    expect(signed.status).toBe(200);
    expect(signed.body.items.map((e: any) => e.review.mapId)).toEqual([id]);
  });

  it('writes nothing for a refused step', async () => {
    const id = await newSopMap(penyusun, UNIT, 'Izin bongkar muat', { ...SOP_IDENTITY, namaSop: 'Izin bongkar muat' });
    const refused = await reviewStep(server.admin, reviewer, id, 'setujui');
    expect(refused.status).toBe(409);
    const audit = await server.api('/api/audit?limit=1000');
    expect((audit.body.items as any[]).filter((e) => e.review?.mapId === id)).toEqual([]);
  });
});
