// The worker's answers to the last few lints, by exactly what was linted. The lint is a function of the XML, the
// profile and the synonyms alone (no clock, no randomness, a fresh linter per lint), so a request equal to one answered
// before gets that answer, unchanged, without the worker: an edit the lean XML does not show (a label or a bend point
// moved: the lean XML has neither labels' DI nor waypoints), or an undo / redo back to a state linted moments ago.
import type { KamusSynonym, LintResult, Profile } from './lintProtocol';

interface Answer {
  xml: string;
  profile: Profile | undefined;
  synonyms: readonly KamusSynonym[];
  result: LintResult;
}

/** Enough for an edit, its undo and its redo; each entry holds one XML (~1.4 MB at 2,000 shapes). */
export const REMEMBERED_ANSWERS = 3;

export class LintAnswers {
  private answers: Answer[] = [];

  constructor(private readonly size = REMEMBERED_ANSWERS) {}

  /**
   * The answer to a lint of exactly this XML under this profile and these synonyms (the same array: the scheduler
   * replaces it whenever the repository answers anew), if one of the last few was; it becomes the most recent.
   */
  get(xml: string, profile: Profile | undefined, synonyms: readonly KamusSynonym[]): LintResult | undefined {
    const index = this.answers.findIndex((answer) => answer.profile === profile && answer.synonyms === synonyms && answer.xml === xml);
    if (index < 0) return undefined;
    const [answer] = this.answers.splice(index, 1);
    this.answers.push(answer!);
    return answer!.result;
  }

  /** Keeps a successful answer; the oldest one goes when more than `size` are kept. */
  remember(xml: string, profile: Profile | undefined, synonyms: readonly KamusSynonym[], result: LintResult): void {
    if (this.get(xml, profile, synonyms)) return;
    this.answers.push({ xml, profile, synonyms, result });
    if (this.answers.length > this.size) this.answers.shift();
  }

  clear(): void {
    this.answers = [];
  }
}
