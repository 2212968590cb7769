// SOP document import benchmark (`npm run bench -- --only documents`, issue 17): 100 SOP AP documents — every map of
// processes/ and every MIWG reference file with lanes printed as PDF, and generated maps of 5 to 100 activities to make
// up the hundred — each read as the import reads it (the PDF's geometry → table → draft map → the BPMN import
// pipeline), in process, one after another. Printing is not timed. Then the spreadsheets drawn by LibreOffice Calc
// (test/fixtures/sop-documents/office/: .xlsx, .xls, and Calc's own .pdf) and the Word documents drawn by LibreOffice
// Writer (word/: .docx, .doc, and Writer's own .pdf), read as the import reads them (an Excel
// file converted by LibreOffice headless first, each in a profile of its own). Reports total, p50/p95/max per document, CPU, and
// the share of documents whose structure came back exactly (performers, numbered rows in order with symbol, activity,
// performer, mutu baku, arrows and answers; and the same with every label's text).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readImport } from '../server/bpmn/import/import-pipeline';
import { readSopDocument } from '../server/sop-documents/read-document';
import { parseBpmn } from '../server/bpmn/moddle';
import { readProcedure } from '../server/sop/layout/procedure';
import { PdfPool } from '../server/sop/pdf/pdf-pool';
import { renderSop } from '../server/sop/render/index';
import { readSopPdf } from '../server/sop-documents/pdf/read-sop-pdf';
import { procedureToTable } from '../server/sop-documents/procedure-to-table';
import { structure } from '../server/sop-documents/table-structure';
import type { SopTable } from '../server/sop-documents/sop-table.schema';
import { sopBenchBpmn } from './sop-pdf';
import { median } from './stats';
import { percentiles, REPO_ROOT } from './store-scale';

const DOCUMENTS = 100;
const AIM_MS = 2000;

interface DocumentRun {
  name: string;
  pages: number;
  bytes: number;
  rows: number;
  ms: number;
  cpuMs: number;
  exact: boolean;
  exactWithLabels: boolean;
  guesses: number;
}

export interface OfficeRun {
  name: string;
  format: string;
  ms: number;
  columnsAndRows: boolean;
  exact: boolean;
  /** Which way the import read it: the package's own shapes, or LibreOffice's PDF. */
  route: string;
}

