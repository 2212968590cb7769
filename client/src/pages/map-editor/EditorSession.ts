// The map open in the editor: its record, the revision it is based on, and what can be done to its diagram.
import type Modeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type Modeling from 'bpmn-js/lib/features/modeling/Modeling';
import type DirectEditing from 'diagram-js-direct-editing/lib/DirectEditing';
import type { Root } from 'bpmn-js/lib/model/Types';
import { ApiError, type Api } from '../../api/client';
import type { ProcessMap, Revision } from '../../api/types';
import { importDiagram, serializeDiagram } from '../../diagram/diagramFiles';
import type ChangeTracker from '../../features/change-tracking/ChangeTracker';

export type SaveOutcome =
  | { status: 'saved'; revision: Revision }
  | { status: 'conflict'; baseRevision: number; currentRevision: number | null };

export class EditorSession {
  readonly changeTracker: ChangeTracker;
  /** The revision the diagram is based on; only our own saves move it, never a newer record from the server. */
  private base: number;

  constructor(
    readonly modeler: Modeler,
    private readonly api: Api,
    private currentMap: ProcessMap,
    /** The XML of the revision the diagram is based on, to fall back to. */
    private savedXml: string,
  ) {
    this.changeTracker = modeler.get<ChangeTracker>('changeTracker');
    this.base = currentMap.currentRevision;
  }

  get map(): ProcessMap {
    return this.currentMap;
  }

  get baseRevision(): number {
    return this.base;
  }

  /** Opens the saved revision; resolves with what bpmn-js warned about while reading and drawing it. */
  async open(): Promise<string[]> {
    return importDiagram(this.modeler, this.savedXml);
  }

  /** Commits a label still being typed on the canvas, so saving or exporting includes it. */
  finishEditing(): void {
    const directEditing = this.modeler.get<DirectEditing>('directEditing');
    if (directEditing.isActive()) directEditing.complete();
  }

  /** Saves the diagram as a new revision on top of the one it was loaded from; never over someone else's. */
  async save(message: string): Promise<SaveOutcome> {
    this.finishEditing();
    const xml = await serializeDiagram(this.modeler);
    const baseRevision = this.base;
    try {
      const { revision, map } = await this.api.saveRevision(this.currentMap.id, { xml, baseRevision, message });
      this.currentMap = map;
      this.base = revision.n;
      this.savedXml = xml;
      this.changeTracker.markSaved();
      return { status: 'saved', revision };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'REVISION_CONFLICT') {
        const current = error.details.currentRevision;
        return { status: 'conflict', baseRevision, currentRevision: typeof current === 'number' ? current : null };
      }
      throw error;
    }
  }

  /** Replaces the diagram with a file's content; on failure the diagram stays as it was. */
  async replaceWith(xml: string): Promise<string[]> {
    const previous = await serializeDiagram(this.modeler);
    const previousDefinitions = this.modeler.getDefinitions();
    const wasDirty = this.changeTracker.isDirty();
    try {
      const warnings = await importDiagram(this.modeler, xml);
      this.changeTracker.markUnsaved();
      return warnings;
    } catch (error) {
      // A file that does not even parse leaves the diagram (and its undo history) untouched;
      // one that fails while rendering has already cleared it, so the previous diagram comes back.
      if (this.modeler.getDefinitions() !== previousDefinitions) {
        await importDiagram(this.modeler, previous);
        if (wasDirty) this.changeTracker.markUnsaved();
      }
      throw error;
    }
  }

  /** Takes over a newer revision saved elsewhere; only called while nothing here is unsaved. */
  async adoptRevision(map: ProcessMap, xml: string): Promise<string[]> {
    const warnings = await importDiagram(this.modeler, xml);
    this.currentMap = map;
    this.base = map.currentRevision;
    this.savedXml = xml;
    this.changeTracker.markSaved();
    return warnings;
  }

  async discardChanges(): Promise<string[]> {
    return importDiagram(this.modeler, this.savedXml);
  }

  /**
   * Takes over edited map metadata; a changed unit or profile is also written into the diagram
   * (sk:unit, sk:profile on bpmn:Definitions), as an undoable change. Returns whether the diagram changed.
   */
  updateMap(map: ProcessMap): boolean {
    const previous = this.currentMap;
    this.currentMap = map;
    const changes: Record<string, string | undefined> = {};
    if (map.unit !== previous.unit) changes['sk:unit'] = map.unit || undefined;
    if (map.profile !== previous.profile) changes['sk:profile'] = map.profile;
    if (Object.keys(changes).length === 0) return false;
    const root = this.modeler.get<Canvas>('canvas').getRootElement() as Root;
    this.modeler.get<Modeling>('modeling').updateModdleProperties(root, this.modeler.getDefinitions(), changes);
    return true;
  }
}
