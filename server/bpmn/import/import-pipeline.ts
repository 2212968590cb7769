// The import reader: an uploaded file's bytes → the map as it is stored, with every change and loss listed
// (docs/import.md). Decode honestly, fix ids and references moddle would drop, parse, turn moddle's warnings into
// ours, make sure the map is drawn, stamp the facts, and check that every id of the file is stored or warned about.
import type { ModdleElement } from 'bpmn-moddle';
import { DEFAULT_PROFILE, Profile, type MapKind } from '../../domain/vocabulary';
import { writeMapFacts } from '../map-facts';
import { readMapKind } from '../map-kind';
import { createModdle, parseBpmn } from '../moddle';
import { assertOutputSize, assertSafeBpmnXml } from '../xml-guard';
import { answerLanes, type LaneAnswers, type LaneMatch } from '../../import/lane-matching';
import type { SopIdentityDraft } from '../../sop/identity.schema';
import { sniffDocument, type DocumentFormat } from '../../sop-documents/document-format';
import type { TableGuess } from '../../sop-documents/sop-table.schema';
import type { KamusSynonym } from '../../lint/map-model/kamus-synonyms';
import { decodeBytes } from './decode-bytes';
import { generateDiagram } from './diagram-layout';
import { drawsSomething, ensureCanvas, repairPlanes, repairPools, undrawnWarnings } from './diagram-repair';
import { warning, type ImportWarning } from './import-warning';
import { fromModdleWarnings } from './moddle-warnings';
import { flattenMarkup } from './tolerant-content';
import { fixIdsAndReferences } from './tolerant-ids';
import { attribute, elementsOf, localName, parseXmlTree, serializeXmlTree, type XmlElement } from './xml-tree';

export interface MapFactsOfImport {
  kind: MapKind;
  profile: Profile;
  unit: string;
  name: string;
}

export interface ImportInput {
  /** The file exactly as uploaded. */
  bytes: Uint8Array;
  given: { kind?: MapKind; profile?: Profile; unit?: string; name?: string };
  /** Profile when neither given nor declared in the file (sk:profile). */
  defaultProfile: Profile;
  /** Name when neither given nor found in the file. */
  defaultName: string;
  /** The lanes answered in the import dialog (lane-matching.ts): written as sk: attributes; an unknown lane id is refused. */
  lanes?: LaneAnswers;
  /** The repository's synonyms of the kamus jabatan, for matching the lanes. */
  synonyms?: KamusSynonym[];
  /** For an SOP document: draw its first pages (the import dialog's preview shows them). */
  drawDocument?: boolean;
}

export interface ImportOutput {
  /** The map exactly as an import stores it. */
  xml: string;
  /** The facts stored: what was given, else what was read from the file. */
  facts: MapFactsOfImport;
  /** What the file says, or the defaults, regardless of what was given (the import dialog's suggestions). */
  suggested: MapFactsOfImport;
  warnings: ImportWarning[];
  /** Every lane of the stored map and how the kamus jabatan places it (the dialog's "Jalur dan jabatan"). */
  lanes: LaneMatch[];
  /** The answered lanes' names, for the repository to learn as kamus synonyms. */
  learnt: KamusSynonym[];
  /** For an SOP AP document (issue 17): what was read from it besides the map, and what the reader guessed. */
  document?: ImportedDocument;
}

export interface ImportedDocument {
  format: DocumentFormat;
  /** "PDF", "Excel .xlsx", "Word .doc", … */
  label: string;
  pages: number;
  /** The identity part's fields the document states, for the map's SOP record. */
  identity: SopIdentityDraft;
  /** The Pelaksana columns, the numbered rows and the arrows read. */
  columns: string[];
  rows: number;
  links: number;
  guesses: TableGuess[];
  /** The first pages of the original as PNG (base64), with their size in page units: the guesses' boxes are in those. */
  images: Array<{ page: number; width: number; height: number; png: string }>;
}

