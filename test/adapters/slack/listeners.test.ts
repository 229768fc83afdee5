import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SlackDeps } from '../../../src/adapters/slack/deps.ts';
import { onLisCommand, type CommandArgs } from '../../../src/adapters/slack/listeners/commands/lis.ts';
import { onAppMention, type MentionArgs } from '../../../src/adapters/slack/listeners/events/app-mention.ts';
import { MemoryThreadStore } from '../../../src/state/thread-store.ts';
import { MemoryTextRefs } from '../../../src/state/text-refs.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { MemoryDedupeStore } from '../../../src/state/dedupe-store.ts';
import { MemoryFeedbackStore } from '../../../src/core/feedback-store.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { MemoryLogger } from './harness.ts';

// The listeners are plain functions of (deps, Bolt args): they can be called with fakes, no App and no network.
const kb = realKb();
function deps(overrides: Partial<SlackDeps> = {}): SlackDeps {
  return {
    settings: { botToken: 'xoxb-test', signingSecret: '0123456789abcdef', port: 0, admins: [], mode: 'http' },
    bot: new Bot(() => kb),
    dedupe: new MemoryDedupeStore(),
    feedback: new MemoryFeedbackStore(),
    logger: new MemoryLogger(),
    threads: new MemoryThreadStore(),
    refs: new MemoryTextRefs(),
    ackBudgetMs: 1500,
    fetch: globalThis.fetch,
    ...overrides,
  };
}

describe('listeners as plain functions', () => {
  test('/lis help acks once, privately, and does nothing else', async () => {
    const ack = mock.fn(() => Promise.resolve());
    const respond = mock.fn(() => Promise.resolve());
    const args = {
      command: { text: 'help', trigger_id: 't1', user_id: 'U1', channel_id: 'C1', team_id: 'T1' },
      ack,
      respond,
      client: {},
    } as unknown as CommandArgs;
    await onLisCommand(deps(), args);
    assert.equal(ack.mock.callCount(), 1);
    assert.equal(respond.mock.callCount(), 0);
    const [message] = ack.mock.calls[0]?.arguments as unknown as [{ response_type: string }];
    assert.equal(message.response_type, 'ephemeral');
  });

  test('a repeated slash command (same trigger_id) is acked and not answered again', async () => {
    const d = deps();
    const first = mock.fn(() => Promise.resolve());
    const second = mock.fn(() => Promise.resolve());
    const command = { text: 'does rhel 6.2 need lis', trigger_id: 't-same', user_id: 'U1', channel_id: 'C1', team_id: 'T1' };
    await onLisCommand(d, { command, ack: first, respond: mock.fn(), client: {} } as unknown as CommandArgs);
    await onLisCommand(d, { command, ack: second, respond: mock.fn(), client: {} } as unknown as CommandArgs);
    assert.equal((first.mock.calls[0]?.arguments as unknown as [{ response_type: string }])[0].response_type, 'in_channel');
    assert.deepEqual(second.mock.calls[0]?.arguments, []);
  });

  test('an app_mention in a DM channel is left to the DM listener', async () => {
    const postMessage = mock.fn(() => Promise.resolve({ ok: true }));
    const args = {
      event: { type: 'app_mention', text: '<@U0LISBOT> help', channel: 'D123', ts: '1.1', user: 'U1' },
      context: { teamId: 'T1' },
      body: { team_id: 'T1' },
      client: { chat: { postMessage } },
    } as unknown as MentionArgs;
    await onAppMention(deps(), args);
    assert.equal(postMessage.mock.callCount(), 0);
  });

  test('a bare mention gets the help answer in its thread', async () => {
    const postMessage = mock.fn((_message: { thread_ts?: string; text: string }) => Promise.resolve({ ok: true }));
    const args = {
      event: { type: 'app_mention', text: '<@U0LISBOT>', channel: 'C1', ts: '1.2', user: 'U1' },
      context: { teamId: 'T1' },
      body: { team_id: 'T1' },
      client: { chat: { postMessage } },
    } as unknown as MentionArgs;
    await onAppMention(deps(), args);
    assert.equal(postMessage.mock.callCount(), 1);
    const [message] = postMessage.mock.calls[0]?.arguments ?? [];
    assert.equal(message?.thread_ts, '1.2');
    assert.match(message?.text ?? '', /What I answer/);
  });
});