export interface DocumentsBenchResult {
  runs: DocumentRun[];
  /** The spreadsheets drawn by LibreOffice Calc and the Word documents drawn by Writer (test/fixtures/sop-documents/),
   * each format read as the import does. */
  office: OfficeRun[];
  loadStart: string;
  loadEnd: string;
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const same = (a: SopTable, b: SopTable, labels: boolean) => JSON.stringify(structure(a, { labels })) === JSON.stringify(structure(b, { labels }));

function sources(): Array<{ name: string; xml: string }> {
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.bpmn'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  const root = REPO_ROOT.replace(/\/$/, '');
  const fixed = [
    ...files(path.join(root, 'processes')),
    ...files(path.resolve(root, '../shared/corpus/miwg/reference')).filter((file) => /<([\w-]+:)?lane[\s>]/.test(readFileSync(file, 'utf8'))),
  ].map((file) => ({ name: path.relative(path.dirname(root), file), xml: readFileSync(file, 'utf8') }));
  const generated = Array.from({ length: DOCUMENTS }, (_, i) => 5 + Math.round((95 * i) / (DOCUMENTS - 1))).map((activities) => ({ name: `generated-${activities}`, xml: sopBenchBpmn(activities) }));
  return [...fixed, ...generated];
}

export async function runDocumentsBench(progress: (line: string) => void = () => undefined): Promise<DocumentsBenchResult> {
  const pool = new PdfPool({ size: 1 });
  const loadStart = loadavg();
  const runs: DocumentRun[] = [];
  try {
    for (const source of sources()) {
      if (runs.length >= DOCUMENTS) break;
      const { definitions } = await parseBpmn(source.xml);
      const expected = procedureToTable(readProcedure(definitions));
      if (expected.rows.length === 0) continue;
      const pdf = new Uint8Array(await pool.pdf(renderSop({ definitions, settings: { paper: 'A4', orientation: 'landscape' } }).html, { paper: 'A4', landscape: true }));
      const cpu = process.cpuUsage();
      const started = performance.now();
      const read = await readImport({ bytes: pdf, given: { unit: 'Dinas Uji' }, defaultProfile: 'nasional', defaultName: 'Peta' });
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      // The table read, compared apart from the import's timing (the reader runs again, untimed).
      const { table } = await readSopPdf(pdf);
      runs.push({
        name: source.name,
        pages: read.document?.pages ?? 0,
        bytes: pdf.byteLength,
        rows: read.document?.rows ?? 0,
        ms,
        cpuMs: (used.user + used.system) / 1000,
        exact: same(table, expected, false),
        exactWithLabels: same(table, expected, true),
        guesses: table.guesses.length,
      });
      if (runs.length % 10 === 0) progress(`${runs.length} documents`);
    }
  } finally {
    await pool.close();
  }
  const office: OfficeRun[] = [];
  const fixtures = path.join(REPO_ROOT, 'test/fixtures/sop-documents');
  const specsIn = (dir: string) => readdirSync(path.join(fixtures, dir)).filter((f) => f.endsWith('.json')).sort();
  const documents = [
    ...specsIn('specs').map((spec) => ({ spec: path.join('specs', spec), folder: 'office', formats: spec.startsWith('word-') ? ['docx', 'doc'] : ['xlsx', 'xls', 'pdf'], prefix: '' })),
    // Word documents drawn by LibreOffice Writer (draw-writer.py): its .docx, .doc and its own PDF.
    ...specsIn('specs/writer').map((spec) => ({ spec: path.join('specs/writer', spec), folder: 'word', formats: ['docx', 'doc', 'pdf'], prefix: 'writer-' })),
  ];
  for (const { spec, folder, formats, prefix } of documents) {
    const { connector: _c, rowHeights: _r, writer: _w, ...drawn } = JSON.parse(readFileSync(path.join(fixtures, spec), 'utf8')) as SopTable & Record<string, unknown>;
    const want = structure(drawn, { labels: false });
    for (const format of formats) {
      const name = path.basename(spec, '.json');
      const bytes = new Uint8Array(readFileSync(path.join(fixtures, folder, `${name}.${format}`)));
      const started = performance.now();
      // A document whose table is not found counts as not read back (its time still counts).
      const read = await readSopDocument(bytes, { unit: 'Dinas Uji', name: 'Peta' }).catch(() => undefined);
      const ms = performance.now() - started;
      const got = read && structure(read.table, { labels: false });
      office.push({
        name,
        format: `${prefix}${format}`,
        ms,
        columnsAndRows: !!got && JSON.stringify([got.columns, got.rows]) === JSON.stringify([want.columns, want.rows]),
        exact: !!got && JSON.stringify(got) === JSON.stringify(want),
        route: read?.route ?? 'refused',
      });
      progress(`${name}.${format}`);
    }
  }
  return { runs, office, loadStart, loadEnd: loadavg() };
}

export function formatDocumentsBench({ runs, office, loadStart, loadEnd }: DocumentsBenchResult): string {
  const times = percentiles(runs.map((r) => r.ms));
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const total = runs.reduce((sum, r) => sum + r.ms, 0);
  const exact = runs.filter((r) => r.exact).length;
  const exactLabels = runs.filter((r) => r.exactWithLabels).length;
  const missed = runs.filter((r) => !r.exact).map((r) => r.name);
  return [
    `Load average at start: ${loadStart}; at end: ${loadEnd} (\`cat /proc/loadavg\`; 2 cores).`,
    '',
    '| format | documents | pages (median) | rows (median) | total | per document p50 / p95 / max | CPU per document (median) | aim p95 | met | structure read back exactly | … and every label\'s text | documents with guesses |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    `| PDF (printed by Petakerja) | ${runs.length} | ${median(runs.map((r) => r.pages))} | ${median(runs.map((r) => r.rows))} | ${(total / 1000).toFixed(1)} s | ${ms(times.p50)} / ${ms(times.p95)} / ${ms(times.max)} | ${ms(median(runs.map((r) => r.cpuMs)))} | < ${AIM_MS} ms | ${times.p95 < AIM_MS ? 'met' : 'not met'} | ${exact} / ${runs.length} (${((100 * exact) / runs.length).toFixed(0)} %) | ${exactLabels} / ${runs.length} | ${runs.filter((r) => r.guesses > 0).length} |`,
    ...['xlsx', 'xls', 'pdf', 'docx', 'doc', 'writer-docx', 'writer-doc', 'writer-pdf'].map((format) => {
      const of = office.filter((r) => r.format === format);
      const t = percentiles(of.map((r) => r.ms));
      const routes = { package: 'read from the package', 'libreoffice-pdf': 'converted by LibreOffice', pdf: 'read as PDF' } as Record<string, string>;
      const route = [...new Set(of.map((r) => r.route))].map((r) => `${routes[r] ?? r}: ${of.filter((x) => x.route === r).length}`).join(', ');
      const label = `${{
        pdf: 'PDF (exported by LibreOffice Calc)',
        xlsx: 'Excel .xlsx (drawn by LibreOffice Calc)',
        xls: 'Excel .xls (drawn by LibreOffice Calc)',
        docx: 'Word .docx (Petakerja\'s export)',
        doc: 'Word .doc (the export saved by LibreOffice Writer)',
        'writer-docx': 'Word .docx (drawn by LibreOffice Writer)',
        'writer-doc': 'Word .doc (drawn by LibreOffice Writer)',
        'writer-pdf': 'PDF (exported by LibreOffice Writer)',
      }[format]} — ${route}`;
      return `| ${label} | ${of.length} | 1 | – | ${(of.reduce((a, r) => a + r.ms, 0) / 1000).toFixed(1)} s | ${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.max)} | – | < ${AIM_MS} ms | ${t.p95 < AIM_MS ? 'met' : 'not met'} | ${of.filter((r) => r.exact).length} / ${of.length} (performers and rows: ${of.filter((r) => r.columnsAndRows).length} / ${of.length}) | – | – |`;
    }),
    '',
    'Per document: the import as the server runs it in its worker (PDF geometry with pdfjs-dist → SOP table → draft map → BPMN import pipeline), in this process, without drawing the pages; printing the PDFs is not timed.',
    ...(missed.length > 0 ? ['', `Not read back exactly: ${missed.join(', ')}.`] : []),
    ...(runs.some((r) => !r.exactWithLabels) ? ['', `A label's text on another arrow: ${runs.filter((r) => !r.exactWithLabels).map((r) => r.name).join(', ')}.`] : []),
    ...(runs.some((r) => r.guesses > 0) ? ['', `With guesses to confirm: ${runs.filter((r) => r.guesses > 0).map((r) => `${r.name} (${r.guesses})`).join(', ')}.`] : []),
  ].join('\n');
}