/** The unit a document's pool is named after when the import does not name one yet (the preview). */
const DOCUMENT_UNIT_PLACEHOLDER = 'Unit kerja';

export async function readImport(input: ImportInput): Promise<ImportOutput> {
  // An SOP AP document (PDF, Word, Excel) becomes a draft map first; the map then goes through the BPMN import below.
  if (!sniffDocument(input.bytes)) return readBpmnImport(input);
  const { readSopDocument } = await import('../../sop-documents/read-document');
  // The pages are drawn for the dialog's preview only, not for the import itself.
  const read = await readSopDocument(input.bytes, { unit: input.given.unit || DOCUMENT_UNIT_PLACEHOLDER, name: input.given.name ?? input.defaultName, draw: input.drawDocument ?? false });
  // The map's name is the SOP's (Nama SOP, else the title over its table, else the default: the file's name), never
  // its pool's, which is the unit's.
  const name = read.table.name ?? input.defaultName;
  const given = { ...input.given, ...(input.given.name === undefined ? { name } : {}) };
  const output = await readBpmnImport({ ...input, given, bytes: new TextEncoder().encode(read.xml) });
  // Which way an office file was read, so the user knows what to check.
  if (read.route === 'package') {
    output.warnings.unshift(warning('DOCUMENT_READ_FROM_PACKAGE', `${read.label} dibaca langsung dari isi berkasnya: simbol dan panah diambil dari bentuk-bentuk gambar di dalamnya.`, 'Panah yang tersambung (connector) ke simbolnya dibaca persis; garis lepas dicocokkan ke simbol terdekat dan ditandai sebagai tebakan.'));
  } else if (read.route === 'libreoffice-pdf') {
    output.warnings.unshift(warning('DOCUMENT_READ_AS_PDF', `${read.label} dibaca dari gambarnya: LibreOffice mencetaknya sebagai PDF lebih dulu.`, 'Berkas ini tidak memuat diagram alir sebagai bentuk gambar yang dapat dibaca langsung (atau berformat lama .doc/.xls); letak panah bisa bergeser saat dicetak.'));
  }
  const document: ImportedDocument = {
    format: read.format,
    label: read.label,
    pages: read.pages,
    identity: read.identity,
    columns: read.table.columns,
    rows: read.table.rows.filter((row) => row.no !== undefined).length,
    links: read.table.links.length,
    guesses: read.table.guesses,
    images: read.images.map(({ png, ...image }) => ({ ...image, png: Buffer.from(png).toString('base64') })),
  };
  return { ...output, suggested: { ...output.suggested, name }, document };
}

async function readBpmnImport({ bytes, given, defaultProfile, defaultName, lanes: answers, synonyms }: ImportInput): Promise<ImportOutput> {
  const decoded = decodeBytes(bytes);
  assertSafeBpmnXml(decoded.text);
  const tree = parseXmlTree(decoded.text);
  const tolerant = fixIdsAndReferences(tree);
  const markup = flattenMarkup(tree);
  const moddle = createModdle();
  const parsed = await parseBpmn(serializeXmlTree(tree), moddle);
  const { definitions } = parsed;
  const warnings = [...decoded.warnings, ...tolerant.warnings, ...markup, ...fromModdleWarnings(parsed.warnings, tree)];
  const unresolvedPools = parsed.warnings.flatMap((w) =>
    w.element?.$instanceOf('bpmn:Participant') && /^unresolved reference/.test(w.message) ? [w.element] : [],
  );
  warnings.push(...repairPools(definitions, unresolvedPools));
  warnings.push(...repairPlanes(definitions));
  if (!drawsSomething(definitions)) {
    const hadDiagram = ((definitions.get('diagrams') as ModdleElement[] | undefined) ?? []).length > 0;
    warnings.push(...(await generateDiagram(moddle, definitions, hadDiagram)));
  }
  warnings.push(...ensureCanvas(moddle, definitions));
  warnings.push(...undrawnWarnings(definitions));
  const suggested: MapFactsOfImport = {
    kind: readMapKind(definitions).kind,
    profile: declaredProfile(definitions) ?? defaultProfile ?? DEFAULT_PROFILE,
    unit: typeof definitions.get('sk:unit') === 'string' ? (definitions.get('sk:unit') as string).slice(0, 200) : '',
    name: nameInFile(definitions) ?? defaultName,
  };
  const facts: MapFactsOfImport = {
    kind: given.kind ?? suggested.kind,
    profile: given.profile ?? suggested.profile,
    unit: given.unit ?? '',
    name: given.name ?? suggested.name,
  };
  writeMapFacts(definitions, facts);
  // The lanes answered in the dialog, on the lanes as the map stores them (their ids fixed above), and every lane matched.
  const { lanes, learnt } = answerLanes(definitions, answers, synonyms);
  const { xml } = await moddle.toXML(definitions, { format: true });
  assertOutputSize(xml);
  warnings.push(...lostIds(tree, xml, warnings));
  return { xml, facts, suggested, warnings, lanes, learnt };
}

