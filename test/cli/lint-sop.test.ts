// `petakerja lint --stage draf|pengajuan --meta FILE.json`: the lint context from the command line.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/fixtures';
import { SOP_IDENTITY as IDENTITY } from '../helpers/sop-identity';
import { tempDir } from '../helpers/temp-dir';

const MAP = path.join(ROOT, 'test/lint/rules/sop/quality-standard/valid.bpmn');
const MISSING = path.join(ROOT, 'test/lint/rules/sop/quality-standard/invalid-missing.bpmn');

async function metaFile(content: unknown): Promise<string> {
  const file = path.join(await tempDir(), 'identitas.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const sop = (report: any, rule: string) => report.files[0].findings.filter((f: any) => f.rule === rule);

describe('petakerja lint with --stage and --meta', () => {
  it('exits 0 while drafting and 1 at submission without an identity, in the documented JSON shape', async () => {
    const draft = await runCli(['lint', '--format', 'json', MAP]);
    expect(draft.code).toBe(0);
    expect(sop(JSON.parse(draft.stdout), 'sop/identity-complete')).toEqual([]);

    const submitted = await runCli(['lint', '--format', 'json', '--stage', 'pengajuan', MAP]);
    expect(submitted.code).toBe(1);
    const report = JSON.parse(submitted.stdout);
    expect(Object.keys(report).sort()).toEqual(['files', 'summary']);
    expect(sop(report, 'sop/identity-complete')).toEqual([
      expect.objectContaining({ severity: 'error', element: 'Participant_UnitKerja', message: expect.stringMatching(/^Identitas SOP belum diisi/), inferred: false }),
    ]);
    expect(report.summary.errors).toBe(1);
  });

  it('reads the identity of --meta and raises the mutu baku gaps at submission', async () => {
    const meta = await metaFile(IDENTITY);
    const complete = await runCli(['lint', '--format', 'json', '--stage', 'pengajuan', '--meta', meta, MAP]);
    expect(complete.code).toBe(0);
    expect(sop(JSON.parse(complete.stdout), 'sop/duration-total')).toHaveLength(1);

    const partial = await metaFile({ ...IDENTITY, nomor: '', pencatatan: [] });
    const text = await runCli(['lint', '--stage', 'pengajuan', '--meta', partial, MISSING]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/galat\s+Participant_UnitKerja\s+sop\/identity-complete\s+Identitas SOP belum lengkap: Nomor SOP belum diisi/);
    expect(text.stdout).toMatch(/galat\s+Participant_UnitKerja\s+sop\/identity-complete\s+Identitas SOP belum lengkap: Pencatatan dan Pendataan belum diisi/);
    expect(text.stdout).toMatch(/galat\s+Activity_MeninjauHasil\s+sop\/quality-standard\s+Kegiatan "Meninjau dan menerima hasil kegiatan" belum memiliki mutu baku/);

    const drafting = await runCli(['lint', '--stage', 'draf', '--meta', partial, MISSING]);
    expect(drafting.code).toBe(0);
    expect(drafting.stdout).toMatch(/peringatan\s+Activity_MeninjauHasil\s+sop\/quality-standard/);
  });

  it('exits 2 on a bad stage or an unreadable or invalid --meta, saying why', async () => {
    const badStage = await runCli(['lint', '--stage', 'final', MAP]);
    expect(badStage.code).toBe(2);
    expect(badStage.stderr).toContain('--stage harus draf atau pengajuan');
    const missing = await runCli(['lint', '--meta', path.join(await tempDir(), 'tidak-ada.json'), MAP]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Berkas identitas SOP tidak dapat dibaca');
    const notJson = await runCli(['lint', '--meta', await metaFile('{ nomor: '), MAP]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('bukan JSON yang sah');
    const invalid = await runCli(['lint', '--meta', await metaFile({ ...IDENTITY, tanggalPembuatan: '2 November 2026' }), MAP]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/Identitas SOP di .* tidak sah: tanggalPembuatan: Tanggal ditulis TTTT-BB-HH/);
  });
});
