// `petakerja lint --kamus FILE.json`: the repository's synonyms of the kamus jabatan from the command line (issue 14).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const MAP = path.join(ROOT, 'test/import/lanes-import.bpmn');

async function kamusFile(content: unknown): Promise<string> {
  const file = path.join(await tempDir(), 'kamus.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

const laneRole = (stdout: string) =>
  JSON.parse(stdout).files[0].findings.filter((f: { rule: string }) => f.rule === 'mk/lane-role').map((f: { element: string; severity: string }) => `${f.element} ${f.severity}`);

describe('petakerja lint --kamus', () => {
  it('reads lanes through the synonyms of the file; unread lanes are warnings', async () => {
    const plain = await runCli(['lint', '--format', 'json', MAP]);
    expect(laneRole(plain.stdout)).toEqual(['Lane_Kasir warning', 'Lane_Ruang warning']);

    const kamus = await kamusFile({ items: [{ name: 'kasir', jabatan: 'PELAKSANA' }, { name: 'Ruang Control', external: true }] });
    const answered = await runCli(['lint', '--format', 'json', '--kamus', kamus, MAP]);
    expect(laneRole(answered.stdout)).toEqual([]);
    const bare = await runCli(['lint', '--format', 'json', '--kamus', await kamusFile([{ name: 'Kasir', jabatan: 'PELAKSANA' }]), MAP]);
    expect(laneRole(bare.stdout)).toEqual(['Lane_Ruang warning']);
  });

  it('exits 2 on an invalid kamus file, saying why', async () => {
    const bad = await runCli(['lint', '--kamus', await kamusFile([{ name: 'Kasir', jabatan: 'KASIR' }]), MAP]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Kamus jabatan di');
  });
});
