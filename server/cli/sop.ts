// `petakerja sop FILE.bpmn [--meta meta.json] [--letterhead kop.json] [--profile ID] [--paper A4|F4] [--portrait] [--lampiran]
// --out OUT.pdf|OUT.html`: renders the SOP AP document of a map (server/sop/render/) with its identity and kop and writes
// it as HTML or, through one Chromium of the PDF pool (server/sop/pdf/), as PDF. Exit 2 for bad usage, an unreadable BPMN
// file, or an invalid identity or kop file.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseBpmn } from '../bpmn/moddle';
import { Profile, PROFILES } from '../domain/vocabulary';
import { AppError } from '../errors';
import { Paper } from '../sop/layout/document.schema';
import { readProcedure } from '../sop/layout/procedure';
import { PdfPool } from '../sop/pdf/pdf-pool';
import { renderSop } from '../sop/render/index';
import { readLetterhead } from './sop-letterhead';
import { readMeta } from './sop-meta';
import { UsageError } from './usage';

/** Pages of a PDF as Chromium writes it (one /Type /Page object per page). */
const pdfPageCount = (pdf: Uint8Array): number => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

export async function sopCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { meta: { type: 'string' }, letterhead: { type: 'string' }, profile: { type: 'string' }, paper: { type: 'string' }, portrait: { type: 'boolean' }, lampiran: { type: 'boolean' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('Sebutkan tepat satu berkas .bpmn: npm run petakerja -- sop BERKAS.bpmn --out KELUARAN.pdf');
  if (values.out === undefined) throw new UsageError('Sebutkan berkas keluaran: --out KELUARAN.pdf atau KELUARAN.html');
  const format = path.extname(values.out).toLowerCase();
  if (format !== '.pdf' && format !== '.html') throw new UsageError('Berkas keluaran harus berakhiran .pdf atau .html.');
  const paper = values.paper === undefined ? undefined : Paper.safeParse(values.paper.toUpperCase());
  if (paper && !paper.success) throw new UsageError('--paper harus A4 atau F4.');
  // The layout has no per-profile settings yet: the profile is checked so a typo is not silently ignored.
  if (values.profile !== undefined && !Profile.safeParse(values.profile).success) throw new UsageError(`Profil tidak dikenal: ${values.profile}. Profil: ${PROFILES.join(', ')}.`);
  // One browser serves both the appendix diagram (drawn by bpmn-js) and the PDF; HTML without --lampiran needs none.
  // It is launched first, so Chromium starts while the files are read, parsed and laid out.
  const pool = format === '.pdf' || values.lampiran ? new PdfPool({ size: 1 }) : undefined;
  try {
    const identity = values.meta === undefined ? undefined : await readMeta(values.meta);
    const letterhead = values.letterhead === undefined ? undefined : await readLetterhead(values.letterhead);

    const file = positionals[0]!;
    const xml = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`Berkas BPMN tidak dapat dibaca: ${file}`);
    });
    const definitions = await parseBpmn(xml).then(
      (parsed) => parsed.definitions,
      (error: unknown) => {
        throw new UsageError(`Berkas BPMN tidak dapat dibaca: ${file} (${error instanceof AppError ? error.message : (error as Error).message})`);
      },
    );
    const settings = { ...(paper?.success ? { paper: paper.data } : {}), ...(values.portrait ? { orientation: 'portrait' as const } : {}) };
    const appendixSvg = values.lampiran ? await pool!.diagramSvg(xml) : undefined;
    // Nama SOP until --meta sets one: the map's own name (its definitions' or process's), else the file's.
    const mapName = readProcedure(definitions).name ?? path.basename(file).replace(/\.bpmn$/i, '');
    const rendered = renderSop({ definitions, mapName, identity, ...(letterhead ? { letterhead } : {}), settings, ...(appendixSvg ? { appendixSvg } : {}) });
    for (const warning of rendered.document.warnings) console.error(`peringatan: ${warning}`);
    let pages = rendered.pageCount;
    if (format === '.html') {
      await writeFile(values.out, rendered.html);
    } else {
      const pdf = await pool!.pdf(rendered.html, { paper: rendered.document.settings.paper, landscape: rendered.document.settings.orientation === 'landscape' });
      await writeFile(values.out, pdf);
      pages = pdfPageCount(pdf) || pages;
    }
    const kind = format === '.pdf' ? 'PDF' : 'HTML';
    const title = identity?.namaSop?.trim() || rendered.document.title;
    console.log(`SOP "${title}" ditulis sebagai ${kind}: ${pages} halaman (${rendered.document.settings.paper} ${rendered.document.settings.orientation === 'landscape' ? 'lanskap' : 'tegak'}), ${values.out}`);
  } finally {
    await pool?.close();
  }
}
