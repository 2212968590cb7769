// POST /api/lint with a lint context (stage, SOP identity) against the real server.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';
import { SOP_IDENTITY as IDENTITY } from '../helpers/sop-identity';

const server = await startTestServer();
const { api } = server;

const xml = readFileSync(path.join(ROOT, 'test/lint/rules/sop/quality-standard/invalid-missing.bpmn'), 'utf8');
const sopFindings = (body: any, rule: string) => body.findings.filter((f: any) => f.rule === rule);

describe('lint API with stage and SOP identity', () => {
  it('lints as while drafting when no context is given, and as at submission with stage pengajuan', async () => {
    const draft = await api('/api/lint', { method: 'POST', json: { xml, profile: 'denpasar' } });
    expect(draft.status).toBe(200);
    expect(sopFindings(draft.body, 'sop/quality-standard').map((f: any) => f.severity)).toEqual(['warning', 'warning']);
    expect(sopFindings(draft.body, 'sop/identity-complete')).toEqual([]);

    const submitted = await api('/api/lint', { method: 'POST', json: { xml, profile: 'denpasar', stage: 'pengajuan' } });
    expect(submitted.status).toBe(200);
    expect(sopFindings(submitted.body, 'sop/quality-standard').map((f: any) => f.severity)).toEqual(['error', 'error']);
    expect(sopFindings(submitted.body, 'sop/identity-complete')).toEqual([
      expect.objectContaining({ severity: 'error', element: 'Participant_UnitKerja', message: expect.stringMatching(/^Identitas SOP belum diisi/) }),
    ]);
    expect(sopFindings(submitted.body, 'sop/duration-total')[0].message).toContain('kalender Perwali Denpasar 69/2023 Pasal 16–17');
  });

  it('checks the identity posted, field by field', async () => {
    const partial = { ...IDENTITY, namaSop: '', peralatan: [] };
    const response = await api('/api/lint', { method: 'POST', json: { xml, stage: 'pengajuan', sop: partial } });
    expect(response.status).toBe(200);
    expect(sopFindings(response.body, 'sop/identity-complete').map((f: any) => f.message.replace(/ \(PermenPANRB.*\)$/, ''))).toEqual([
      'Identitas SOP belum lengkap: Nama SOP belum diisi',
      'Identitas SOP belum lengkap: Peralatan/Perlengkapan belum diisi',
    ]);
    const complete = await api('/api/lint', { method: 'POST', json: { xml, stage: 'pengajuan', sop: IDENTITY } });
    expect(sopFindings(complete.body, 'sop/identity-complete')).toEqual([]);
  });

  it('refuses an unknown stage, unknown identity fields, malformed dates and NIPs', async () => {
    for (const body of [
      { xml, stage: 'final' },
      { xml, sop: { ...IDENTITY, judul: 'x' } },
      { xml, sop: { ...IDENTITY, tanggalPembuatan: '02-11-2026' } },
      { xml, sop: { ...IDENTITY, disahkanOleh: { ...IDENTITY.disahkanOleh, nip: '1970' } } },
      { xml, sop: { ...IDENTITY, dasarHukum: 'Perwali 69/2023' } },
    ]) {
      const response = await api('/api/lint', { method: 'POST', json: body });
      expect(response.status, JSON.stringify(body).slice(-80)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
