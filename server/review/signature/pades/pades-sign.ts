// PAdES baseline B-B signing of the stored signed SOP (issue 19; ETSI EN 319 142-1): a signature field whose widget
// sits on the Disahkan box (the link to `…#tte` the renderer leaves there), with the visible appearance, subFilter
// ETSI.CAdES.detached, /M the signing time, and the CMS from any `Signer` (signer/signer.ts).
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString, PDFNumber, PDFRef } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { ELECTRONIC_SIGNATURE_ANCHOR } from '../../../sop/render/identity-part';
import { MAX_CMS_BYTES, type Signer } from '../signer/signer';
import { appearanceStream, type AppearanceLines } from './appearance';

export interface PadesInput {
  pdf: Uint8Array;
  signer: Signer;
  signingTime: Date;
  appearance: AppearanceLines;
  /** /Name, /Reason, /Location of the signature dictionary. */
  name: string;
  reason: string;
  location: string;
}

interface Box {
  pageIndex: number;
  rect: [number, number, number, number];
}

const uriOf = (annot: PDFDict): string | undefined => {
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  const uri = action?.lookup(PDFName.of('URI'));
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
};

/** Finds the Disahkan box (the link to …#tte) and takes the link away: the signature widget replaces it. */
function takeSignatureBox(doc: PDFDocument): Box | undefined {
  for (const [pageIndex, page] of doc.getPages().entries()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot || annot.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      if (!uriOf(annot)?.endsWith(ELECTRONIC_SIGNATURE_ANCHOR)) continue;
      const rect = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
      const ref = annots.get(i);
      annots.remove(i);
      if (ref instanceof PDFRef) doc.context.delete(ref);
      const [x1, y1, x2, y2] = rect as [number, number, number, number];
      return { pageIndex, rect: [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)] };
    }
  }
  return undefined;
}

/** Adapts our Signer to @signpdf's, which hands over the bytes of the ByteRange. */
class Adapter extends SignPdfSigner {
  constructor(private readonly signer: Signer) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await this.signer.sign(pdfBuffer));
  }
}

/** The PDF with a PAdES B-B signature; throws when the CMS does not fit MAX_CMS_BYTES. */
export async function signPdfPades(input: PadesInput): Promise<Uint8Array> {
  const doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
  const box = takeSignatureBox(doc) ?? { pageIndex: 0, rect: [0, 0, 0, 0] as Box['rect'] };
  const page = doc.getPage(box.pageIndex);
  pdflibAddPlaceholder({
    pdfPage: page,
    reason: input.reason,
    contactInfo: '',
    name: input.name,
    location: input.location,
    signingTime: input.signingTime,
    signatureLength: MAX_CMS_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: box.rect,
    appName: 'Petakerja',
  });
  const [x1, y1, x2, y2] = box.rect;
  if (x2 - x1 > 10 && y2 - y1 > 10) {
    const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
    const widget = annots.lookup(annots.size() - 1, PDFDict);
    const ap: PDFRef = await appearanceStream(doc, x2 - x1, y2 - y1, input.appearance);
    widget.set(PDFName.of('AP'), doc.context.obj({ N: ap }));
    widget.set(PDFName.of('TU'), PDFString.of('Tanda tangan elektronik'));
  }
  const prepared = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  const signed = await new SignPdf().sign(Buffer.from(prepared), new Adapter(input.signer));
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
