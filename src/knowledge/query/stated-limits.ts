import type { KnowledgeBase } from '../knowledge-base.ts';
import type { AppliedEffect } from './note-effects.ts';
import type { ColumnReading } from './column-reading.ts';
import type { VerdictAnswer } from './verdict.ts';
import { perPages } from './eras.ts';
import { limitPhrase, statedBeyond, type StatedFacts } from './limits.ts';

interface Breach {
  readonly effect: AppliedEffect;
  /** What the question states beyond the limit: "an MTU of 9216". */
  readonly stated: string;
}

/** The first limit on the column whose scope surely covers the guest and which the stated facts break. */
function breachOf(reading: ColumnReading, stated: StatedFacts): Breach | undefined {
  for (const effect of reading.effects) {
    if (effect.effect.kind !== 'limit' || effect.fit !== 'in') continue;
    const beyond = statedBeyond(effect.effect.limit!, stated);
    if (beyond) return { effect, stated: beyond };
  }
  return undefined;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A yes turns to no when the question states a value beyond a limit that every answering column carries
 * (an MTU above 9126 on FreeBSD): the user's own configuration is outside what the note supports.
 */
export function applyStatedLimits(kb: KnowledgeBase, answer: VerdictAnswer): VerdictAnswer {
  const { query: q } = answer;
  if (!q.stated || (answer.verdict !== 'yes' && answer.verdict !== 'conditional')) return answer;
  const answering = answer.deciding.filter((c) => c.verdict === 'yes' || c.verdict === 'conditional');
  // A yes from the LIS release notes has no matrix cell, so no note limits it.
  if (answering.length === 0) return answer;
  const breaches = new Map<ColumnReading, Breach>();
  for (const reading of answering) {
    const breach = breachOf(reading, q.stated);
    if (!breach) return answer;
    breaches.set(reading, breach);
  }
  const first = breaches.get(answering[0]!)!;
  const subject = [kb.familyName(q.family), q.version].filter(Boolean).join(' ');
  const what = q.feature ? `${kb.featureName(q.feature)} for ${subject}` : subject;
  const per = perPages(answer.timeline.agreeing, answer.decidingEra);
  const limit = limitPhrase(first.effect.effect.limit!);
  const why = `${subject} needs ${limit}; you asked for ${first.stated}`;
  const deciding = answer.deciding.map((reading): ColumnReading => {
    const breach = breaches.get(reading);
    if (!breach) return reading;
    const { condition: _condition, ...blocking } = breach.effect;
    return {
      ...reading,
      verdict: 'no',
      conditions: [],
      reason: `${breach.stated} is beyond ${limitPhrase(breach.effect.effect.limit!)}`,
      effects: reading.effects.map((e) => (e === breach.effect ? { ...blocking, outcome: 'no' } : e)),
    };
  });
  return {
    ...answer,
    verdict: 'no',
    reason: 'beyond-limit',
    conditions: [],
    headline: `No (${what}), ${per}: ${why}. ${capital(first.effect.effect.why)}.`,
    why,
    deciding,
    remedies: [],
  };
}
