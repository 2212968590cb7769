import { describe, expect, it } from 'vitest';
import type { Finding } from './lintProtocol';
import { badgeTitle, findingsByElement, findingsBySeverity, summaryText, worstSeverity } from './lintUtil';

const finding = (over: Partial<Finding>): Finding => ({ rule: 'mk/x', severity: 'error', message: 'Pesan', citations: [], inferred: false, ...over });

describe('lintUtil', () => {
  it('counts findings in Indonesian, and says so when there are none', () => {
    // given
    const findings = [finding({}), finding({ severity: 'warning' }), finding({})];
    // then
    expect(summaryText(findings)).toBe('2 galat, 1 peringatan');
    expect(summaryText([])).toBe('Tidak ada temuan');
  });

  it('groups by element, leaving out findings on the whole map', () => {
    const byElement = findingsByElement([finding({ element: 'A' }), finding({}), finding({ element: 'A', severity: 'info' })]);
    expect([...byElement.keys()]).toEqual(['A']);
    expect(byElement.get('A')).toHaveLength(2);
  });

  it('orders groups error, warning, info and picks the worst severity', () => {
    const findings = [finding({ severity: 'info' }), finding({ severity: 'warning' })];
    expect(findingsBySeverity(findings).map((g) => g.severity)).toEqual(['warning', 'info']);
    expect(worstSeverity(findings)).toBe('warning');
  });

  it('writes one tooltip line per finding', () => {
    expect(badgeTitle([finding({ message: 'Satu' }), finding({ severity: 'info', message: 'Dua' })])).toBe('Galat: Satu\nInfo: Dua');
  });
});
