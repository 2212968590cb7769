// Signing benchmark (`npm run bench -- --only signature`, issue 19): per SOP, the print of the signed document
// (renderSop + PdfPool.pdf, what `sahkan` does without a certificate) and, on the same bytes in the same run, what a
// certificate adds — opening the PKCS#12 (node-forge), PAdES B-B signing (pdf-lib placeholder + appearance + CMS) —
// and our verifier. Interleaved, so both see the same load; CPU time of the signing step from process.cpuUsage.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBpmn } from '../server/bpmn/moddle';
import { certificatesOfPem, verifyPades } from '../server/review/signature/pades/pades-verify';
import { prepareSigner, signPrintedSop } from '../server/review/signature/electronic-signature';
import { sopVerification } from '../server/review/signature/sign-sop';
import { PdfPool } from '../server/sop/pdf/pdf-pool';
import { renderSop } from '../server/sop/render/index';
import { sopBenchBpmn } from './sop-pdf';
import { SOP_IDENTITY } from '../test/helpers/sop-identity';

const SIZES = [10, 40];
const PASS = 'bench';
/** The identity the signed SOP prints: the tests' complete one (test/helpers/sop-identity.ts). */
const IDENTITY = SOP_IDENTITY;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** A CA and an RSA-2048 signer in a temp dir, by openssl (as the tests make them). */
function testCertificate(): { p12: Buffer; caPem: string; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'petakerja-bench-pki-'));
  const at = (name: string) => path.join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.crt'), '-days', '30', '-subj', '/CN=Bench CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  ssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('s.key'), '-out', at('s.csr'), '-subj', '/CN=I Made Sutama');
  writeFileSync(at('ext.cnf'), 'keyUsage = critical, digitalSignature, nonRepudiation\n');
  ssl('x509', '-req', '-in', at('s.csr'), '-CA', at('ca.crt'), '-CAkey', at('ca.key'), '-CAcreateserial', '-days', '30', '-out', at('s.crt'),
    '-extfile', at('ext.cnf'));
  ssl('pkcs12', '-export', '-inkey', at('s.key'), '-in', at('s.crt'), '-certfile', at('ca.crt'), '-out', at('s.p12'), '-passout', `pass:${PASS}`);
  return { p12: readFileSync(at('s.p12')), caPem: readFileSync(at('ca.crt'), 'utf8'), dir };
}

interface Stat {
  p50: number;
  p95: number;
}
export interface SignatureRow {
  activities: number;
  bytes: number;
  signedBytes: number;
  print: Stat;
  open: Stat;
  sign: Stat;
  signCpu: Stat;
  verify: Stat;
  runs: number;
}

const stat = (values: number[]): Stat => ({ p50: percentile(values, 50), p95: percentile(values, 95) });

export async function runSignatureBench(runs = 12, warmups = 2): Promise<SignatureRow[]> {
  const pki = testCertificate();
  const anchors = certificatesOfPem(pki.caPem);
  const pool = new PdfPool({ size: 1 });
  const rows: SignatureRow[] = [];
  try {
    for (const activities of SIZES) {
      const { definitions } = await parseBpmn(sopBenchBpmn(activities));
      const verification = { ...(await sopVerification('https://sop.pemda.go.id', 'PCUH-D6PF-XS94', 1)), electronic: true };
      const times = { print: [] as number[], open: [] as number[], sign: [] as number[], signCpu: [] as number[], verify: [] as number[] };
      let bytes = 0;
      let signedBytes = 0;
      for (let i = 0; i < warmups + runs; i += 1) {
        const t0 = performance.now();
        const rendered = renderSop({ definitions, identity: IDENTITY, settings: { paper: 'A4' }, verification });
        const pdf = await pool.pdf(rendered.html, { paper: 'A4', landscape: true });
        const t1 = performance.now();
        const cpu0 = process.cpuUsage();
        const prepared = prepareSigner({ p12Base64: pki.p12.toString('base64'), passphrase: PASS }, { account: 'I Made Sutama', signatory: IDENTITY.disahkanOleh.nama }, 'tolak', new Date());
        const t2 = performance.now();
        const signed = await signPrintedSop({
          pdf,
          prepared,
          signatory: { jabatan: IDENTITY.disahkanOleh.jabatan, nama: IDENTITY.disahkanOleh.nama, nip: IDENTITY.disahkanOleh.nip },
          code: verification.code,
          title: IDENTITY.namaSop,
          unit: 'Dinas Kesehatan',
          signedAt: new Date(),
          timeZone: 'Asia/Makassar',
        });
        const t3 = performance.now();
        const cpu = process.cpuUsage(cpu0);
        const report = verifyPades(signed, anchors);
        const t4 = performance.now();
        if (report.verdict !== 'sah') throw new Error(`bench: signature does not verify (${report.problems.join('; ')})`);
        bytes = pdf.byteLength;
        signedBytes = signed.byteLength;
        if (i < warmups) continue;
        times.print.push(t1 - t0);
        times.open.push(t2 - t1);
        times.sign.push(t3 - t2);
        times.signCpu.push((cpu.user + cpu.system) / 1000);
        times.verify.push(t4 - t3);
      }
      rows.push({ activities, bytes, signedBytes, runs, print: stat(times.print), open: stat(times.open), sign: stat(times.sign), signCpu: stat(times.signCpu), verify: stat(times.verify) });
    }
  } finally {
    await pool.close();
    rmSync(pki.dir, { recursive: true, force: true });
  }
  return rows;
}

export function formatSignatureBench(rows: SignatureRow[]): string {
  const ms = (s: Stat) => `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)}`;
  return [
    '| activities | PDF KB → signed KB | print (no certificate) p50/p95 ms | open .p12 p50/p95 ms | PAdES sign p50/p95 ms | open+sign CPU p50 ms | verify p50/p95 ms | with / without certificate (p50) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => {
      const withCert = row.print.p50 + row.open.p50 + row.sign.p50;
      return `| ${row.activities} | ${(row.bytes / 1024).toFixed(0)} → ${(row.signedBytes / 1024).toFixed(0)} | ${ms(row.print)} | ${ms(row.open)} | ${ms(row.sign)} | ${row.signCpu.p50.toFixed(0)} | ${ms(row.verify)} | ${(withCert / row.print.p50).toFixed(2)}× |`;
    }),
    '',
    `Method: ${rows[0]?.runs ?? 0} timed runs per size after warm-up, interleaved in one process: print = renderSop + PdfPool.pdf of the ` +
      'signed SOP (one warm browser); open = prepareSigner (P12Signer.open of a PKCS#12 from openssl 3: PBES2/AES-256, PBKDF2 2048, and the certificate checks); sign = signPrintedSop ' +
      '(pdf-lib load, placeholder, appearance, save, CMS with RSA-2048); verify = verifyPades against the CA. CPU = process.cpuUsage over open+sign.',
  ].join('\n');
}
