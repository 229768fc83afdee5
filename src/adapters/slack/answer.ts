import { performAction } from '../../bot/actions.ts';
import type { Reply, ReplyAction } from '../../core/reply.ts';
import type { SlackDeps } from './deps.ts';
import { renderReply, type SlackMessage } from './render/reply-blocks.ts';
import type { MoreOrigin } from './render/values.ts';

export interface Asked {
  readonly reply: Reply;
  readonly message: SlackMessage;
}

/** Asks the bot in a conversation and renders the reply for Slack (the bot's answer hook records declined questions). */
export async function askAndRender(deps: SlackDeps, question: string, conversation: string, user: string | undefined): Promise<Asked> {
  const { reply } = await deps.bot.ask({ text: question, conversation, user, platform: 'slack' });
  return { reply, message: renderReply(reply, { question, more: { q: question }, refs: deps.refs }) };
}

/** Carries out a reply button (show-matrix, check-vm, choose) and renders what it produced. */
export async function actAndRender(
  deps: SlackDeps,
  action: Pick<ReplyAction, 'kind' | 'value'>,
  conversation: string,
  user: string | undefined,
  page = 0,
): Promise<Asked | undefined> {
  const reply = await performAction(deps.bot, action, { conversation, platform: 'slack', user });
  if (!reply) return undefined;
  const question = action.kind === 'choose' ? action.value : reply.title;
  const more: MoreOrigin | undefined =
    action.kind === 'show-matrix' ? { m: action.value } : action.kind === 'choose' ? { q: action.value } : undefined;
  return { reply, message: renderReply(reply, { question, page, refs: deps.refs, ...(more ? { more } : {}) }) };
}
