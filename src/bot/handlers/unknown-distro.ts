import { LINUX_AND_BSD_DISTRO_IDS } from '../../knowledge/schema/index.ts';
import { reply, type Reply } from '../../core/reply.ts';
import type { HandlerInput } from './handler.ts';

/** A support question about a distribution the KB does not know: say so, never answer for another one. */
export function unknownDistroReply({ kb, entities }: HandlerInput): Reply {
  const known = LINUX_AND_BSD_DISTRO_IDS.map((id) => kb.familyName(id));
  return reply({
    intent: 'distro_support',
    entities,
    answered: false,
    title: 'Not a distribution I know',
    text: `No Microsoft support matrix I have lists that distribution, so I can't say how it runs on Hyper-V. I know ${known.join(', ')}.`,
    actions: LINUX_AND_BSD_DISTRO_IDS.map((id) => ({ kind: 'choose' as const, label: kb.familyName(id), value: id })),
  });
}
