// Loads the shipped regulation texts on first use, as a chunk of their own, and resolves citations against them.
import type { ArticlesFile } from '../../../../server/regulations/article-types';
import { resolveCitation, type ResolvedReference } from '../../../../server/regulations/citations';

let articles: Promise<ArticlesFile> | null = null;

function loadArticles(): Promise<ArticlesFile> {
  articles ??= import('../../../../server/regulations/articles.json').then((module) => module.default as ArticlesFile);
  // A failed load (offline on first use) is tried again next time.
  articles.catch(() => {
    articles = null;
  });
  return articles;
}

export async function resolveCitations(citations: readonly string[]): Promise<Array<{ citation: string; references: ResolvedReference[] }>> {
  const file = await loadArticles();
  return citations.map((citation) => ({ citation, references: resolveCitation(citation, file) }));
}

/** The text cut at the highlighted ranges: the parts to mark and the parts between. */
export function textParts(reference: ResolvedReference): Array<{ text: string; marked: boolean }> {
  const ranges = [...(reference.highlight ?? [])].sort((a, b) => a.start - b.start);
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start < at) continue;
    if (range.start > at) parts.push({ text: reference.text.slice(at, range.start), marked: false });
    parts.push({ text: reference.text.slice(range.start, range.end), marked: true });
    at = range.end;
  }
  if (at < reference.text.length) parts.push({ text: reference.text.slice(at), marked: false });
  return parts;
}
