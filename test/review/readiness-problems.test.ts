// The one list of what blocks a submission (issue 15, item 2): the count the refusal gives is the number listed.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/lint/findings';
import { readinessProblems, readinessSummary } from '../../server/review/review.service';

const error = (rule: string, message: string, element?: string): Finding => ({ rule, severity: 'error', message, citations: [], inferred: false, ...(element ? { element } : {}) });

describe('readiness problems', () => {
  it('lists each blocker once: identity fields not again as the lint rule that repeats them, no repeated finding', () => {
    const problems = readinessProblems(
      [
        error('mk/executor', 'Tugas tanpa pelaksana', 'Task_1'),
        error('mk/executor', 'Tugas tanpa pelaksana', 'Task_1'),
        error('mk/executor', 'Tugas tanpa pelaksana', 'Task_2'),
        error('sop/identity-complete', 'Identitas SOP belum lengkap: Nomor SOP belum diisi (Permenpan 35/2012)', 'Process_1'),
      ],
      [{ path: 'nomor', label: 'Nomor SOP' }],
    );
    expect(problems).toEqual([
      { source: 'peta', message: 'Tugas tanpa pelaksana', rule: 'mk/executor', element: 'Task_1' },
      { source: 'peta', message: 'Tugas tanpa pelaksana', rule: 'mk/executor', element: 'Task_2' },
      { source: 'identitas', message: 'Identitas SOP: Nomor SOP belum diisi', path: 'nomor' },
    ]);
    expect(readinessSummary(problems)).toBe('SOP belum siap diajukan: 3 kesalahan (2 pada peta, 1 pada identitas SOP).');
    expect(readinessSummary([])).toBeNull();
  });

  it('says the identity is not saved in its own words', () => {
    expect(readinessProblems([], [{ path: '', label: 'Identitas SOP belum disimpan' }])).toEqual([{ source: 'identitas', message: 'Identitas SOP belum disimpan' }]);
  });
});
