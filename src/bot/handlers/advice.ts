import type { KnowledgeBase } from '../../knowledge/index.ts';
import { searchAdvice, type AdviceHit } from '../../knowledge/query/search.ts';
import type { FeatureId, Tip } from '../../knowledge/schema/index.ts';
import { reply, type Entities, type FeatureEntity, type Intent, type Reply } from '../../core/reply.ts';
import { CHECK_VM_ACTION, refSources } from '../../core/cite.ts';
import { featureEntityName, featureEntityOf, featureFacts, featureIds } from './feature-entity.ts';
import { ellipsis } from '../../core/ellipsis.ts';
import { STOPWORDS } from '../entities/tokens.ts';
import { PLACEHOLDERS } from '../entities/shape.ts';
import { advicePhrasings } from '../advice-phrasings.ts';
import { matrixStandingNote } from './matrix-standing.ts';

/** Above this fuzzy score a hit is too loose to present as the answer. */
const MAX_ADVICE_SCORE = 0.75;
/** A looser bound for a hit that has most of a short question's words. */
const WEAK_ADVICE_SCORE = 0.9;
/** How much more relevance a hit of the other kind (tip for a problem, issue for a tip) needs to lead. */
const ASKED_KIND_BIAS = 1.6;
/** A runner-up weighing this share of the best match or more is told too, with its own fix. */
const CLOSE_RUNNER_UP = 0.8;

function adviceText(hit: AdviceHit): { title: string; body: string; fields: { label: string; value: string }[] } {
  if (hit.advice.kind === 'issue') {
    const issue = hit.advice.record;
    return {
      title: issue.title,
      body: `${issue.title}. Cause: ${issue.cause} Fix: ${issue.workaround}`,
      fields: [
        { label: 'Symptoms', value: issue.symptoms.join('; ') },
        { label: 'Cause', value: issue.cause },
        { label: 'Workaround', value: issue.workaround },
      ],
    };
  }
  const tip = hit.advice.record;
  return {
    title: tip.title,
    body: `${tip.title}. ${tip.advice}${tip.check ? ` Check: ${tip.check}` : ''}`,
    fields: [{ label: 'Advice', value: tip.advice }, ...(tip.check ? [{ label: 'How to check', value: tip.check }] : [])],
  };
}

/** A hit worth presenting: a log signature, a good relevance, or most of a short question's words. */
function strongEnough(hit: AdviceHit): boolean {
  if (hit.bySignature) return true;
  if (hit.score <= MAX_ADVICE_SCORE) return true;
  return hit.coverage >= 0.5 && hit.score <= WEAK_ADVICE_SCORE;
}

/** "any best practices for linux on hyper-v?": asks for advice in general, about no topic in particular. */
function isGeneralAdviceRequest(words: string): boolean {
  const topical = words
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !GENERAL_ADVICE_WORDS.has(w) && !STOPWORDS.has(w));
  return topical.length === 0;
}

const GENERAL_ADVICE_WORDS = new Set(
  `any best practice practices practise tips tip tricks advice recommendations recommended recommend guidance guidelines general linux freebsd hyper guest guests vms for the and with what are there you have running run when on of to do should know things thing setup settings tuning tune tweaks tweak optimise optimize optimisation optimization template templates bake image images gotchas pointers hints checklist dos donts specific fwiw building build new ${[PLACEHOLDERS.distro, PLACEHOLDERS.version, PLACEHOLDERS.feature, PLACEHOLDERS.host, PLACEHOLDERS.number].join(' ')}`.split(
    ' ',
  ),
);

/**
 * Every tip that applies to the asked family (or all of them) and the asked feature, as a list to pick from: those
 * written for the family or the feature first. Undefined when none does: the question is then searched as usual.
 */
function tipOverview(kb: KnowledgeBase, entities: Entities): Reply | undefined {
  const family = entities.distro;
  const features: readonly FeatureId[] = entities.feature ? featureIds(entities.feature) : [];
  const forFamily = (t: Tip) => family !== undefined && (t.appliesTo.families ?? []).includes(family);
  const forFeature = (t: Tip) => (t.appliesTo.features ?? []).some((f) => features.includes(f));
  const tips = kb.tips
    .filter((t) => (!family || !t.appliesTo.families?.length || forFamily(t)) && (features.length === 0 || forFeature(t)))
    .sort((a, b) => Number(forFamily(b)) - Number(forFamily(a)));
  if (tips.length === 0) return undefined;
  const who = family ? kb.familyName(family) : 'Linux and FreeBSD';
  const topic = entities.feature ? `${featureEntityName(kb, entities.feature)} on ` : '';
  return reply({
    intent: 'tip',
    entities,
    title: `Best practices for ${topic}${who} guests on Hyper-V`,
    text: `I have ${tips.length} best-practice tips for ${topic}${who} guests. The main ones: ${tips
      .slice(0, 6)
      .map((t) => t.title)
      .join('; ')}. Ask about any of them, or about a topic such as the I/O scheduler or Dynamic Memory sizing.`,
    fields: tips.slice(0, 10).map((t) => ({ label: 'Tip', value: t.title })),
    sources: tips
      .slice(0, 6)
      .flatMap((t) => refSources(kb, t.sources))
      .filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i),
    actions: [CHECK_VM_ACTION, ...tips.slice(0, 4).map((t) => ({ kind: 'choose' as const, label: t.title.slice(0, 70), value: t.title }))],
  });
}

