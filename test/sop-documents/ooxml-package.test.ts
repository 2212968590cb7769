// The package reader (issue 17): .docx/.xlsx read straight from their parts — crafted Word packages for each way a
// flowchart is drawn (glued connectors, a loose line that stops short, an elbow connector, VML only, shapes in a cell
// or floating over the table, merged headers), each read through the import's reader and compared with the table it draws.
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../server/sop-documents/ooxml/read-package';
import { readSopDocument } from '../../server/sop-documents/read-document';
import { SopTable } from '../../server/sop-documents/sop-table.schema';
import { structure } from '../../server/sop-documents/table-structure';
import { cellBox, connector, HEADER_HEIGHTS, ROW_HEIGHT, TWIP, floatingSymbol, inlineSymbol, labelBox, SHEET_COLUMN, SHEET_ROW, sheetAnchor, sheetPackage, wordPackage, writerConnector, type WordRow } from '../helpers/ooxml-packages';

const PERFORMERS = ['Kepala Bidang', 'Staf'];
// Rows: start kapsul (Kepala Bidang), kotak (Staf), belah ketupat (Kepala Bidang: Ya → 4, Tidak → 2), end kapsul (Staf).
const PLAN: Array<{ column: number; preset: string }> = [
  { column: 0, preset: 'flowChartTerminator' },
  { column: 1, preset: 'rect' },
  { column: 0, preset: 'flowChartDecision' },
  { column: 1, preset: 'flowChartTerminator' },
];
const ROWS: WordRow[] = [
  { no: 1, kegiatan: 'Menerima berkas', waktu: '1 hari' },
  { no: 2, kegiatan: 'Memeriksa berkas', waktu: '2 jam' },
  { no: 3, kegiatan: 'Berkas lengkap?' },
  { no: 4, kegiatan: 'Mengarsipkan berkas', waktu: '1 jam' },
];
const EXPECTED = SopTable.parse({
  columns: PERFORMERS,
  rows: [
    { no: 1, kind: 'process', terminal: 'start', kegiatan: 'Menerima berkas', column: 0, mutuBaku: { waktu: '1 hari' } },
    { no: 2, kind: 'process', kegiatan: 'Memeriksa berkas', column: 1, mutuBaku: { waktu: '2 jam' } },
    { no: 3, kind: 'decision', kegiatan: 'Berkas lengkap?', column: 0, mutuBaku: {} },
    { no: 4, kind: 'process', terminal: 'end', kegiatan: 'Mengarsipkan berkas', column: 1, mutuBaku: { waktu: '1 jam' } },
  ],
  links: [
    { from: 0, to: 1 },
    { from: 1, to: 2 },
    { from: 2, to: 3, label: 'Ya', answer: 'ya' },
    { from: 2, to: 1, label: 'Tidak', answer: 'tidak' },
  ],
  guesses: [],
});

/** Each symbol's box (EMU): centred in its row's performer cell, 60 % × 50 % of it. */
const symbols = PLAN.map(({ column }, row) => {
  const cell = cellBox(PERFORMERS.length, 2 + column, row);
  return { x: cell.x + cell.width * 0.2, y: cell.y + cell.height * 0.25, width: cell.width * 0.6, height: cell.height * 0.5 };
});
type Box = (typeof symbols)[number];
const top = (b: Box) => ({ x: b.x + b.width / 2, y: b.y });
const bottom = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height });
const left = (b: Box) => ({ x: b.x, y: b.y + b.height / 2 });
const right = (b: Box) => ({ x: b.x + b.width, y: b.y + b.height / 2 });
const IDS = [11, 12, 13, 14];
const floating = () => PLAN.map(({ preset }, i) => floatingSymbol(symbols[i]!, preset, IDS[i])).join('');
// "Ya" below the decision, by its exit down; "Tidak" right of it, over its exit back up.
const YA = { x: bottom(symbols[2]!).x - 230000, y: bottom(symbols[2]!).y + 20000, width: 200000, height: 110000 };
const TIDAK = { x: right(symbols[2]!).x + 20000, y: right(symbols[2]!).y - 130000, width: 300000, height: 110000 };
const answers = () => labelBox(YA, 'Ya') + labelBox(TIDAK, 'Tidak');
/** The four arrows: elbows between columns, glued (start id, site, end id, site) unless `loose`. */
function arrows({ loose = false, short = 0 } = {}): string {
  const glue = (a: number, sa: number, b: number, sb: number) => (loose ? {} : { glue: [IDS[a]!, sa, IDS[b]!, sb] as [number, number, number, number] });
  const end1 = { ...left(symbols[1]!), x: left(symbols[1]!).x - short };
  return (
    connector(right(symbols[0]!), end1, { preset: 'bentConnector3', ...glue(0, 3, 1, 1) }) +
    connector(bottom(symbols[1]!), top(symbols[2]!), { preset: 'bentConnector3', ...glue(1, 2, 2, 0) }) +
    connector(bottom(symbols[2]!), left(symbols[3]!), { preset: 'bentConnector3', ...glue(2, 2, 3, 1) }) +
    // "Tidak" goes back up: an elbow turned the other way (flipV), its head at its end.
    connector(right(symbols[2]!), bottom(symbols[1]!), { preset: 'bentConnector2', ...glue(2, 3, 1, 2) })
  );
}
const read = (bytes: Uint8Array) => readSopDocument(bytes, { unit: 'Dinas Uji', name: 'Peta' });

