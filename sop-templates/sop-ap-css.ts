// The stylesheet of the SOP AP document (server/sop/render/): a TS module so the template stays pure and can be
// bundled for the browser. Sizes are in mm; the procedure pages draw the layout model's mm coordinates as they are.
// Fonts: Debian's Liberation fonts (fonts-liberation) by family name, which Chromium embeds (subset) in the PDF.
// The body font size and line height of the procedure table come from the layout's typography (inline per page).
export const SOP_AP_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  font-family: 'Liberation Sans', Arial, Helvetica, sans-serif;
  color: #000;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.page {
  position: relative;
  overflow: hidden;
  background: #fff;
  break-after: page;
  page-break-after: always;
}
.page:last-of-type { break-after: auto; page-break-after: auto; }
.page-label { display: none; }

/* Identity part (SOP-FORMAT.md §1) */
.identity { padding: 10mm 10mm 4mm; font-size: 3.2mm; line-height: 1.3; }
.identity table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.identity td { border: 0.3mm solid #000; vertical-align: top; padding: 1.6mm 2.2mm; overflow-wrap: anywhere; }
.identity .letterhead { text-align: center; vertical-align: middle; }
.identity .letterhead img { display: block; margin: 0 auto 2.5mm; max-width: 24mm; max-height: 26mm; }
.identity .letterhead .pemda { font-size: 4.4mm; font-weight: bold; text-transform: uppercase; }
.identity .letterhead .unit { font-size: 4mm; font-weight: bold; text-transform: uppercase; margin-top: 1mm; }
.identity .letterhead .sub-unit { font-size: 3.6mm; margin-top: 1mm; }
.identity .fields { padding: 0; }
.identity .fields table td { border: none; border-bottom: 0.2mm solid #000; padding: 1.2mm 2.2mm; }
.identity .fields table tr:last-child td { border-bottom: none; }
.identity .fields .label { width: 36%; font-weight: bold; }
.identity .fields .colon { width: 3%; padding-left: 0; padding-right: 0; }
.identity .signature .space { height: 15mm; }
/* Signed with a certificate (issue 19): the visible electronic signature is drawn in this box by the signer. */
.identity .signature a.space.tte { display: block; height: 22mm; }
.identity .signature .nama { font-weight: bold; text-decoration: underline; }
.identity .nama-sop { font-weight: bold; font-size: 3.6mm; }
.identity .box-title { font-weight: bold; margin-bottom: 1mm; }
.identity ol { margin: 0; padding-left: 5mm; }
.identity .empty { color: #555; }
/* A signed SOP (issue 6): the QR of its verification page beside the signature, the address below. */
.identity .signed { display: flex; align-items: flex-start; gap: 3mm; }
.identity .signed .signatory { flex: 1 1 auto; min-width: 0; }
.identity .verification { flex: 0 0 auto; width: 25mm; text-align: center; font-size: 2.5mm; line-height: 1.25; }
.identity .verification .qr { padding: 1mm; background: #fff; }
.identity .verification .qr svg { display: block; width: 22mm; height: 22mm; margin: 0 auto; }
.identity .verification .code { font-family: 'Liberation Mono', 'Courier New', monospace; font-weight: bold; font-size: 2.6mm; white-space: nowrap; }
.identity .verify-url { margin-top: 1.5mm; font-size: 2.4mm; color: #222; }
.identity .verify-url .url { display: block; overflow-wrap: normal; }
.identity .verify-url .nowrap { white-space: nowrap; }

/* Procedure part (SOP-FORMAT.md §2): absolute mm coordinates from the layout model */
.procedure svg.frame { position: absolute; left: 0; top: 0; }
.procedure .cell {
  position: absolute;
  display: flex;
  flex-direction: column;
  justify-content: center;
  overflow-wrap: anywhere;
  hyphens: manual;
  white-space: pre-line;
  overflow: hidden;
}
.procedure .cell.center { text-align: center; }
.procedure .cell.left { text-align: left; }
.procedure .cell.bold { font-weight: bold; }
.procedure .cell.header { background: transparent; }
/* The sub-process a run of rows lies in (issue 14 item 7), above the first row's Kegiatan */
.procedure .cell .frame-heading { font-style: italic; font-weight: bold; }
.procedure .title { position: absolute; font-weight: bold; font-size: 3.2mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.procedure text { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; }

/* Appendix: the BPMN diagram */
.appendix { padding: 10mm; }
.appendix h2 { font-size: 4mm; margin: 0 0 4mm; }
.appendix .diagram { position: absolute; left: 10mm; right: 10mm; top: 20mm; bottom: 10mm; display: flex; align-items: center; justify-content: center; }
.appendix .diagram svg { max-width: 100%; max-height: 100%; width: 100%; height: 100%; }

@media screen {
  body { background: #9a9a9a; padding: 6mm 0; }
  .page { margin: 0 auto 6mm; box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.35); }
  .page-label { display: block; position: absolute; bottom: 2mm; right: 10mm; font-size: 2.6mm; }
}
`;
