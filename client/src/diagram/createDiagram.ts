// Builds the bpmn-js instances of the app: every one reads and writes the sk: extension and speaks Indonesian.
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import OutlineModule from 'bpmn-js/lib/features/outline';
import skDescriptor from '../../../server/bpmn/sk-moddle.json';
import changeTrackingModule from '../features/change-tracking';
import lintModule from '../features/lint';
import paletteKeyboardModule from '../features/palette-keyboard';
import type { SkVocabulary } from '../features/sk-properties/vocabulary';
import translateModule from '../i18n';

const moddleExtensions = { sk: skDescriptor };

export function createModeler(options: { canvas: HTMLElement; propertiesPanel: HTMLElement; vocabulary: SkVocabulary }): Modeler {
  return new Modeler({
    container: options.canvas,
    moddleExtensions,
    additionalModules: [
      translateModule,
      // The properties panel comes after the first paint: lateProperties.ts.
      changeTrackingModule,
      lintModule,
      paletteKeyboardModule,
    ],
    propertiesPanel: {
      parent: options.propertiesPanel,
      // Open what a user edits most; the panel remembers what they open or close afterwards.
      layout: { groups: { general: { open: true }, petakerja: { open: true } } },
    },
    skVocabulary: options.vocabulary,
  });
}

/** A viewer that still outlines the element the reader selects (its facts show beside the diagram). */
export function createViewer(canvas: HTMLElement): NavigatedViewer {
  return new NavigatedViewer({
    container: canvas,
    moddleExtensions,
    additionalModules: [translateModule, OutlineModule],
  });
}
