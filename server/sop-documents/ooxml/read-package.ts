// Issue 17's package reader: the SOP table straight from a .docx/.xlsx package when the package holds the flowchart
// as shapes (symbols over the table's performer cells, connectors or lines between them). Undefined when it does not
// (no table, no shapes, a symbol outside the performer columns, a numbered row without a symbol, two in one row): then LibreOffice draws the file as PDF and the PDF
// reader reads it, as before.
import { flowchartTable, type FlowchartRead } from './flowchart-table';
import { openPackage } from './package-parts';
import { xlsxTables } from './xlsx-route';
import { docxTables } from './docx-route';
import type { SopIdentityDraft } from '../../sop/identity.schema';

export interface PackageRead extends FlowchartRead {
  identity: SopIdentityDraft;
  /** Flowchart tables found (a Word table per page, a sheet). */
  pages: number;
}

export function readPackage(bytes: Uint8Array, kind: 'docx' | 'xlsx'): PackageRead | undefined {
  try {
    const parts = openPackage(bytes);
    const { tables, identity, ambiguous = 0 } = kind === 'xlsx' ? { ...xlsxTables(parts), ambiguous: 0 } : docxTables(parts);
    const read = flowchartTable(tables);
    // A drawing the reader cannot place (a line that joins no two symbols, a symbol outside the performer columns, a numbered row without its symbol, two
    // symbols in one row: a table whose rows' heights the package does not fix) is left to LibreOffice's drawing.
    // A line that fits more than one page of a table over several pages cannot be placed either.
    if (!read || ambiguous > 0 || read.table.links.length === 0 || read.loose > 0 || read.unplaced > 0 || read.emptyRows > 0 || read.crowdedRows > 0) return undefined;
    return { ...read, identity, pages: tables.length };
  } catch {
    // A part the reader cannot follow: the file goes the LibreOffice way.
    return undefined;
  }
}
