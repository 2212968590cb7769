// @bpmn-io/properties-panel translates its built-in tooltips ("Toggle section", "Open pop-up editor") only through a
// `translate` prop of each group and entry, and bpmn-js-properties-panel does not pass one: they stay English. This
// provider runs after every other one (lowest priority) and hands the Indonesian translate() to each group.
import type { Element } from 'bpmn-js/lib/model/Types';
import type { translate as Translate } from './index';

interface PanelGroup {
  translate?: typeof Translate;
  [key: string]: unknown;
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: TranslatedGroupsProvider): void;
}

/** Lower than any other provider's priority, so every group exists when this one runs. */
const LAST = 1;

class TranslatedGroupsProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly translate: typeof Translate,
  ) {
    propertiesPanel.registerProvider(LAST, this);
  }

  getGroups(_element: Element): (groups: PanelGroup[]) => PanelGroup[] {
    return (groups) => groups.map((group) => (group.translate ? group : { ...group, translate: this.translate }));
  }
}

/** didi module: add after the properties panel modules. */
export default {
  __init__: ['translatedGroupsProvider'],
  translatedGroupsProvider: ['type', TranslatedGroupsProvider],
};
