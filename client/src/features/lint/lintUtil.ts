// Pure helpers over findings: ordering, grouping by element and severity, and the Indonesian wording of counts.
import type { Finding, Severity } from './lintProtocol';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Galat', warning: 'Peringatan', info: 'Info' };

const COUNT_WORDS: Record<Severity, string> = { error: 'galat', warning: 'peringatan', info: 'info' };

/** The most serious severity among findings (they must not be empty). */
export function worstSeverity(findings: readonly Finding[]): Severity {
  return SEVERITIES.find((severity) => findings.some((finding) => finding.severity === severity)) ?? 'info';
}

/** Findings on elements, by element id, in report order; findings on the whole map are left out. */
export function findingsByElement(findings: readonly Finding[]): Map<string, Finding[]> {
  const byElement = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.element) continue;
    const list = byElement.get(finding.element) ?? [];
    list.push(finding);
    byElement.set(finding.element, list);
  }
  return byElement;
}

export function findingsBySeverity(findings: readonly Finding[]): Array<{ severity: Severity; findings: Finding[] }> {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((finding) => finding.severity === severity) })).filter(
    (group) => group.findings.length > 0,
  );
}

/** "2 galat, 1 peringatan"; "Tidak ada temuan" when clean. */
export function summaryText(findings: readonly Finding[]): string {
  const parts = findingsBySeverity(findings).map(({ severity, findings: list }) => `${list.length} ${COUNT_WORDS[severity]}`);
  return parts.length > 0 ? parts.join(', ') : 'Tidak ada temuan';
}

/** The tooltip of an element's badge: one line per finding. */
export function badgeTitle(findings: readonly Finding[]): string {
  return findings.map((finding) => `${SEVERITY_LABELS[finding.severity]}: ${finding.message}`).join('\n');
}