/**
 * Every id of the (id-fixed) file that the stored map no longer has, and no warning names yet: nothing leaves in
 * silence, whatever step lost it.
 */
function lostIds(input: XmlElement, xml: string, warnings: ImportWarning[]): ImportWarning[] {
  const stored = new Set<string>();
  for (const element of elementsOf(parseXmlTree(xml))) {
    const id = attribute(element, 'id');
    if (id !== undefined) stored.add(id);
  }
  const named = new Set(warnings.flatMap((w) => w.element ?? []));
  const regenerated = warnings.some((w) => w.code === 'DIAGRAM_GENERATED');
  const lost: ImportWarning[] = [];
  for (const element of elementsOf(input)) {
    const id = attribute(element, 'id');
    if (id === undefined || stored.has(id) || named.has(id)) continue;
    const container = ancestorNamed(element, named);
    const name = attribute(element, 'name');
    lost.push(
      warning(
        'ELEMENT_DROPPED',
        `Elemen <${element.name}>${name ? ` "${name}"` : ''} (baris ${element.line}) tidak tersimpan.`,
        container
          ? `Elemen ini berada di dalam "${container}", yang tidak tersimpan (lihat peringatan untuknya).`
          : regenerated && /^BPMN(Diagram|Plane|Shape|Edge|Label)/.test(localName(element.name))
            ? 'Gambar lama dalam berkas tidak menggambar prosesnya dan diganti gambar yang dibuat otomatis.'
            : 'Pembaca BPMN tidak dapat menyimpannya dalam model BPMN 2.0.',
        id,
      ),
    );
  }
  return lost;
}

function ancestorNamed(element: XmlElement, named: Set<string>): string | undefined {
  for (let e = element.parent; e; e = e.parent) {
    const id = attribute(e, 'id');
    if (id !== undefined && named.has(id)) return id;
  }
  return undefined;
}

/** The profile a BPMN file declares (sk:profile), which an import keeps unless told otherwise. */
export function declaredProfile(definitions: ModdleElement): Profile | undefined {
  const declared = Profile.safeParse(definitions.get('sk:profile'));
  return declared.success ? declared.data : undefined;
}

/** The first name the file gives its model: a pool, a process, or the definitions themselves. */
export function nameInFile(definitions: ModdleElement): string | undefined {
  const roots = (definitions.get('rootElements') as ModdleElement[] | undefined) ?? [];
  const candidates = [
    ...roots.filter((e) => e.$instanceOf('bpmn:Collaboration')).flatMap((c) => (c.get('participants') as ModdleElement[]) ?? []),
    ...roots.filter((e) => e.$instanceOf('bpmn:Process')),
    definitions,
  ];
  return candidates.map((e) => e.name?.trim().slice(0, 200)).find((n): n is string => !!n);
}
