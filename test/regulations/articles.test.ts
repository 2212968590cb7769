// The shipped article texts are exactly what the build script makes of ../shared/regulations.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLES_FILE, buildArticles, DEFAULT_REGULATIONS_DIR, serialiseArticles } from '../../scripts/regulations/build-articles';

describe('server/regulations/articles.json', () => {
  it.skipIf(!existsSync(DEFAULT_REGULATIONS_DIR))('equals what scripts/regulations/build-articles.ts makes of ../shared/regulations', () => {
    const built = serialiseArticles(buildArticles(DEFAULT_REGULATIONS_DIR));
    // Rebuild with: npx tsx scripts/regulations/build-articles.ts
    expect(readFileSync(ARTICLES_FILE, 'utf8') === built).toBe(true);
  });

  it('splits each regulation into its Pasal, each opening with its heading, and keeps the ayat as items', () => {
    const { regulations } = JSON.parse(readFileSync(ARTICLES_FILE, 'utf8')) as ReturnType<typeof buildArticles>;
    expect(regulations.map((regulation) => regulation.cite)).toEqual([
      'Perbup Jembrana 35/2023',
      'Perbup Klungkung 2/2023',
      'Perbup Badung 35/2023',
      'Perbup Gunung Mas 18/2024',
      'Perwali Denpasar 69/2023',
    ]);
    for (const regulation of regulations) {
      for (const [number, pasal] of Object.entries(regulation.pasal)) expect(pasal.text.startsWith(`Pasal ${number}\n`)).toBe(true);
    }
    const gunungMas = regulations.find((regulation) => regulation.cite === 'Perbup Gunung Mas 18/2024')!;
    expect(Object.keys(gunungMas.pasal)).toHaveLength(41);
    const ayat = gunungMas.pasal['16']!.items.filter((item) => item.kind === 'paren' && item.parent === -1).map((item) => item.label);
    expect(ayat).toEqual(['1', '2', '3', '4', '5']);
    // No page catch-words ("17. Pejabat . . .") in the shipped text.
    expect(regulations.some((regulation) => Object.values(regulation.pasal).some((pasal) => /\. \. \.$/m.test(pasal.text)))).toBe(false);
  });
});