describe('a Word package read from its parts', () => {
  it('glued connectors and elbow connectors: the table exactly, nothing guessed, read without LibreOffice', async () => {
    const got = await read(wordPackage(PERFORMERS, ROWS, floating() + arrows() + answers()));
    expect(got.route).toBe('package');
    expect(got.label).toBe('Word .docx');
    expect(structure(got.table)).toEqual(structure(EXPECTED));
    expect(got.table.guesses).toEqual([]);
    expect(got.xml).toContain('bpmn:lane');
  });

  it('a glued connector whose drawn end stops short is exact; the same line loose is matched to the nearest symbol as a guess', async () => {
    const short = symbols[1]!.width * 0.4;
    const glued = await read(wordPackage(PERFORMERS, ROWS, floating() + arrows({ short }) + answers()));
    expect(structure(glued.table)).toEqual(structure(EXPECTED));
    expect(glued.table.guesses).toEqual([]);
    const loose = await read(wordPackage(PERFORMERS, ROWS, floating() + arrows({ loose: true, short }) + answers()));
    expect(structure(loose.table)).toEqual(structure(EXPECTED));
    expect(loose.table.guesses).toEqual([expect.objectContaining({ kind: 'arrow-end', link: 0 })]);
  });

  it('shapes anchored in the performer cell read as the same shapes floating over it', async () => {
    const inCells = ROWS.map((row, i) => ({ ...row, inCell: { column: PLAN[i]!.column, xml: inlineSymbol(Math.round(symbols[i]!.width), Math.round(symbols[i]!.height), PLAN[i]!.preset, IDS[i]) } }));
    const got = await read(wordPackage(PERFORMERS, inCells, arrows() + answers()));
    expect(got.route).toBe('package');
    expect(structure(got.table)).toEqual(structure(EXPECTED));
  });

  it('a drawing in VML only (v:roundrect, v:rect, a decision v:shape, v:line with arrowheads, text boxes)', async () => {
    const pt = (emu: number) => `${(emu / 12700).toFixed(2)}pt`;
    const place = (b: Box) => `position:absolute;margin-left:${pt(b.x)};margin-top:${pt(b.y)};width:${pt(b.width)};height:${pt(b.height)};mso-position-horizontal-relative:page;mso-position-vertical-relative:page`;
    const shapes = [
      `<v:roundrect style="${place(symbols[0]!)}"/>`,
      `<v:rect style="${place(symbols[1]!)}"/>`,
      `<v:shape type="#_x0000_t110" o:spt="110" style="${place(symbols[2]!)}"/>`,
      `<v:roundrect style="${place(symbols[3]!)}"/>`,
    ];
    const line = (a: { x: number; y: number }, b: { x: number; y: number }) => `<v:line from="${pt(a.x)},${pt(a.y)}" to="${pt(b.x)},${pt(b.y)}" style="position:absolute;mso-position-horizontal-relative:page;mso-position-vertical-relative:page"><v:stroke endarrow="block"/></v:line>`;
    const lines = [line(right(symbols[0]!), left(symbols[1]!)), line(bottom(symbols[1]!), top(symbols[2]!)), line(bottom(symbols[2]!), left(symbols[3]!)), line(right(symbols[2]!), bottom(symbols[1]!))];
    const text = (b: Box, t: string) => `<v:rect stroked="f" filled="f" style="${place(b)}"><v:textbox><w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect>`;
    const labels = [text(YA, 'Ya'), text(TIDAK, 'Tidak')];
    const vml = `<w:r><w:pict>${[...shapes, ...lines, ...labels].join('')}</w:pict></w:r>`;
    const got = await read(wordPackage(PERFORMERS, ROWS, vml));
    expect(got.route).toBe('package');
    expect(structure(got.table)).toEqual(structure(EXPECTED));
  });

  it('a decision drawn as a VML path (a four-point diamond, as LibreOffice Writer writes it) is a belah ketupat', async () => {
    const pt = (emu: number) => `${(emu / 12700).toFixed(2)}pt`;
    const place = (b: Box) => `position:absolute;margin-left:${pt(b.x)};margin-top:${pt(b.y)};width:${pt(b.width)};height:${pt(b.height)};mso-position-horizontal-relative:page;mso-position-vertical-relative:page`;
    const diamond = `<w:r><w:pict><v:shape coordsize="2401,901" path="m1200,0l2400,450l1200,900l0,450l1200,0e" stroked="t" style="${place(symbols[2]!)}"/></w:pict></w:r>`;
    const others = PLAN.map(({ preset }, i) => (i === 2 ? diamond : floatingSymbol(symbols[i]!, preset, IDS[i]))).join('');
    const got = await read(wordPackage(PERFORMERS, ROWS, others + arrows() + answers()));
    expect(got.route).toBe('package');
    expect(structure(got.table)).toEqual(structure(EXPECTED));
  });

  it("connectors as LibreOffice Writer writes them (a 1 mm anchor, no glue): placed on their VML fallback's bounds, directed by their flips and arrowhead", async () => {
    const writer =
      writerConnector(right(symbols[0]!), left(symbols[1]!)) +
      writerConnector(bottom(symbols[1]!), top(symbols[2]!)) +
      writerConnector(bottom(symbols[2]!), left(symbols[3]!)) +
      writerConnector(right(symbols[2]!), bottom(symbols[1]!), 'bentConnector2');
    const got = await read(wordPackage(PERFORMERS, ROWS, floating() + writer + answers()));
    expect(got.route).toBe('package');
    expect(structure(got.table)).toEqual(structure(EXPECTED));
    expect(got.table.guesses).toEqual([]);
  });

  it('a table in the text flow: shapes anchored to the paragraph above it placed through its grid; Writer connectors at their page position', async () => {
    // Margins of 1000 twips: the paragraph's top and its column's left at the margin, the table one line lower.
    const margin = 1000 * 635;
    const line = 276 * 635;
    const onPage = (b: Box) => ({ ...b, x: b.x + margin, y: b.y + margin + line });
    const fromParagraph = (b: Box) => ({ ...b, y: b.y + line });
    const shapes = PLAN.map(({ preset }, i) => floatingSymbol(fromParagraph(symbols[i]!), preset, IDS[i], 'paragraph')).join('');
    // LibreOffice Writer writes a connector anchored to the page under relativeFrom column / paragraph, at its page position.
    const s = symbols.map(onPage);
    const writer =
      writerConnector(right(s[0]!), left(s[1]!)) +
      writerConnector(bottom(s[1]!), top(s[2]!)) +
      writerConnector(bottom(s[2]!), left(s[3]!)) +
      writerConnector(right(s[2]!), bottom(s[1]!), 'bentConnector2');
    const labels = labelBox(onPage(YA), 'Ya') + labelBox(onPage(TIDAK), 'Tidak');
    const got = await read(wordPackage(PERFORMERS, ROWS, shapes + writer + labels, { margin: 1000 }));
    expect(got.route).toBe('package');
    expect(structure(got.table)).toEqual(structure(EXPECTED));
    expect(got.table.guesses).toEqual([]);
  });

  it('a table over two pages (header repeated): laid out page by page, the second page\'s lines written into the first page go to it', async () => {
    // 12 rows of 1200 twips on pages 11906 twips high with margins of 1000: the table starts one line (276) under the
    // margin, its header 800 high; 8 rows fit on page 1, rows 9 to 12 follow the header repeated at the top of page 2.
    const margin = 1000;
    const count = 12;
    const rowTop = (row: number) => (row < 8 ? margin + 276 + HEADER_HEIGHTS[0]! + HEADER_HEIGHTS[1]! + row * ROW_HEIGHT : margin + HEADER_HEIGHTS[0]! + HEADER_HEIGHTS[1]! + (row - 8) * ROW_HEIGHT) * TWIP;
    // Page 2 starts in the other column, so that no line of page 2 would also join two symbols of page 1.
    const columnOf = (row: number) => (row < 8 ? row % 2 : (row + 1) % 2);
    const size = { width: 700 * TWIP, height: 500 * TWIP };
    // An inline symbol stands 1 EMU in from its cell's top left.
    const box = (row: number) => ({ x: margin * TWIP + cellBox(PERFORMERS.length, 2 + columnOf(row), 0).x + 1, y: rowTop(row) + 1, ...size });
    const rows = Array.from({ length: count }, (_, row) => ({
      no: row + 1,
      kegiatan: `Kegiatan ${row + 1}`,
      inCell: { column: columnOf(row), xml: inlineSymbol(size.width, size.height, row === 0 || row === count - 1 ? 'flowChartTerminator' : 'rect') },
    }));
    // Every arrow but the one across the page break, all anchored to the page in the paragraph before the table.
    const lines = Array.from({ length: count - 1 }, (_, row) => row)
      .filter((row) => row !== 7)
      .map((row) => connector(bottom(box(row)), top(box(row + 1)), { preset: 'straightConnector1' }))
      .join('');
    const got = await read(wordPackage(PERFORMERS, rows, lines, { margin }));
    expect(got.route).toBe('package');
    expect(got.table.guesses).toEqual([]);
    expect(got.table.rows.map((row) => [row.no, row.column, row.kind, row.terminal])).toEqual(rows.map((_, row) => [row + 1, columnOf(row), 'process', row === 0 ? 'start' : row === count - 1 ? 'end' : undefined]));
    expect(got.table.links.map(({ from, to }) => [from, to])).toEqual(Array.from({ length: count - 1 }, (_, row) => [row, row + 1]).filter(([from]) => from !== 7));
    // Symbols nearly as tall as their rows, all in one column: a line of page 2 (between the bottom of one symbol and
    // the top of the next) also meets a symbol where page 1 stands (both its ends on one symbol): it cannot be placed,
    // and the package is not read (a wrong table without a guess is never given).
    const tall = { width: 700 * TWIP, height: 1000 * TWIP };
    const same = rows.map((row) => ({ ...row, inCell: { column: 0, xml: inlineSymbol(tall.width, tall.height, 'rect') } }));
    const at = (r: number) => ({ x: margin * TWIP + cellBox(PERFORMERS.length, 2, 0).x + 1, y: rowTop(r) + 1, ...tall });
    const sameLines = Array.from({ length: count - 1 }, (_, row) => row)
      .filter((row) => row !== 7)
      .map((row) => connector(bottom(at(row)), top(at(row + 1)), { preset: 'straightConnector1' }))
      .join('');
    expect(readPackage(wordPackage(PERFORMERS, same, sameLines, { margin }), 'docx')).toBeUndefined();
  });

  it('the merged header: Pelaksana over its performers (gridSpan), Mutu Baku over its parts, No and Kegiatan over two rows (vMerge)', async () => {
    const got = await read(wordPackage(['Kepala Bidang', 'Staf', 'Bendahara'], ROWS, floating() + arrows() + answers()));
    expect(got.table.columns).toEqual(['Kepala Bidang', 'Staf', 'Bendahara']);
    expect(got.table.rows.map((row) => [row.no, row.kegiatan, row.mutuBaku.waktu])).toEqual(ROWS.map((row) => [row.no, row.kegiatan, row.waktu]));
  });

  it('a package without shapes goes the LibreOffice way, and so does one with a symbol outside the performer columns', async () => {
    const plain = await read(wordPackage(PERFORMERS, ROWS, ''));
    expect(plain.route).toBe('libreoffice-pdf');
    expect(plain.table.columns).toEqual(PERFORMERS);
    // A kapsul over the Kegiatan column: the package reader cannot place it, the drawing decides.
    const kegiatan = cellBox(PERFORMERS.length, 1, 0);
    const astray = floatingSymbol({ x: kegiatan.x + 100000, y: kegiatan.y + 100000, width: 400000, height: 200000 }, 'flowChartTerminator');
    expect(readPackage(wordPackage(PERFORMERS, ROWS, floating() + arrows() + answers()), 'docx')).toBeDefined();
    expect(readPackage(wordPackage(PERFORMERS, ROWS, floating() + astray + arrows() + answers()), 'docx')).toBeUndefined();
  }, 60_000);
});

