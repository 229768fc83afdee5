import { decideVerdict, type VerdictAnswer, type VerdictKind } from '../../knowledge/query/verdict.ts';
import type { FeatureId } from '../../knowledge/schema/index.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { reply, type Entities, type FeatureEntity, type Reply } from '../../core/reply.ts';
import { CHECK_VM_ACTION, matrixAction } from '../../core/cite.ts';
import { clarifyDistro } from './clarify.ts';
import { featureEntityName, featureIds } from './feature-entity.ts';
import type { IntentHandler } from './handler.ts';
import {
  decidingNoteLine,
  jsonVerdict,
  laterReleaseLine,
  nearestLine,
  replyIntegration,
  verdictFields,
  verdictNotes,
  verdictQuery,
  verdictSources,
} from './verdict-reply.ts';

/** Dynamic Memory as a whole: yes when both parts are, conditional when only one is. */
function combined(answers: readonly VerdictAnswer[]): VerdictKind {
  const kinds = answers.map((a) => a.verdict);
  if (kinds.every((k) => k === kinds[0])) return kinds[0]!;
  if (kinds.some((k) => k === 'yes' || k === 'conditional')) return 'conditional';
  return kinds.includes('no') ? 'no' : 'not-in-matrix';
}

/** Features that stand in for each other: when one is a no, the other may be the way to get most of it. */
const SIBLINGS: Partial<Record<FeatureId, FeatureId>> = {
  'dm-hot-add': 'dm-ballooning',
  'dm-ballooning': 'dm-hot-add',
  'secure-boot': 'uefi-boot',
};

/** "Ballooning: yes." after a no for hot-add: what the guest does get. */
function siblingLine(kb: KnowledgeBase, entities: Entities, question: string, feature: FeatureEntity): string {
  const sibling = feature === 'dynamic-memory' ? undefined : SIBLINGS[feature];
  if (!sibling) return '';
  const answer = decideVerdict(kb, verdictQuery(entities, question, sibling));
  if (answer.verdict !== 'yes' && answer.verdict !== 'conditional') return '';
  return `${kb.featureName(sibling)} does work here: ${answer.headline}`;
}

export const featureSupportHandler: IntentHandler = {
  intent: 'feature_support',
  handle({ kb, entities, question }): Reply {
    if (!entities.distro) return clarifyDistro(kb, 'feature_support', entities);
    const feature = entities.feature!;
    const featureName = featureEntityName(kb, feature);
    const answers = featureIds(feature).map((id) => decideVerdict(kb, verdictQuery(entities, question, id)));
    const verdict = combined(answers);
    const several = answers.length > 1;
    const text = [
      ...(several
        ? [
            `${featureName}: ${verdict === 'conditional' ? 'only in part' : verdict === 'yes' ? 'yes' : verdict === 'no' ? 'no' : 'not in the matrix'}.`,
          ]
        : []),
      ...answers.map(
        (a) => `${a.otherOs ? `${a.headline} ${a.otherOs.reason}` : a.headline}${decidingNoteLine(a) ? ` ${decidingNoteLine(a)}` : ''}`,
      ),
      nearestLine(kb, answers[0]!),
      !several ? laterReleaseLine(answers[0]!, featureName) : '',
      !several && verdict === 'no' ? siblingLine(kb, entities, question, feature) : '',
    ]
      .filter(Boolean)
      .join(' ');
    const first = answers.find((a) => a.verdict === 'yes' || a.verdict === 'conditional') ?? answers[0]!;
    const family = kb.familyName(entities.distro);
    const details = {
      intent: 'feature_support' as const,
      entities,
      fields: answers.flatMap((a) => verdictFields(kb, a, entities, several ? `${kb.featureName(a.query.feature!)} · ` : '')),
      notes: [...new Set(answers.flatMap(verdictNotes))],
      sources: [...new Map(answers.flatMap((a) => verdictSources(kb, a)).map((s) => [s.id, s])).values()],
      actions: [matrixAction(kb, entities.distro), CHECK_VM_ACTION],
    };
    // "sr-iov centos": the answer differs by release, so lisbot asks which one and says meanwhile how it differs.
    // A UEK release names the kernel, and a system that never runs as a guest has no releases to tell apart.
    if (!entities.version && !entities.uek && !kb.otherOs.get(entities.distro))
      return reply({
        ...details,
        answered: false,
        title: `${featureName} for ${family}: which release?`,
        text: `Which ${family} release do you mean? ${featureName} depends on it. ${text}`,
      });
    return reply({
      ...details,
      title: `${featureName} for ${family}${entities.version ? ` ${entities.version}` : ''}${entities.host ? ` on ${entities.host}` : ''}`,
      text,
      verdict: jsonVerdict(verdict),
      integration: replyIntegration(first),
    });
  },
};
