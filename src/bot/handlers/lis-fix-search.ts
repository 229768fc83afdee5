import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { LisRelease } from '../../knowledge/schema/index.ts';
import { STOPWORDS } from '../entities/tokens.ts';

/** Words too common in LIS questions and notes to tell releases apart. */
const GENERIC = new Set(
  (
    'lis linux integration services release releases version versions which what when fixed fix fixes hotfix download package new added ' +
    'rhel centos oracle redhat kernel kernels guest guests hyper support supported drivers'
  ).split(' '),
);
/** Shared content words a release's notes need before they answer "which release fixed …". */
const MIN_FIX_OVERLAP = 2;

/** What the question and a release's notes share, beyond the words every LIS question has. */
function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !GENERIC.has(w))
      .map((w) => w.slice(0, 5)),
  );
}

/** "which LIS fixed heartbeat packets being dropped": the release whose notes share the most words with the question. */
export function releaseThatFixed(kb: KnowledgeBase, question: string): LisRelease | undefined {
  const asked = contentWords(question);
  let best: { release: LisRelease; overlap: number } | undefined;
  for (const release of kb.lisReleases) {
    const notes = contentWords(release.highlights.join(' '));
    const overlap = [...asked].filter((w) => notes.has(w)).length;
    if (overlap >= MIN_FIX_OVERLAP && (!best || overlap > best.overlap)) best = { release, overlap };
  }
  return best?.release;
}
