import { decideVerdict } from '../../knowledge/query/verdict.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { Entities } from '../../core/reply.ts';
import { featureEntityName, featureIds } from './feature-entity.ts';
import { laterReleaseLine, verdictQuery } from './verdict-reply.ts';

/**
 * "centos 6.4: grew the vhdx online and the guest never sees it": a problem with a feature on a guest release the
 * matrix does not give it to (or gives it only with the LIS download) is that release's standing first, so it is
 * said beside the known issue found. Nothing when the release has the feature as it is.
 */
export function matrixStandingNote(kb: KnowledgeBase, entities: Entities, question: string): string[] {
  const { distro, version, feature } = entities;
  if (!distro || !version) return [];
  if (!feature) return lisStandingNote(kb, entities, question);
  const ids = featureIds(feature);
  if (ids.length !== 1) return [];
  const answer = decideVerdict(kb, verdictQuery(entities, question, ids[0]));
  if (answer.verdict !== 'no' && answer.verdict !== 'conditional') return [];
  const later = laterReleaseLine(answer, featureEntityName(kb, feature));
  return [`Support matrix: ${answer.headline}${later ? ` ${later}` : ''}`];
}

/**
 * "the LIS 4.0 installer refuses our centos 6.7 guest": a problem with an LIS release that does not cover the guest
 * release is that release's standing first, with the release that does.
 */
function lisStandingNote(kb: KnowledgeBase, entities: Entities, question: string): string[] {
  if (!entities.lis) return [];
  const answer = decideVerdict(kb, verdictQuery(entities, question));
  return answer.reason === 'lis-not-covering' ? [`Support matrix: ${answer.headline}`] : [];
}
