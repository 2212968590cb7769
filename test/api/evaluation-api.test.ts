// Monitoring and evaluation of an SOP in force (docs/evaluation.md) through the real server: an SOP is taken through
// the review cycle to disahkan over HTTP, then its forms are filled, printed (PDF read back with pdftotext) and the due
// listing is computed for chosen days.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient } from '../helpers/server';
import { newSopMap as newMapWithSop, signSop as signThroughCycle } from '../helpers/review-cycle';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { tempDir } from '../helpers/temp-dir';

const UNIT = 'Dinas Kesehatan';
const server = await startTestServer();
const penyusun = await server.userWith(['penyusun'], UNIT, 'evaluasi-penyusun');
const reviewer = await server.userWith(['reviewer'], UNIT, 'evaluasi-reviewer');
const pengesah = await server.userWith(['pengesah'], UNIT, 'evaluasi-pengesah');
const pembaca = await server.userWith(['pembaca'], UNIT, 'evaluasi-pembaca');
const otherReader = await server.userWith(['pengesah'], 'Dinas Pendidikan', 'evaluasi-lain');

const newSopMap = (name: string) => newMapWithSop(penyusun, UNIT, name);
/** Ajukan → mulai-reviu → setujui → sahkan, each by the role the lifecycle asks for. */
const signSop = (mapId: string, tanggalEfektif = '2026-01-05') => signThroughCycle({ bureau: server.admin, penyusun, reviewer, pengesah }, mapId, tanggalEfektif);

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const file = path.join(await tempDir('petakerja-evaluasi-'), 'form.pdf');
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function download(client: ApiClient, url: string): Promise<{ status: number; type: string | null; bytes: ArrayBuffer }> {
  const response = await fetch(server.url + url, { headers: { cookie: client.sessionCookie } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: await response.arrayBuffer() };
}

const MONITORING = { tanggal: '2026-07-01', penilai: 'Ni Luh Putu Ayu' };

describe('before the SOP is signed', () => {
  it('offers no template and refuses forms with 409 SOP_NOT_IN_FORCE', async () => {
    const id = await newSopMap('SOP belum disahkan');
    const listed = await penyusun.api(`/api/maps/${id}/monitoring`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [], template: null });
    expect((await penyusun.api(`/api/maps/${id}/evaluasi`)).body).toEqual({ items: [], template: null });

    const refused = await penyusun.api(`/api/maps/${id}/monitoring`, { method: 'POST', json: { ...MONITORING, rows: [{ prosedur: 'A', berjalanBaik: true, catatan: '', tindakan: '' }] } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SOP_NOT_IN_FORCE');
    expect(refused.body.error.message).toContain('monitoring dan evaluasi diisi untuk SOP yang berlaku');
    const blank = await penyusun.api(`/api/maps/${id}/evaluasi/formulir.pdf`);
    expect(blank.status).toBe(409);
    expect(blank.body.error.code).toBe('SOP_NOT_IN_FORCE');
  });
});

describe('an SOP in force', async () => {
  const id = await newSopMap('Penunjukan pelaksana tugas');
  await signSop(id);

  it('offers a monitoring template with the procedure steps of the signed revision', async () => {
    const { body } = await pembaca.api(`/api/maps/${id}/monitoring`);
    expect(body.items).toEqual([]);
    expect(body.template).toMatchObject({ title: 'Penunjukan pelaksana tugas', nomor: SOP_IDENTITY.nomor, tanggalEfektif: '2026-01-05' });
    expect(body.template.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(body.template.rows.length).toBeGreaterThan(1);
    expect(body.template.rows.every((row: { prosedur: string }) => row.prosedur.trim() !== '')).toBe(true);
    const evaluasi = (await pembaca.api(`/api/maps/${id}/evaluasi`)).body;
    expect(evaluasi.template.questions.map((q: { key: string }) => q.key)).toEqual(['kinerja', 'dipahami', 'dilaksanakan', 'peran', 'masalah', 'kebutuhan', 'sinergi']);
  });

  it('records a monitoring for the SOP in force, lists it and prints it as PDF with its rows', async () => {
    const { template } = (await penyusun.api(`/api/maps/${id}/monitoring`)).body;
    const rows = template.rows.map((row: { prosedur: string }, index: number) => ({
      prosedur: row.prosedur,
      berjalanBaik: index !== 1,
      catatan: index === 1 ? 'Disposisi sering terlambat' : '',
      tindakan: index === 1 ? 'Tetapkan batas waktu disposisi' : '',
    }));
    const created = await reviewer.api(`/api/maps/${id}/monitoring`, { method: 'POST', json: { ...MONITORING, rows } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.monitoring).toMatchObject({ code: template.code, penilai: 'Ni Luh Putu Ayu', by: { name: 'Pengguna evaluasi-reviewer' } });

    const listed = (await pembaca.api(`/api/maps/${id}/monitoring`)).body.items;
    expect(listed.map((m: { id: string }) => m.id)).toEqual([created.body.monitoring.id]);

    const html = await pembaca.api(`/api/maps/${id}/monitoring/${created.body.monitoring.id}.html`);
    expect(html.status).toBe(200);
    expect(html.body).toContain('MONITORING PELAKSANAAN SOP AP');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");

    const pdf = await download(pembaca, `/api/maps/${id}/monitoring/${created.body.monitoring.id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = await pdfText(pdf.bytes);
    expect(text).toContain('MONITORING PELAKSANAAN SOP AP');
    expect(text).toContain('Penunjukan pelaksana tugas');
    expect(text).toContain('Disposisi sering terlambat');
    expect(text.replace(/\s+/g, ' ')).toContain(rows[0].prosedur.replace(/\s+/g, ' ').slice(0, 20));
  });

  it('prints the blank monitoring form with the procedure prefilled', async () => {
    const { template } = (await penyusun.api(`/api/maps/${id}/monitoring`)).body;
    const pdf = await download(pembaca, `/api/maps/${id}/monitoring/formulir.pdf`);
    expect(pdf.status).toBe(200);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Penilaian Terhadap Penerapan');
    expect(text).toContain('Tindakan yang Harus Diambil');
    expect(text).toContain(template.rows.at(-1).prosedur.replace(/\s+/g, ' ').slice(0, 20));
  });

  it('records an evaluation with every required question, and prints it', async () => {
    const { template } = (await penyusun.api(`/api/maps/${id}/evaluasi`)).body;
    const incomplete = await pengesah.api(`/api/maps/${id}/evaluasi`, {
      method: 'POST',
      json: { tanggal: '2026-12-20', penilai: 'Kepala Dinas', answers: [{ key: 'kinerja', ya: true, catatan: '' }], kesimpulan: '' },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(incomplete.body)).toContain('Jawab setiap pertanyaan evaluasi');

    const answers = template.questions
      .filter((q: { optional: boolean }) => !q.optional)
      .map((q: { key: string }) => ({ key: q.key, ya: q.key !== 'dipahami', catatan: q.key === 'dipahami' ? 'Istilah perlu dijelaskan' : '' }));
    const created = await pengesah.api(`/api/maps/${id}/evaluasi`, { method: 'POST', json: { tanggal: '2026-12-20', penilai: 'Kepala Dinas', answers, kesimpulan: 'Perlu direvisi.' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const pdf = await download(penyusun, `/api/maps/${id}/evaluasi/${created.body.evaluation.id}.pdf`);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain('EVALUASI PENERAPAN SOP AP');
    expect(text).toContain('Mudah dipahami');
    expect(text).toContain('Istilah perlu dijelaskan');
  });

  it('refuses readers (403 FORBIDDEN), other units (403 FORBIDDEN_UNIT), codes not in force (409) and unknown forms (404)', async () => {
    const body = { ...MONITORING, rows: [{ prosedur: 'A', berjalanBaik: true, catatan: '', tindakan: '' }] };
    const reader = await pembaca.api(`/api/maps/${id}/monitoring`, { method: 'POST', json: body });
    expect(reader.status).toBe(403);
    expect(reader.body.error.code).toBe('FORBIDDEN');
    const other = await otherReader.api(`/api/maps/${id}/monitoring`, { method: 'POST', json: body });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN_UNIT');
    const wrongCode = await penyusun.api(`/api/maps/${id}/monitoring`, { method: 'POST', json: { ...body, code: 'AAAA-BBBB-CCCC' } });
    expect(wrongCode.status).toBe(409);
    expect(wrongCode.body.error.code).toBe('SOP_NOT_IN_FORCE');
    const unknownMonitoring = await penyusun.api(`/api/maps/${id}/monitoring/00000000-0000-4000-8000-000000000000.html`);
    expect(unknownMonitoring.status).toBe(404);
    expect(unknownMonitoring.body.error.code).toBe('MONITORING_NOT_FOUND');
    const unknownEvaluation = await penyusun.api(`/api/maps/${id}/evaluasi/tidak-ada.pdf`);
    expect(unknownEvaluation.status).toBe(404);
    expect(unknownEvaluation.body.error.code).toBe('EVALUATION_NOT_FOUND');
  });
});

describe('SOPs due for evaluation', async () => {
  const id = await newSopMap('SOP tanpa evaluasi');
  await signSop(id, '2026-01-05');
  const due = async (client: ApiClient, per: string) => {
    const response = await client.api(`/api/review/evaluations-due?per=${per}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body.items as Array<{ map: { id: string } } & Record<string, unknown>>).filter((item) => item.map.id === id);
  };

  it('lists an SOP with no evaluation only 12 months after it took effect, with the months overdue', async () => {
    expect(await due(penyusun, '2026-12-31')).toEqual([]);
    const [item] = await due(penyusun, '2027-12-31');
    expect(item).toMatchObject({
      map: { id, unit: UNIT },
      title: 'SOP tanpa evaluasi',
      tanggalEfektif: '2026-01-05',
      lastEvaluation: null,
      dueSince: '2027-01-05',
      monthsOverdue: 11,
      evaluationDue: true,
      perluRevisi: false,
    });
    expect(await due(otherReader, '2027-12-31')).toEqual([]);
    expect(await due(pembaca, '2027-12-31')).toHaveLength(1);
  });

  it('counts from the last evaluation, and marks the SOP for revision when a monitoring finds a step not running well', async () => {
    const { template } = (await penyusun.api(`/api/maps/${id}/evaluasi`)).body;
    const answers = template.questions.map((q: { key: string }) => ({ key: q.key, ya: true, catatan: '' }));
    await penyusun.api(`/api/maps/${id}/evaluasi`, { method: 'POST', json: { tanggal: '2027-06-30', penilai: 'Tim SOP', answers, kesimpulan: '' } });
    expect(await due(penyusun, '2027-12-31')).toEqual([]);
    expect((await due(penyusun, '2028-08-01'))[0]).toMatchObject({ lastEvaluation: '2027-06-30', dueSince: '2028-06-30', monthsOverdue: 1 });

    const rows = [{ prosedur: 'Langkah', berjalanBaik: false, catatan: 'Tidak dijalankan', tindakan: 'Revisi SOP' }];
    await penyusun.api(`/api/maps/${id}/monitoring`, { method: 'POST', json: { tanggal: '2027-07-01', penilai: 'Tim SOP', rows } });
    const [flagged] = await due(penyusun, '2027-12-31');
    expect(flagged).toMatchObject({ evaluationDue: false, perluRevisi: true, reasons: [{ form: 'monitoring', tanggal: '2027-07-01' }] });
    expect((flagged!.reasons as Array<{ text: string }>)[0]!.text).toContain('1 prosedur tidak berjalan dengan baik');
  });
});
