import { performAction } from '../../bot/actions.ts';
import type { Reply, ReplyAction } from '../../bot/reply.ts';
import { hashUser } from '../../state/feedback-store.ts';
import type { SlackDeps } from './deps.ts';
import { renderReply, type SlackMessage } from './render/reply-blocks.ts';
import type { MoreOrigin } from './render/values.ts';

export interface Asked {
  readonly reply: Reply;
  readonly message: SlackMessage;
}

/** Remembers a question lisbot could not answer, as material for new evaluation cases. */
export async function recordDeclined(deps: SlackDeps, question: string, reply: Reply, user: string | undefined): Promise<void> {
  if (reply.answered || !deps.recordDeclined) return;
  try {
    await deps.feedback.add({
      kind: 'declined',
      question: question.slice(0, 1000),
      intent: reply.intent,
      sources: reply.sources.map((s) => s.id),
      platform: 'slack',
      userHash: hashUser('slack', user),
      at: new Date().toISOString(),
    });
  } catch (error) {
    deps.logger.warn(`could not record a declined question: ${String(error)}`);
  }
}

/** Asks the bot in a conversation and renders the reply for Slack; a question it declines is recorded. */
export async function askAndRender(deps: SlackDeps, question: string, conversation: string, user: string | undefined): Promise<Asked> {
  const { reply } = await deps.bot.ask({ text: question, conversation, user, platform: 'slack' });
  await recordDeclined(deps, question, reply, user);
  return { reply, message: renderReply(reply, { question, more: { q: question } }) };
}

/** Carries out a reply button (show-matrix, check-vm, choose) and renders what it produced. */
export async function actAndRender(deps: SlackDeps, action: Pick<ReplyAction, 'kind' | 'value'>, conversation: string, user: string | undefined, page = 0): Promise<Asked | undefined> {
  const reply = await performAction(deps.bot, action, { conversation, platform: 'slack', user });
  if (!reply) return undefined;
  const question = action.kind === 'choose' ? action.value : reply.title;
  if (action.kind === 'choose') await recordDeclined(deps, question, reply, user);
  const more: MoreOrigin | undefined = action.kind === 'show-matrix' ? { m: action.value } : action.kind === 'choose' ? { q: action.value } : undefined;
  return { reply, message: renderReply(reply, { question, page, ...(more ? { more } : {}) }) };
}
