import type { KnowledgeBase } from '../../knowledge/index.ts';
import { searchAdvice, type AdviceHit } from '../../knowledge/query/search.ts';
import type { FeatureId } from '../../knowledge/schema/index.ts';
import { reply, type Entities, type Intent, type Reply } from '../../core/reply.ts';
import { CHECK_VM_ACTION, refSources } from '../../core/cite.ts';
import { featureIds } from './feature-support.ts';
import { ellipsis } from '../../core/ellipsis.ts';

/** Above this fuzzy score a hit is too loose to present as the answer. */
const MAX_ADVICE_SCORE = 0.75;

function adviceText(hit: AdviceHit): { title: string; body: string; fields: { label: string; value: string }[] } {
  if (hit.advice.kind === 'issue') {
    const issue = hit.advice.record;
    return {
      title: issue.title,
      body: `${issue.title}. Cause: ${issue.cause} Fix: ${issue.workaround}`,
      fields: [{ label: 'Symptoms', value: issue.symptoms.join('; ') }, { label: 'Cause', value: issue.cause }, { label: 'Workaround', value: issue.workaround }],
    };
  }
  const tip = hit.advice.record;
  return {
    title: tip.title,
    body: `${tip.title}. ${tip.advice}${tip.check ? ` Check: ${tip.check}` : ''}`,
    fields: [{ label: 'Advice', value: tip.advice }, ...(tip.check ? [{ label: 'How to check', value: tip.check }] : [])],
  };
}

/** Answers a problem or a best-practice question from the known issues and tips. */
export function answerWithAdvice(kb: KnowledgeBase, intent: Intent, question: string, entities: Entities, kind: 'issue' | 'tip'): Reply {
  const feature: FeatureId | undefined = entities.feature ? featureIds(entities.feature)[0] : undefined;
  const filter = { family: entities.distro, feature };
  // One search over both kinds; the kind asked for comes first, the other kind only when it has nothing.
  const all = searchAdvice(kb, question, filter, 10).filter((h) => h.score <= MAX_ADVICE_SCORE);
  const preferred = all.filter((h) => h.advice.kind === kind);
  const hits = (preferred.length ? preferred : all).slice(0, 5);
  const best = hits[0];
  if (!best) {
    return reply({
      intent, entities, answered: false,
      title: kind === 'issue' ? 'Unknown problem' : 'No tip found',
      text: kind === 'issue'
        ? 'I don\'t recognise that problem in the known issues I have. Paste the exact error line, name the distribution and host, or run a VM check so I can look at the guest itself.'
        : 'I have no best-practice tip on that. Ask about a topic such as the I/O scheduler, static MAC addresses, dynamic memory sizing, Gen2 boot or kdump.',
      actions: [CHECK_VM_ACTION],
    });
  }
  const main = adviceText(best);
  const related = hits.slice(1, 4).map((h) => `${h.advice.kind === 'issue' ? 'Known issue' : 'Tip'}: ${h.advice.record.title}`);
  return reply({
    intent, entities,
    title: main.title,
    text: main.body,
    fields: main.fields,
    notes: [...(best.advice.record.confidence === 'low' ? ['This record has low confidence: its source has not been confirmed.'] : []), ...related],
    sources: refSources(kb, best.advice.record.sources),
    actions: [CHECK_VM_ACTION, ...hits.slice(1, 4).map((h) => ({ kind: 'choose' as const, label: ellipsis(h.advice.record.title, 70), value: h.advice.record.title }))],
  });
}
