import type { KnowledgeBase } from '../../knowledge/index.ts';
import { LINUX_AND_BSD_DISTRO_IDS } from '../../knowledge/schema/index.ts';
import { reply, type Entities, type Intent, type Reply } from '../../core/reply.ts';
import { featureEntityName } from './feature-entity.ts';

/** Asks the one question that is missing: which distribution. */
export function clarifyDistro(kb: KnowledgeBase, intent: Intent, entities: Entities): Reply {
  const about = entities.feature ? ` about ${featureEntityName(kb, entities.feature)}` : '';
  return reply({
    intent,
    entities,
    answered: false,
    title: 'Which distribution?',
    text: `Which distribution and version do you mean${about}? For example "ubuntu 20.04" or "rhel 7.5".`,
    actions: LINUX_AND_BSD_DISTRO_IDS.map((id) => ({ kind: 'choose' as const, label: kb.familyName(id), value: id })),
  });
}
