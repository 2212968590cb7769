// The properties panel, added to a modeller once its diagram is shown: the panel and what it brings (preact,
// CodeMirror, the FEEL editor) are about half of the modeller's code, and the first paint of a map needs none of it
// (issue 16). It lives in a child injector of the modeller's, which sees every service of the modeller.
import type Modeler from 'bpmn-js/lib/Modeler';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { Injector } from 'didi';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
// The panel's CSS comes with its code, not in the first paint's stylesheet; before our panel entries' CSS, as it was.
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './properties-panel.css';
import skPropertiesModule from '../features/sk-properties';

interface PanelRenderer {
  _render(element?: unknown): void;
}

/**
 * Starts the properties panel in `modeler` (its `propertiesPanel` config says where). The panel's modules wait for
 * `diagram.init`, which has long fired: they get an event bus that runs such listeners at once and hands every other
 * call to the modeller's own bus.
 */
export function addPropertiesPanel(modeler: Modeler): void {
  const eventBus = modeler.get<EventBus>('eventBus');
  const lateBus: EventBus = Object.create(eventBus);
  lateBus.on = ((events: string | string[], ...rest: unknown[]) => {
    if (events === 'diagram.init') {
      const callback = rest.find((argument) => typeof argument === 'function') as () => void;
      const that = typeof rest.at(-1) === 'object' ? rest.at(-1) : undefined;
      callback.call(that);
      return;
    }
    return (eventBus.on as (...args: unknown[]) => void)(events, ...rest);
  }) as EventBus['on'];
  const child = modeler.get<Injector>('injector').createChild([{ eventBus: ['value', lateBus] }, BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, skPropertiesModule]);
  child.init();
  // The root was added before the panel was there: it draws the element selected by now, else the process.
  const selected = modeler.get<{ get(): unknown[] }>('selection').get();
  child.get<PanelRenderer>('propertiesPanel')._render(selected.length === 1 ? selected[0] : undefined);
}
