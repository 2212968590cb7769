// The read-only picture of the map in the import dialog: bpmn-js's NavigatedViewer on the preview's XML, fit to view.
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { importDiagram } from '../../diagram/diagramFiles';
import { fitDiagram } from '../../diagram/viewport';

/** Draws `xml` into `container`; the caller destroys the viewer when the dialog closes. */
export async function showPreviewDiagram(container: HTMLElement, xml: string): Promise<{ viewer: NavigatedViewer; warnings: string[] }> {
  const { createViewer } = await import('../../diagram/createDiagram');
  const viewer = createViewer(container);
  try {
    const warnings = await importDiagram(viewer, xml);
    fitDiagram(viewer, 16);
    return { viewer, warnings };
  } catch (error) {
    viewer.destroy();
    throw error;
  }
}