describe('an Excel package read from its parts', () => {
  // Rows 1–2 the identity, 4–5 the header (merged), 6–9 the body; columns A No, B Kegiatan, C–D Pelaksana, E–G Mutu Baku, H Keterangan.
  const BODY = 5;
  const rowEdges = [0];
  for (let r = 0; r < 12; r++) rowEdges.push(rowEdges.at(-1)! + (r >= BODY ? SHEET_ROW.body : SHEET_ROW.other));
  const sheetSymbols = PLAN.map(({ column }, row) => ({ x: (2 + column + 0.2) * SHEET_COLUMN, y: rowEdges[BODY + row]! + SHEET_ROW.body * 0.25, width: SHEET_COLUMN * 0.6, height: SHEET_ROW.body * 0.5 }));
  const cells = [
    { ref: 'A1', text: 'Nomor SOP' },
    { ref: 'B1', text: '065/12/Org/2026' },
    { ref: 'A2', text: 'Nama SOP' },
    { ref: 'B2', text: 'Pengarsipan Berkas' },
    ...['A4:No', 'B4:Kegiatan', 'C4:Pelaksana', 'E4:Mutu Baku', 'H4:Keterangan', 'C5:Kepala Bidang', 'D5:Staf', 'E5:Kelengkapan', 'F5:Waktu', 'G5:Output'].map((c) => ({ ref: c.split(':')[0]!, text: c.split(':')[1]! })),
    ...ROWS.flatMap((row, i) => [
      { ref: `A${BODY + 1 + i}`, text: String(row.no) },
      { ref: `B${BODY + 1 + i}`, text: row.kegiatan },
      ...(row.waktu ? [{ ref: `F${BODY + 1 + i}`, text: row.waktu }] : []),
    ]),
  ];
  const shape = (box: Box, preset: string, id: number) =>
    sheetAnchor(box, rowEdges, (xfrm) => `<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="${id}" name="s${id}"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr>${xfrm()}<a:prstGeom prst="${preset}"><a:avLst/></a:prstGeom><a:ln w="6350"/></xdr:spPr></xdr:sp>`);
  const text = (box: Box, t: string, id: number) =>
    sheetAnchor(box, rowEdges, (xfrm) => `<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="${id}" name="t${id}"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr>${xfrm()}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>${t}</a:t></a:r></a:p></xdr:txBody></xdr:sp>`);
  const link = (a: { x: number; y: number }, b: { x: number; y: number }, glue: [number, number, number, number], preset: string, id: number) => {
    const box = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x) || 1, height: Math.abs(b.y - a.y) || 1 };
    const flip = `${b.x < a.x ? ' flipH="1"' : ''}${b.y < a.y ? ' flipV="1"' : ''}`;
    return sheetAnchor(box, rowEdges, (xfrm) =>
      `<xdr:cxnSp><xdr:nvCxnSpPr><xdr:cNvPr id="${id}" name="c${id}"/><xdr:cNvCxnSpPr><a:stCxn id="${glue[0]}" idx="${glue[1]}"/><a:endCxn id="${glue[2]}" idx="${glue[3]}"/></xdr:cNvCxnSpPr></xdr:nvCxnSpPr>` +
      `<xdr:spPr>${xfrm(flip)}<a:prstGeom prst="${preset}"><a:avLst/></a:prstGeom><a:ln w="6350"><a:tailEnd type="triangle"/></a:ln></xdr:spPr></xdr:cxnSp>`);
  };
  const [s0, s1, s2, s3] = sheetSymbols as [Box, Box, Box, Box];
  const anchors = [
    ...PLAN.map(({ preset }, i) => shape(sheetSymbols[i]!, preset, 2 + i)),
    link(right(s0), left(s1), [2, 3, 3, 1], 'bentConnector3', 10),
    link(bottom(s1), top(s2), [3, 2, 4, 0], 'bentConnector3', 11),
    link(bottom(s2), left(s3), [4, 2, 5, 1], 'bentConnector2', 12),
    link(right(s2), bottom(s1), [4, 3, 3, 2], 'bentConnector2', 13),
    text({ x: bottom(s2).x - 230000, y: bottom(s2).y + 20000, width: 200000, height: 110000 }, 'Ya', 20),
    text({ x: right(s2).x + 20000, y: right(s2).y - 130000, width: 300000, height: 110000 }, 'Tidak', 21),
  ].join('');
  const merges = ['A4:A5', 'B4:B5', 'C4:D4', 'E4:G4', 'H4:H5'];

  it('shapes anchored to cells, connectors glued by their ids, the identity above the table', async () => {
    const got = await read(sheetPackage(cells, merges, BODY, anchors));
    expect(got.route).toBe('package');
    expect(got.label).toBe('Excel .xlsx');
    expect(structure(got.table)).toEqual(structure(EXPECTED));
    expect(got.table.guesses).toEqual([]);
    expect(got.identity).toEqual({ nomor: '065/12/Org/2026', namaSop: 'Pengarsipan Berkas' });
    expect(got.table.name).toBe('Pengarsipan Berkas');
  });
});
