// Adds the "Petakerja" group (the sk: attributes) to the properties panel, right after the general group.
import type { Element } from 'bpmn-js/lib/model/Types';
import { panelEntry, type PanelEntry } from './entries';
import { fieldSetFor } from './fields';
import type { SkVocabulary } from './vocabulary';

interface PanelGroup {
  id: string;
  label: string;
  entries: PanelEntry[];
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: SkPropertiesProvider): void;
}

// Below the BPMN provider's priority, so its groups exist when ours is placed among them.
const LOW_PRIORITY = 500;

export default class SkPropertiesProvider {
  static $inject = ['propertiesPanel', 'config.skVocabulary'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly vocabulary: SkVocabulary,
  ) {
    propertiesPanel.registerProvider(LOW_PRIORITY, this);
  }

  getGroups(element: Element): (groups: PanelGroup[]) => PanelGroup[] {
    return (groups) => {
      const fieldSet = fieldSetFor(element, this.vocabulary);
      if (!fieldSet) return groups;
      const group: PanelGroup = {
        id: 'petakerja',
        label: 'Petakerja',
        entries: fieldSet.fields.map((field) => panelEntry(element, field, fieldSet.scope)),
      };
      const general = groups.findIndex((candidate) => candidate.id === 'general');
      groups.splice(general + 1, 0, group);
      return groups;
    };
  }
}
