// The scheduler's memory of the worker's last answers: an answer is given again only for exactly the XML, profile and
// synonyms it answered, and only the last few are kept.
import { describe, expect, it } from 'vitest';
import { LintAnswers, REMEMBERED_ANSWERS } from '../../client/src/features/lint/lintAnswers';
import type { KamusSynonym, LintResult } from '../../client/src/features/lint/lintProtocol';

const result = (n: number): LintResult => ({ profile: 'nasional', findings: [{ rule: `r${n}`, severity: 'info', message: `m${n}`, citations: [], inferred: false }] });
const none: readonly KamusSynonym[] = [];

describe('LintAnswers', () => {
  it('answers exactly the XML, profile and synonyms it was given an answer for', () => {
    const answers = new LintAnswers();
    const first = result(1);
    answers.remember('<a/>', undefined, none, first);
    expect(answers.get('<a/>', undefined, none)).toBe(first);
    expect(answers.get('<a />', undefined, none)).toBeUndefined();
    expect(answers.get('<a/>', 'nasional', none)).toBeUndefined();
    // Synonyms the repository answered anew are a new array: not the lint remembered, even with the same content.
    expect(answers.get('<a/>', undefined, [])).toBeUndefined();
  });

  it(`keeps the ${REMEMBERED_ANSWERS} most recently used and forgets them on clear`, () => {
    const answers = new LintAnswers();
    for (let n = 0; n < REMEMBERED_ANSWERS; n++) answers.remember(`<m${n}/>`, undefined, none, result(n));
    // the oldest is used again, so the next one goes in its place
    expect(answers.get('<m0/>', undefined, none)).toEqual(result(0));
    answers.remember('<new/>', undefined, none, result(9));
    expect(answers.get('<m1/>', undefined, none)).toBeUndefined();
    expect(answers.get('<m0/>', undefined, none)).toEqual(result(0));
    expect(answers.get('<new/>', undefined, none)).toEqual(result(9));
    answers.clear();
    expect(answers.get('<new/>', undefined, none)).toBeUndefined();
  });
});
