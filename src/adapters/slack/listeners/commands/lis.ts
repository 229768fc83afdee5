import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { HELP_EXAMPLES } from '../../../../bot/handlers/help.ts';
import { checkVmReply } from '../../../../bot/handlers/guest-check.ts';
import { reply } from '../../../../core/reply.ts';
import { askAndRender } from '../../answer.ts';
import { onMatrixCommand } from './matrix.ts';
import { onCorrectionsCommand } from './corrections.ts';
import { COLLECTOR_HOW_TO, sendCollector } from '../../collector.ts';
import { claimOnce } from '../../dedupe.ts';
import { conversationKey, type SlackDeps } from '../../deps.ts';
import { canManageChannel } from '../../digest.ts';
import { slackTextToPlain } from '../../render/escape.ts';
import { renderMrkdwn, renderNotice, renderReply, type SlackMessage } from '../../render/reply-blocks.ts';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export const LIS_USAGE =
  '[question] | help | check | matrix DISTRO [host] [as of DATE] | corrections on|off | digest subscribe|unsubscribe|list|preview';

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, ...message };
}

export function slashHelp(): SlackMessage {
  return renderReply(
    reply({
      intent: 'help',
      title: 'lisbot: /lis',
      text: 'Ask about Linux and FreeBSD guests on Hyper-V: supported distributions and versions, integration services, features per host, known issues, best practices and LIS versions. You can also mention @lisbot in a channel (it answers in the thread) or send it a direct message.',
      fields: [
        { label: '/lis <question>', value: 'Answer a question, for example "/lis does rhel 6.2 need lis"' },
        { label: '/lis check', value: 'How to check a VM, and the collector script' },
        {
          label: '/lis corrections on|off',
          value: 'Post a short correction in the thread when a knowledge-base update changes an answer given in this channel',
        },
        {
          label: '/lis matrix DISTRO [host] [as of DATE]',
          value: 'The feature matrix as a picture, e.g. "/lis matrix rhel on 2012 r2" or "/lis matrix ubuntu as of mid 2019"',
        },
        { label: '/lis digest …', value: 'subscribe [weekly|daily] [families…] [hosts…], unsubscribe, list, preview' },
        { label: '/lis help', value: 'This text' },
        ...HELP_EXAMPLES.slice(0, 4).map((example, i) => ({ label: `Example ${i + 1}`, value: example })),
      ],
    }),
    { feedback: false },
  );
}

function sleep(ms: number): { promise: Promise<undefined>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** `/lis <question>`: answered inside the ack when it is quick, else acked "working…" and answered via response_url. */
async function answerQuestion(deps: SlackDeps, args: CommandArgs, question: string): Promise<void> {
  const { command, ack, respond } = args;
  const conversation = conversationKey(command.team_id, command.channel_id, command.user_id);
  const work = askAndRender(deps, question, conversation, command.user_id).then(
    (asked) => ({ asked }),
    (error: unknown) => ({ error }),
  );
  const timer = sleep(deps.ackBudgetMs);
  const quick = await Promise.race([work, timer.promise]);
  timer.cancel();
  if (quick && 'asked' in quick) {
    await ack({ response_type: 'in_channel', ...quick.asked.message });
    return;
  }
  if (quick) {
    deps.logger.error(`/lis failed: ${String(quick.error)}`);
    await ack(ephemeral(renderNotice('Sorry, I could not answer that just now. Try again shortly.')));
    return;
  }
  await ack(ephemeral(renderNotice('Working on it…')));
  const late = await work;
  if ('asked' in late) {
    await respond({ response_type: 'in_channel', replace_original: false, ...late.asked.message });
  } else {
    deps.logger.error(`/lis failed: ${String(late.error)}`);
    await respond(ephemeral(renderNotice('Sorry, I could not answer that just now. Try again shortly.')));
  }
}

async function check(deps: SlackDeps, args: CommandArgs): Promise<void> {
  const { command, ack, respond, client } = args;
  const instructions = renderReply(checkVmReply(), { feedback: false });
  const note = renderMrkdwn(`I'm sending you *lis-collect.sh* in a direct message. ${COLLECTOR_HOW_TO}`);
  await ack(ephemeral({ text: instructions.text, blocks: [...instructions.blocks.filter((b) => b.type !== 'actions'), ...note.blocks] }));
  const sent = await sendCollector(deps, client, command.user_id, command.channel_id);
  if (!sent.ok) await respond(ephemeral(renderNotice(sent.reason)));
}

async function digest(deps: SlackDeps, args: CommandArgs, words: readonly string[]): Promise<void> {
  const { command, ack, respond, client } = args;
  if (!deps.digest) {
    await answerQuestion(deps, args, `digest ${words.join(' ')}`.trim());
    return;
  }
  await ack(ephemeral(renderNotice('Working on it…')));
  try {
    const allowed = await canManageChannel(deps, client, command.user_id, command.channel_id);
    const result = await deps.digest.run(words, {
      target: { platform: 'slack', channel: command.channel_id, team: command.team_id },
      user: command.user_id,
      canManageChannel: allowed,
    });
    await respond(ephemeral(renderReply(result, { feedback: false })));
  } catch (error) {
    deps.logger.error(`/lis digest failed: ${String(error)}`);
    await respond(ephemeral(renderNotice('Sorry, the digest command failed. Try again shortly.')));
  }
}

/** The `/lis` slash command. Every branch acks at once; slow work is answered through response_url after the ack. */
export async function onLisCommand(deps: SlackDeps, args: CommandArgs): Promise<void> {
  const { command, ack } = args;
  if (command.trigger_id && !(await claimOnce(deps, `slack:command:${command.trigger_id}`))) {
    await ack();
    return;
  }
  const text = slackTextToPlain(command.text ?? '');
  const [first = '', ...rest] = text.split(' ');
  switch (first.toLowerCase()) {
    case '':
    case 'help':
      if (rest.length === 0) {
        await ack(ephemeral(slashHelp()));
        return;
      }
      break;
    case 'check':
      if (rest.length === 0) {
        await check(deps, args);
        return;
      }
      break;
    case 'digest':
      await digest(deps, args, rest);
      return;
    case 'corrections':
      await onCorrectionsCommand(deps, args, rest);
      return;
    case 'matrix':
      if (rest.length > 0) {
        await onMatrixCommand(deps, args, rest);
        return;
      }
      break;
  }
  await answerQuestion(deps, args, text);
}
