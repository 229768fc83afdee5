import type { Bot, IncomingMessage } from './bot.ts';
import { checkVmReply } from './handlers/guest-check.ts';
import { matrixReply } from './handlers/matrix.ts';
import type { Reply, ReplyAction } from '../core/reply.ts';
import { DISTRO_IDS, HOST_IDS, type DistroId, type HostId } from '../knowledge/schema/index.ts';

/** Reads a "matrix:<family>[:<host>]" action value; anything else is refused. */
export function parseMatrixValue(value: string): { family: DistroId; host?: HostId } | undefined {
  const [kind, family, host] = value.split(':');
  if (kind !== 'matrix' || !DISTRO_IDS.includes(family as DistroId)) return undefined;
  if (host !== undefined && !HOST_IDS.includes(host as HostId)) return undefined;
  return host ? { family: family as DistroId, host: host as HostId } : { family: family as DistroId };
}

/**
 * Carries out a button a user pressed. A "choose" value is asked as the next message of the same
 * conversation, so a did-you-mean or clarifying choice continues the thread.
 */
export async function performAction(
  bot: Bot,
  action: Pick<ReplyAction, 'kind' | 'value'>,
  message: Omit<IncomingMessage, 'text'>,
): Promise<Reply | undefined> {
  switch (action.kind) {
    case 'show-matrix': {
      const target = parseMatrixValue(action.value);
      return target ? matrixReply(bot.kb, target.family, target.host) : undefined;
    }
    case 'check-vm':
      return checkVmReply();
    case 'choose':
      return (await bot.ask({ ...message, text: action.value.slice(0, 200) })).reply;
    default:
      return undefined;
  }
}
