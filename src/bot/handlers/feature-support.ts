import { describeHosts, describeIntegration } from '../../knowledge/describe.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { queryFeature, type FeatureAnswer, type FeatureOption } from '../../knowledge/query/feature.ts';
import type { FeatureId } from '../../knowledge/schema/index.ts';
import { describeVersionItems } from '../../knowledge/version.ts';
import { reply, type Entities, type FeatureEntity, type Reply, type Verdict } from '../../core/reply.ts';
import { CHECK_VM_ACTION, matrixAction, noteLines, refSources, sourcesOf } from '../../core/cite.ts';
import { clarifyDistro } from './clarify.ts';
import { integrationPreference } from '../entities/integration.ts';
import { eraSentence, primaryIntegration } from './distro-support.ts';
import type { IntentHandler } from './handler.ts';

const DYNAMIC_MEMORY: readonly FeatureId[] = ['dm-hot-add', 'dm-ballooning'];

export function featureIds(feature: FeatureEntity): readonly FeatureId[] {
  return feature === 'dynamic-memory' ? DYNAMIC_MEMORY : [feature];
}

function optionLabel(option: FeatureOption): string {
  const column = option.match.column;
  const kernel = column.kernel ? ` ${column.kernel.label ?? column.kernel.flavor.toUpperCase()}` : '';
  return `${describeVersionItems(column.versions)}${kernel} (${column.integration.kind === 'download' ? column.integration.package ?? 'LIS download' : column.integration.kind})`;
}

function optionState(option: FeatureOption, entities: Entities): string {
  switch (option.status) {
    case 'available': return entities.host ? `available on ${entities.host}` : `available on ${describeHosts(option.hosts)}`;
    case 'not-on-host': return `not on ${entities.host} (only ${describeHosts(option.hosts)})`;
    case 'not-applicable': return 'not applicable';
    case 'no-data': return 'not in that matrix';
    case 'not-available': return 'not available';
  }
}

function combinedVerdict(answers: readonly FeatureAnswer[]): Verdict {
  if (answers.some((a) => a.verdict === 'supported')) return 'supported';
  if (answers.every((a) => a.verdict === 'unknown')) return 'unknown';
  return answers.some((a) => a.verdict === 'not_supported') ? 'not_supported' : 'unknown';
}

function lead(kb: KnowledgeBase, entities: Entities, featureName: string, answers: readonly FeatureAnswer[], verdict: Verdict): string {
  const subject = `${kb.familyName(entities.distro!)}${entities.version ? ` ${entities.version}` : ''}`;
  const onHost = entities.host ? ` on Windows Server ${entities.host}` : '';
  const support = answers[0]!.support;
  if (support.status === 'does-not-run') return `No. ${subject} does not run on Hyper-V at all, so ${featureName} is not available. ${support.otherOs?.reason ?? ''}`.trim();
  if (support.status === 'emulated-only') return `No. ${subject} runs on Hyper-V only with emulated devices and has no integration services, so ${featureName} is not available. ${support.otherOs?.reason ?? ''}`.trim();
  if (support.status === 'not-listed' || support.status === 'no-data') {
    return `I can't say: no Microsoft matrix I know lists ${subject}.${support.nearest.length ? ` The nearest listed release is ${support.nearest.map((m) => describeVersionItems(m.column.versions)).join(', ')} — not an answer for ${entities.version}.` : ''}`;
  }
  const options = answers.flatMap((a) => a.options.map((o) => ({ feature: a.feature, option: o })));
  const mixed = new Set(options.map((o) => o.option.status)).size > 1 || options.length > 1;
  const detail = options.map(({ feature, option }) => `${answers.length > 1 ? `${kb.featureName(feature)} ` : ''}${mixed ? `${optionLabel(option)}: ` : ''}${optionState(option, entities)}`).join('; ');
  if (verdict === 'supported') return `Yes. ${featureName} is available for ${subject}${onHost}${mixed ? ` — ${detail}` : ` (${detail}; integration services ${describeIntegration(options[0]!.option.match.column.integration)})`}.`;
  if (verdict === 'not_supported') return `No. ${featureName} is not available for ${subject}${onHost}: ${detail}.`;
  return `I can't say: the matrix for ${subject} has no ${featureName} row.`;
}

export const featureSupportHandler: IntentHandler = {
  intent: 'feature_support',
  handle({ kb, entities, question }): Reply {
    if (!entities.distro) return clarifyDistro(kb, 'feature_support', entities);
    const feature = entities.feature!;
    const featureName = feature === 'dynamic-memory' ? 'Dynamic Memory' : kb.featureName(feature);
    const integration = integrationPreference(question);
    const answers = featureIds(feature).map((id) => queryFeature(kb, { family: entities.distro!, version: entities.version, kernel: entities.kernel, integration, feature: id, host: entities.host }));
    const verdict = combinedVerdict(answers);
    const support = answers[0]!.support;
    const notes = noteLines(answers.flatMap((a) => a.options.flatMap((o) => o.notes)));
    const matches = support.matches;
    return reply({
      intent: 'feature_support',
      entities,
      title: `${featureName} for ${kb.familyName(entities.distro)}${entities.version ? ` ${entities.version}` : ''}${entities.host ? ` on ${entities.host}` : ''}`,
      text: `${lead(kb, entities, featureName, answers, verdict)}${matches.length ? eraSentence(kb, support) : ''}`,
      verdict,
      integration: primaryIntegration(matches.filter((m) => answers.some((a) => a.options.some((o) => o.match === m && o.status === 'available')))) ?? primaryIntegration(matches),
      fields: answers.flatMap((a) => a.options.slice(0, 10).map((o) => ({ label: `${answers.length > 1 ? `${kb.featureName(a.feature)} · ` : ''}${optionLabel(o)}`, value: optionState(o, entities) }))),
      notes,
      sources: matches.length ? sourcesOf(kb, matches.map((m) => m.snapshot.source)) : refSources(kb, support.otherOs?.sources ?? []),
      actions: [matrixAction(kb, entities.distro), CHECK_VM_ACTION],
    });
  },
};
