// A throw-away PKI for the electronic-signature tests (issue 19), made by openssl in a temp dir: a test CA, a valid
// signer, an expired one, a not-yet-valid one, one whose key usage is not for signing, and one signed by another CA
// (not in the trust list). Nothing here is committed: the keys live as long as the test file.
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './temp-dir';

const run = promisify(execFile);

export const TEST_P12_PASSPHRASE = 'rahasia-uji';

export interface TestCertificate {
  p12: Buffer;
  p12Base64: string;
  /** The .p12 file itself (for a browser's file input). */
  p12File: string;
  certPem: string;
  /** The certificate's file (PEM) and key, for openssl/pdfsig. */
  certFile: string;
}

export interface TestPki {
  dir: string;
  caPem: string;
  otherCaPem: string;
  valid: TestCertificate;
  expired: TestCertificate;
  notYetValid: TestCertificate;
  noDigitalSignature: TestCertificate;
  untrusted: TestCertificate;
  /** A valid certificate whose name is someone else's. */
  otherName: TestCertificate;
  /** A time-stamp authority certified by the test CA: `openssl ts -reply -config <tsaConfig> -section tsa_uji`. */
  tsaConfig: string;
}

const TSA_CONFIG = (dir: string, ca: string) => `
[tsa_uji]
serial = ${dir}/tsa-serial
crypto_device = builtin
signer_cert = ${dir}/tsa.crt
certs = ${ca}
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

const CA_CONFIG = (dir: string) => `
[ca]
default_ca = uji
[uji]
database = ${dir}/index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
organizationName = optional
[penandatangan]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
[tsa]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
[enkripsi]
basicConstraints = CA:FALSE
keyUsage = critical, keyEncipherment, dataEncipherment
`;

async function newCa(dir: string, name: string, cn: string): Promise<{ key: string; crt: string; config: string }> {
  const ca = path.join(dir, name);
  await mkdir(path.join(ca, 'issued'), { recursive: true });
  await writeFile(path.join(ca, 'index.txt'), '');
  await writeFile(path.join(ca, 'serial'), '1000\n');
  const config = path.join(ca, 'ca.cnf');
  await writeFile(config, CA_CONFIG(ca));
  const key = path.join(ca, 'ca.key');
  const crt = path.join(ca, 'ca.crt');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '3650', '-subj', `/CN=${cn}/O=Pemda Uji`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  return { key, crt, config };
}

const caQueue = new Map<string, Promise<unknown>>();

async function issue(
  dir: string,
  ca: { key: string; crt: string; config: string },
  name: string,
  cn: string,
  options: { extensions?: string; start?: string; end?: string } = {},
): Promise<TestCertificate> {
  const key = path.join(dir, `${name}.key`);
  const csr = path.join(dir, `${name}.csr`);
  const certFile = path.join(dir, `${name}.crt`);
  const p12File = path.join(dir, `${name}.p12`);
  await run('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${cn}/O=Pemda Uji`]);
  const validity = options.start ? ['-startdate', options.start, '-enddate', options.end!] : ['-days', '365'];
  // `openssl ca` rewrites the CA's serial and index files: one at a time per CA.
  const signing = (caQueue.get(ca.config) ?? Promise.resolve()).then(() =>
    run('openssl', ['ca', '-batch', '-notext', '-config', ca.config, '-cert', ca.crt, '-keyfile', ca.key, '-in', csr, '-out', certFile,
      '-extensions', options.extensions ?? 'penandatangan', ...validity]),
  );
  caQueue.set(ca.config, signing.catch(() => undefined));
  await signing;
  await run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', certFile, '-certfile', ca.crt, '-name', cn, '-out', p12File, '-passout', `pass:${TEST_P12_PASSPHRASE}`]);
  const p12 = await readFile(p12File);
  return { p12, p12Base64: p12.toString('base64'), p12File, certPem: await readFile(certFile, 'utf8'), certFile };
}

/** Makes the whole set (a few seconds of openssl key generation). */
export async function makeTestPki(signerName = 'Budi Santoso'): Promise<TestPki> {
  const dir = await tempDir('petakerja-pki-');
  const ca = await newCa(dir, 'ca', 'Petakerja CA Uji');
  const other = await newCa(dir, 'ca-lain', 'CA Lain Uji');
  const [valid, expired, notYetValid, noDigitalSignature, untrusted, otherName] = await Promise.all([
    issue(dir, ca, 'sah', signerName),
    issue(dir, ca, 'kedaluwarsa', signerName, { start: '20200101000000Z', end: '20210101000000Z' }),
    issue(dir, ca, 'belum-berlaku', signerName, { start: '20400101000000Z', end: '20410101000000Z' }),
    issue(dir, ca, 'enkripsi', signerName, { extensions: 'enkripsi' }),
    issue(dir, other, 'lain', signerName),
    issue(dir, ca, 'nama-lain', 'Siti Aminah'),
  ]);
  await issue(dir, ca, 'tsa', 'TSA Uji', { extensions: 'tsa' });
  await writeFile(path.join(dir, 'tsa-serial'), '01\n');
  const tsaConfig = path.join(dir, 'tsa.cnf');
  await writeFile(tsaConfig, TSA_CONFIG(dir, ca.crt));
  return { dir, tsaConfig, caPem: await readFile(ca.crt, 'utf8'), otherCaPem: await readFile(other.crt, 'utf8'), valid, expired, notYetValid, noDigitalSignature, untrusted, otherName };
}
