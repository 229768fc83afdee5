import type { KnowledgeBase } from '../knowledge-base.ts';
import type { AppliedEffect } from './note-effects.ts';
import type { ColumnReading } from './column-reading.ts';
import type { VerdictAnswer } from './verdict.ts';
import { perPages } from './eras.ts';
import { compareKernelBuilds, limitPhrase, statedBeyond, UNMET_PHRASES, type StatedFacts } from './limits.ts';
import { findLisRelease } from './lis-coverage.ts';

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

/** What the question says of a requirement the column's note sets, when it says the guest does not meet it. */
function unmetOn(reading: ColumnReading, stated: StatedFacts): string | undefined {
  for (const effect of reading.effects) {
    const { kind, unmetWhen } = effect.effect;
    if (kind === 'requires' && effect.fit === 'in' && unmetWhen && stated.unmet?.includes(unmetWhen)) return UNMET_PHRASES[unmetWhen];
  }
  return undefined;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A yes turns to no when the question states a value beyond a limit that every answering column carries
 * (an MTU above 9126 on FreeBSD): the user's own configuration is outside what the note supports. A requirement the
 * question says its guest does not meet (LUN 0 left empty) keeps the page's yes, which holds with the requirement met,
 * and the answer says the guest as described does not meet it.
 */
export function applyStatedLimits(kb: KnowledgeBase, answer: VerdictAnswer): VerdictAnswer {
  const { query: q } = answer;
  if (!q.stated || (answer.verdict !== 'yes' && answer.verdict !== 'conditional')) return answer;
  const brokenLis = lisBrokenOnStatedKernel(kb, answer);
  if (brokenLis) return brokenLis;
  const answering = answer.deciding.filter((c) => c.verdict === 'yes' || c.verdict === 'conditional');
  // A yes from the LIS release notes has no matrix cell, so no note limits it.
  if (answering.length === 0) return answer;
  const beyond = beyondLimits(kb, answer, answering, q.stated);
  if (beyond) return beyond;
  const unmet = unmetOn(answering[0]!, q.stated);
  return unmet
    ? { ...answer, headline: `${answer.headline} You said ${unmet}: as described, the guest does not meet that condition.` }
    : answer;
}

function beyondLimits(
  kb: KnowledgeBase,
  answer: VerdictAnswer,
  answering: readonly ColumnReading[],
  stated: StatedFacts,
): VerdictAnswer | undefined {
  const { query: q } = answer;
  const breaches = new Map<ColumnReading, Breach>();
  for (const reading of answering) {
    const breach = breachOf(reading, stated);
    if (!breach) return undefined;
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

/**
 * A named LIS release whose modules no longer load on the kernel the question states: "LIS 4.1.3 on kernel
 * 3.10.0-514.10.2" is a no, whatever the release notes list, and the release rebuilt for that kernel is the way out.
 */
function lisBrokenOnStatedKernel(kb: KnowledgeBase, answer: VerdictAnswer): VerdictAnswer | undefined {
  const { query: q } = answer;
  const release = q.lis ? findLisRelease(kb, q.lis) : undefined;
  const broken = release?.version === q.lis ? release?.brokenFromKernel : undefined;
  const stated = q.stated?.kernelBuild;
  if (!broken || stated === undefined) return undefined;
  const order = compareKernelBuilds(stated, broken.kernel);
  if (order === undefined || order < 0) return undefined;
  const subject = [kb.familyName(q.family), q.version].filter(Boolean).join(' ');
  const why = `the LIS ${q.lis} modules do not load on kernel ${broken.kernel} and later, and you named kernel ${stated}`;
  return {
    ...answer,
    verdict: 'no',
    reason: 'beyond-limit',
    conditions: [],
    headline: `No (${subject} with LIS ${q.lis} on kernel ${stated}): ${why}. LIS ${broken.fixedIn} was rebuilt for that kernel.`,
    why,
    remedies: [{ kind: 'newer-lis', text: `LIS ${broken.fixedIn}` }],
  };
}
