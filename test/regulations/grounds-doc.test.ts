// Each rule's doc lists the articles it cites per profile, as server/lint/grounds.ts holds them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLUGIN_RULES } from '../../server/lint/rules';
import { citationSection, docFile } from '../../scripts/rules/citations-doc';

describe('docs/rules list the citations per profile', () => {
  it.each(Object.keys(PLUGIN_RULES).map((rule) => [rule]))('%s', (rule) => {
    // Rewrite with: npx tsx scripts/rules/citations-doc.ts
    expect(readFileSync(docFile(rule), 'utf8')).toContain(citationSection(rule));
  });
});