/** "prereqs for sr-iov": the oldest host the feature works on, when the advice itself does not say it. */
function hostNeeded(kb: KnowledgeBase, entities: Entities, said: string): string[] {
  if (!entities.feature) return [];
  const records = featureIds(entities.feature).map((id) => kb.features.get(id));
  const minHost = records[0]?.minHost;
  if (!minHost || records.some((r) => r?.minHost !== minHost) || said.includes(minHost)) return [];
  return [`${featureEntityName(kb, entities.feature)} needs a Windows Server ${minHost} or newer host.`];
}

/**
 * "mtu 9216 won't set on freebsd 13": no record matches, but the feature named has facts that may settle it (FreeBSD's
 * MTU stops at 9126). Said as what it is: no known issue or tip, then what lisbot knows of the feature.
 */
function featureFactsReply(
  kb: KnowledgeBase,
  intent: Intent,
  question: string,
  entities: Entities,
  feature: FeatureEntity,
  kind: 'issue' | 'tip',
): Reply {
  const { records, summary: facts, steps } = featureFacts(kb, feature);
  const name = featureEntityName(kb, feature);
  return reply({
    intent,
    entities,
    title: `${name}: what I know`,
    text: `I have no ${kind === 'issue' ? 'known issue' : 'tip'} that matches this, but here is what I know about ${name}. ${facts}${steps ? ` To turn it on: ${steps}` : ''}`,
    notes: [
      ...(kind === 'issue' ? matrixStandingNote(kb, entities, question) : []),
      kind === 'issue'
        ? 'If this does not explain it, paste the exact error line or run a VM check so I can look at the guest itself.'
        : 'Ask about a narrower topic for a specific tip.',
    ],
    sources: records.flatMap((r) => refSources(kb, r.sources)),
    actions: [CHECK_VM_ACTION],
  });
}

/** Answers a problem or a best-practice question from the known issues and tips. */
export function answerWithAdvice(
  kb: KnowledgeBase,
  intent: Intent,
  question: string,
  entities: Entities,
  kind: 'issue' | 'tip',
  words?: string,
  /** The question with names replaced by placeholders: tells a request for advice in general. */
  shape?: string,
): Reply {
  // "any best practices for FreeBSD guests?" names no topic: the overview answers it, whatever single tip its
  // generic words happen to match.
  const overview = kind === 'tip' && isGeneralAdviceRequest(shape ?? question) ? tipOverview(kb, entities) : undefined;
  if (overview) return overview;
  const feature: FeatureId | undefined = entities.feature ? featureIds(entities.feature)[0] : undefined;
  const filter = {
    family: entities.distro,
    feature,
    ...(entities.version ? { version: entities.version } : {}),
    ...(entities.arch ? { arch: entities.arch } : {}),
    phrasings: advicePhrasings(),
    ...(words ? { words } : {}),
  };
  // One search over both kinds. The kind asked for is favoured, but a symptom told in plain words often matches a
  // tip far better than any issue ("the vhdx never shrinks" is the TRIM tip), and then the tip leads.
  const weighed = searchAdvice(kb, question, filter, 10)
    .filter(strongEnough)
    .map((hit) => ({ hit, weight: hit.bySignature ? Infinity : hit.relevance * (hit.advice.kind === kind ? ASKED_KIND_BIAS : 1) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 5);
  const hits = weighed.map(({ hit }) => hit);
  // "memory never grows past startup": when the runner-up matches almost as well, its fix is worth saying too.
  const close =
    weighed[1] && weighed[0]!.weight !== Infinity && weighed[1].weight >= CLOSE_RUNNER_UP * weighed[0]!.weight ? weighed[1].hit : undefined;
  const best = hits[0];
  if (!best && entities.feature) return featureFactsReply(kb, intent, question, entities, entities.feature, kind);
  if (!best) {
    return reply({
      intent,
      entities,
      answered: false,
      title: kind === 'issue' ? 'Unknown problem' : 'No tip found',
      text:
        kind === 'issue'
          ? "I don't recognise that problem in the known issues I have. Paste the exact error line, name the distribution and host, or run a VM check so I can look at the guest itself."
          : 'I have no best-practice tip on that. Ask about a topic such as the I/O scheduler, static MAC addresses, dynamic memory sizing, Gen2 boot or kdump.',
      actions: [CHECK_VM_ACTION],
    });
  }
  const main = adviceText(best);
  // The issue found names the feature the question left out ("no ip in hyper-v manager" is about KVP).
  const recordFeature = featureEntityOf(
    (best.advice.kind === 'issue' ? best.advice.record.affects : best.advice.record.appliesTo).features ?? [],
  );
  if (!entities.feature && recordFeature) entities = { ...entities, feature: recordFeature };
  const related = hits.slice(1, 4).map((h) => `${h.advice.kind === 'issue' ? 'Known issue' : 'Tip'}: ${h.advice.record.title}`);
  return reply({
    intent,
    entities,
    title: main.title,
    text: main.body,
    fields: main.fields,
    notes: [
      ...(best.advice.record.confidence === 'low' ? ['This record has low confidence: its source has not been confirmed.'] : []),
      ...(kind === 'issue' ? matrixStandingNote(kb, entities, question) : []),
      ...hostNeeded(kb, entities, main.body),
      ...(close ? [`Also possible: ${adviceText(close).body}`] : []),
      ...related.filter((_, i) => !(close && i === 0)),
    ],
    sources: refSources(kb, best.advice.record.sources),
    actions: [
      CHECK_VM_ACTION,
      ...hits
        .slice(1, 4)
        .map((h) => ({ kind: 'choose' as const, label: ellipsis(h.advice.record.title, 70), value: h.advice.record.title })),
    ],
  });
}
