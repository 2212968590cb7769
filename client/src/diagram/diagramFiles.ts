// Moving diagrams between bpmn-js and files: reading foreign .bpmn files and downloading .bpmn / .svg.
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type { ProcessMap } from '../api/types';
import { translate } from '../i18n';
import { errorDialog } from '../ui/dialog';
import { UserFacingError } from '../ui/errors';
import { downloadText, exportFileName } from '../ui/files';

export async function serializeDiagram(viewer: BaseViewer): Promise<string> {
  const { xml } = await viewer.saveXML({ format: true });
  if (xml === undefined) throw new UserFacingError('Diagram tidak dapat diubah menjadi XML BPMN.');
  return xml;
}

/** Imports XML, turning bpmn-js's English failure into an Indonesian one; resolves with the import warnings. */
export async function importDiagram(viewer: BaseViewer, xml: string): Promise<string[]> {
  try {
    const { warnings } = await viewer.importXML(xml);
    return warnings;
  } catch (error) {
    const reason = error instanceof Error && error.message ? [`Keterangan: ${translate(error.message)}`] : [];
    throw new UserFacingError('Isi berkas tidak dapat dibaca sebagai diagram BPMN 2.0.', reason);
  }
}

export async function downloadBpmn(viewer: BaseViewer, map: ProcessMap, revision?: number): Promise<void> {
  downloadText(exportFileName(map, 'bpmn', revision), await serializeDiagram(viewer), 'application/xml');
}

/** A click handler running a download, telling the user when it fails. */
export function exportAction(download: () => Promise<void>): () => void {
  return () => {
    download().catch((error: unknown) => errorDialog('Diagram tidak dapat diekspor', error));
  };
}

export async function downloadSvg(viewer: BaseViewer, map: ProcessMap, revision?: number): Promise<void> {
  const { svg } = await viewer.saveSVG();
  downloadText(exportFileName(map, 'svg', revision), svg, 'image/svg+xml');
}
