import type { KnowledgeBase } from '../knowledge-base.ts';
import { cellStatus } from './feature.ts';
import { perPages } from './eras.ts';
import type { VerdictAnswer } from './verdict.ts';

/**
 * A yes turns to no when the question's guest is 32-bit and every answering column marks PAE not applicable: the pages
 * use that mark for series that ship only 64-bit kernels ("SLES12+ is 64-bit only", "this series only has 64-bit
 * kernels"), so a 32-bit install of the release is not a guest any page lists.
 */
export function applySixtyFourBitOnly(kb: KnowledgeBase, answer: VerdictAnswer): VerdictAnswer {
  const { query: q } = answer;
  if (q.arch !== '32-bit' || q.feature === 'pae' || (answer.verdict !== 'yes' && answer.verdict !== 'conditional')) return answer;
  const answering = answer.deciding.filter((c) => c.verdict === 'yes' || c.verdict === 'conditional');
  if (answering.length === 0) return answer;
  if (!answering.every((c) => cellStatus(c.column.features.pae, undefined).status === 'not-applicable')) return answer;
  const subject = [kb.familyName(q.family), q.version].filter(Boolean).join(' ');
  const what = q.feature ? `${kb.featureName(q.feature)} for a 32-bit ${subject}` : `a 32-bit ${subject}`;
  const per = perPages(answer.timeline.agreeing, answer.decidingEra);
  const why = `the page lists ${subject} for 64-bit kernels only (its PAE row is marked not applicable), so a 32-bit install is not a listed guest`;
  return {
    ...answer,
    verdict: 'no',
    reason: 'sixty-four-bit-only',
    conditions: [],
    headline: `No (${what}), ${per}: ${why}.`,
    why,
    deciding: answer.deciding.map((reading) => ({ ...reading, verdict: 'no', conditions: [], reason: 'a 64-bit-only release' })),
    remedies: [{ kind: 'other-column', text: `a 64-bit install of ${subject}` }],
  };
}
