// Re-lints the diagram right after an edit, in the worker, and announces only the newest answer. Edits in quick
// succession coalesce: the short debounce gathers a burst, a change while the XML is written restarts the writing,
// and the worker lints only the newest of the requests waiting for it (lint.worker.ts). The XML for the worker is
// written in slices (slicedXml), so serialising a big map never blocks the main thread, lean: without what no rule
// reads (edges' waypoints, labels' DI), and re-using the pieces of the last XML that the edit left unchanged. XML the
// worker answered for moments ago (a label moved, an undo) gets that answer again without the worker (lintAnswers).
import type EventBus from 'diagram-js/lib/core/EventBus';
import { LINT_CHANGED_EVENT, type KamusSynonym, type LintResult, type LintState, type Profile } from './lintProtocol';
import type { LintBackend } from './LintWorkerClient';
import { LintAnswers } from './lintAnswers';
import { PieceCache, slicedXml, type XmlElement, type XmlModdle } from './slicedXml';
import { Cancelled, nextTask, SLICE_MS, slicePauser } from './timeSlices';
import { afterNextPaint } from '../../ui/afterPaint';

/**
 * Gathers the commands of one gesture (they come in one task: a timer of 0 runs after it); a lint under way does not
 * hold the next one back, a change stops a serialisation under way at its next slice and the worker lints only the
 * newest request, so a burst (arrow-key nudges) costs little. 400 ms before issue 16, then 40, then 16 (one frame).
 */
export const LINT_DEBOUNCE_MS = 0;

interface DefinitionsSource {
  getDefinitions(): unknown;
}

export default class LintScheduler {
  static $inject = ['eventBus', 'bpmnjs', 'lintBackend', 'moddle'];

  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by every run; an answer for an older run is stale and dropped. */
  private generation = 0;
  private profile: Profile | undefined;
  private synonyms: readonly KamusSynonym[] = [];
  private state: LintState = { status: 'pending', result: null };
  private destroyed = false;
  /** Counts model changes; a serialisation under way stops when the model changes beneath it. */
  private changes = 0;
  /** The XML of the pieces of the diagram an edit left unchanged, re-used by the next lint (slicedXml's PieceCache). */
  private pieces = new PieceCache();
  /** The worker's last answers, by the XML, profile and synonyms they answer. */
  private readonly answers = new LintAnswers();
  /**
   * Set for the first lint of an imported diagram: its serialisation runs at background priority, so the frames right
   * after the map's first sight are not held back by it; cleared by the first edit, whose findings come first (issue 16).
   */
  private background = false;

  constructor(
    private readonly eventBus: EventBus,
    private readonly source: DefinitionsSource,
    private readonly backend: LintBackend,
    private readonly moddle: XmlModdle,
  ) {
    eventBus.on('import.done', (event: { error?: unknown }) => {
      this.changes++;
      this.pieces = new PieceCache();
      this.answers.clear();
      // The first lint of an imported diagram waits for it to be painted: serialising a big map (and the worker's
      // parsing, on the other core) would delay its first sight (issue 16).
      if (event.error) return;
      this.background = true;
      void afterNextPaint().then(() => this.schedule(0));
    });
    eventBus.on('commandStack.changed', () => {
      this.changes++;
      this.background = false;
      this.schedule();
    });
    eventBus.on('diagram.destroy', () => this.destroy());
  }

  /** The latest state: the last result stays available while a newer lint runs. */
  getState(): LintState {
    return this.state;
  }

  /** The profile asked for; undefined follows the map's own sk:profile. */
  getProfile(): Profile | undefined {
    return this.profile;
  }

  setProfile(profile: Profile | undefined): void {
    this.profile = profile;
    this.schedule(0);
  }

  /** The repository's synonyms of the kamus jabatan (GET /api/kamus) every lint reads lane names with. */
  setSynonyms(synonyms: readonly KamusSynonym[]): void {
    this.synonyms = synonyms;
    this.schedule(0);
  }

  schedule(delay = LINT_DEBOUNCE_MS): void {
    if (this.destroyed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private async run(): Promise<void> {
    const generation = ++this.generation;
    const background = this.background;
    const changes = this.changes;
    const stale = () => generation !== this.generation || this.destroyed || changes !== this.changes;
    try {
      if (background) await nextTask(true);
      if (stale()) return;
      this.update({ status: 'pending', result: this.state.result });
      const definitions = this.source.getDefinitions() as XmlElement | undefined;
      if (!definitions) return;
      const xml = await this.serialise(definitions, stale, background);
      if (stale()) return;
      const { profile, synonyms } = this;
      const result: LintResult = this.answers.get(xml, profile, synonyms) ?? (await this.backend.lint(xml, profile, synonyms));
      this.answers.remember(xml, profile, synonyms, result);
      // An answer for a model changed meanwhile is not announced: the change has scheduled a fresh run.
      if (stale()) return;
      this.update({ status: 'done', result });
    } catch (error) {
      // A change during serialising has scheduled a fresh run already; a superseded request, a newer one.
      if (error instanceof Cancelled || generation !== this.generation || this.destroyed) return;
      this.update({ status: 'failed', result: this.state.result, message: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * The model's XML, in slices; should slicing ever fail on a file shaped in a way not foreseen, the whole model at
   * once (one longer block) rather than no findings at all.
   */
  private async serialise(definitions: XmlElement, stale: () => boolean, background: boolean): Promise<string> {
    try {
      return await slicedXml(this.moddle, definitions, { pause: slicePauser(stale, SLICE_MS, background), lean: true, cache: this.pieces });
    } catch (error) {
      if (error instanceof Cancelled || stale()) throw error;
      console.warn('Sliced serialisation failed; serialising the whole model at once.', error);
      return (await this.moddle.toXML(definitions, { format: false })).xml;
    }
  }

  private update(state: LintState): void {
    this.state = state;
    this.eventBus.fire(LINT_CHANGED_EVENT, state);
  }

  private destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.backend.terminate();
  }
}
