import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { APIEmbed } from 'discord.js';
import { limitViolations, type CheckedMessage } from '../../../src/adapters/discord/render/limits.ts';
import { hashUser } from '../../../src/core/feedback-store.ts';
import type { RecordedRequest } from './fake-discord.ts';
import { KnowledgeBase } from '../../../src/knowledge/index.ts';
import type { MatrixSnapshot } from '../../../src/knowledge/schema/index.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { intentModelFor } from '../../../src/bot/intent/model.ts';
import { buttonPress, slashCommand, str } from './payloads.ts';
import { withDiscord, type Harness } from './harness.ts';
import { Redis } from 'ioredis';
import { RedisTextRefs } from '../../../src/state/text-refs.ts';
import { ignoreOutages } from '../../../src/state/redis-outage.ts';
import { TEST_REDIS_URL } from '../../helpers/ports.ts';
import { quoteBack } from '../../../src/bot/text.ts';
import { answerQuestion } from '../../../src/bot/answer.ts';
import { testKeyPrefix } from '../../helpers/redis.ts';

interface MessageData {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ components: Array<{ custom_id: string; label?: string; disabled?: boolean }> }>;
  flags?: number;
  allowed_mentions?: unknown;
}

function dataOf(request: RecordedRequest): MessageData {
  return (request.body as { data: MessageData }).data;
}

function customIds(data: MessageData): string[] {
  return (data.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));
}

/** Asks a question and returns the message lisbot answered with, as the fake stored it. */
async function answer(harness: Harness, question: string): Promise<Record<string, unknown>> {
  const payload = slashCommand(harness.fake, 'ask', [str('question', question)]);
  await harness.interact(payload);
  const message = harness.fake.original(payload.token);
  assert.ok(message, 'an original response exists');
  return message;
}

/** The committed KB plus a newer RHEL snapshot with 80 release columns: a matrix no single message can hold. */
function kbWithHugeRhelMatrix(): KnowledgeBase {
  const kb = realKb();
  const newest = kb.snapshotAt('rhel')!;
  const template = newest.columns.find((c) => c.families.includes('rhel'))!;
  const columns = Array.from({ length: 80 }, (_, i) => ({
    ...template,
    key: `huge-${i}`,
    header: `RHEL 20.${i}`,
    versions: [{ kind: 'exact' as const, version: `20.${i}` }],
  }));
  const huge: MatrixSnapshot = { ...newest, id: 'rhel@2099-01-01', era: '2099-01-01', columns };
  const bigger = new KnowledgeBase({ ...kb.data, snapshots: [...kb.data.snapshots, huge] });
  // A KB of its own has no saved intent model: train it here, outside the interaction's time limit.
  intentModelFor(bigger);
  return bigger;
}

describe('lisbot buttons through the fake gateway', () => {
  test('two replicas sharing Redis: a 👍 rendered by one and pressed on the other records the whole question', async () => {
    const prefix = `${testKeyPrefix('discord-refs')}:`;
    const redisA = new Redis(TEST_REDIS_URL);
    const redisB = new Redis(TEST_REDIS_URL);
    try {
      const question = `does rhel 6.2 need lis? ${'and how about kvp on it '.repeat(120)}`.trim();
      await withDiscord({ refs: new RedisTextRefs(redisA, ignoreOutages, prefix) }, async (a) => {
        const message = await answer(a, question);
        const up = customIds(message as MessageData).find((id) => id.startsWith('lis:fb:up:'))!;
        assert.ok(up.length <= 100);
        await withDiscord({ refs: new RedisTextRefs(redisB, ignoreOutages, prefix) }, async (b) => {
          await b.interact(buttonPress(b.fake, message, up));
          const records = await b.feedback.all();
          assert.equal(records.length, 1);
          assert.equal(records[0]!.question, quoteBack(question, 500), 'the question the other replica stored, not the embed title');
          assert.equal(records[0]!.intent, answerQuestion(realKb(), question).reply.intent, 'the intent the answer was given');
        });
      });
    } finally {
      const keys = await redisA.keys(`${prefix}*`);
      if (keys.length) await redisA.del(...keys);
      redisA.disconnect();
      redisB.disconnect();
    }
  });

  test('show-matrix opens the full matrix (ephemeral, one field per release column) within limits', async () => {
    await withDiscord({}, async (harness) => {
      const { fake, interact, responsesTo } = harness;
      const message = await answer(harness, 'is trim supported on rhel 7.5?');
      const matrixButton = customIds(message as MessageData).find((id) => id.startsWith('lis:mx:'));
      assert.equal(matrixButton, 'lis:mx:rhel');

      const press = buttonPress(fake, message, matrixButton);
      await interact(press);
      const [callback] = responsesTo(press);
      const body = callback!.body as { type: number; data: MessageData };
      assert.equal(body.type, 4);
      assert.equal(body.data.flags, 64, 'only the presser sees the matrix');
      assert.deepEqual(body.data.allowed_mentions, { parse: [] });
      const embed = body.data.embeds![0]!;
      assert.match(embed.title!, /Red Hat Enterprise Linux feature matrix/);
      assert.ok(
        embed.fields!.some((f) => /built-in|LIS/.test(f.name)),
        'one field per release column',
      );
      assert.deepEqual(limitViolations(body.data as CheckedMessage), []);

      // Page turning: the fake keeps the message; pressing "next" on it answers with UPDATE_MESSAGE (type 7).
      // The committed RHEL matrix fits one message: no paging row.
      assert.equal(customIds(fake.original(press.token) as MessageData).filter((id) => id.startsWith('lis:mp:')).length, 0);
    });
  });

  test('a matrix too long for one message pages with ◀ ▶, each press editing the message in place (type 7)', async () => {
    await withDiscord({ kb: kbWithHugeRhelMatrix() }, async (harness) => {
      const { fake, interact, responsesTo } = harness;
      const open = buttonPress(fake, await answer(harness, 'does rhel 7.5 support trim?'), 'lis:mx:rhel');
      await interact(open);
      let message = fake.original(open.token)!;
      const first = dataOf(responsesTo(open)[0]!);
      assert.deepEqual(limitViolations(first as CheckedMessage), []);
      const pages = Number(/page 1 of (\d+)/.exec(first.embeds![0]!.footer!.text)?.[1]);
      assert.ok(pages >= 3, `several pages (got ${pages})`);
      const prev = first.components![0]!.components[0]!;
      assert.equal(prev.disabled, true, '◀ disabled on the first page');
      const seenColumns = new Set(first.embeds![0]!.fields!.map((f) => f.name));
      for (let page = 1; page < pages; page++) {
        const next = customIds(message as MessageData).find((id) => id.startsWith(`lis:mp:${page}:`));
        assert.equal(next, `lis:mp:${page}:rhel`);
        const turn = buttonPress(fake, message, next);
        await interact(turn);
        const update = responsesTo(turn)[0]!.body as { type: number; data: MessageData };
        assert.equal(update.type, 7, 'UPDATE_MESSAGE');
        assert.match(update.data.embeds![0]!.footer!.text, new RegExp(`page ${page + 1} of ${pages}`));
        assert.deepEqual(update.data.allowed_mentions, { parse: [] });
        assert.deepEqual(limitViolations(update.data as CheckedMessage), []);
        for (const f of update.data.embeds![0]!.fields!) if (f.name !== 'Sources') seenColumns.add(f.name);
        message = fake.message(message.id as string)!;
      }
      const last = (message as MessageData).components![0]!.components[2]!;
      assert.equal(last.disabled, true, '▶ disabled on the last page');
      assert.ok(seenColumns.size >= 60, `every release column shows on some page (saw ${seenColumns.size})`);
    });
  });

  test('a matrix page button with a family and page renders that page, within limits', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const press = buttonPress(
        fake,
        {
          id: '1300000000000009999',
          channel_id: fake.channelId,
          author: fake.botUser,
          content: '',
          embeds: [],
          components: [],
          type: 0,
          flags: 64,
          timestamp: new Date().toISOString(),
          edited_timestamp: null,
          tts: false,
          mention_everyone: false,
          mentions: [],
          mention_roles: [],
          attachments: [],
          pinned: false,
        },
        'lis:mp:0:sles:2012 R2',
      );
      await interact(press);
      const update = responsesTo(press)[0]!.body as { type: number; data: MessageData };
      assert.equal(update.type, 7);
      assert.match(update.data.embeds![0]!.title!, /SUSE Linux Enterprise Server feature matrix on 2012 R2/);
      assert.deepEqual(limitViolations(update.data as CheckedMessage), []);
    });
  });

  test('feedback 👍 is recorded with the question, the sources and a hashed user — once per user', async () => {
    await withDiscord({}, async (harness) => {
      const { fake, interact, responsesTo, feedback } = harness;
      const message = await answer(harness, 'does rhel 6.2 need lis?');
      const up = customIds(message as MessageData).find((id) => id.startsWith('lis:fb:up:'))!;
      const press = buttonPress(fake, message, up);
      await interact(press);
      const records = await feedback.all();
      assert.equal(records.length, 1);
      const record = records[0]!;
      assert.equal(record.kind, 'up');
      assert.equal(record.question, 'does rhel 6.2 need lis?');
      assert.equal(record.intent, 'distro_support');
      assert.ok(record.sources.length >= 1 && record.sources.every((s) => typeof s === 'string'));
      assert.equal(record.platform, 'discord');
      assert.equal(record.userHash, hashUser('discord', '1200000000000000001'));
      assert.doesNotMatch(JSON.stringify(record), /1200000000000000001/, 'the raw user id is not stored');
      const ack = dataOf(responsesTo(press)[0]!);
      assert.equal(ack.flags, 64);

      const again = buttonPress(fake, message, up);
      await interact(again);
      assert.equal((await feedback.all()).length, 1, 'a second press by the same user is not recorded');
      assert.match(dataOf(responsesTo(again)[0]!).content!, /already rated/);
    });
  });

  test('a did-you-mean / clarifying choice continues the conversation', async () => {
    await withDiscord({}, async (harness) => {
      const { fake, interact, responsesTo } = harness;
      const message = await answer(harness, 'is trim supported?');
      const ids = customIds(message);
      const sles = ids.find((id) => id === 'lis:ch:v:sles');
      assert.ok(sles, `a choice for SLES among ${ids.join(', ')}`);
      const press = buttonPress(fake, message, sles);
      await interact(press);
      const data = dataOf(responsesTo(press)[0]!);
      assert.match(
        data.embeds![0]!.title!,
        /TRIM support for SUSE Linux Enterprise Server/,
        'the feature came from the conversation context',
      );
    });
  });

  test('foreign, malformed and expired buttons get a private note, never an error', async () => {
    await withDiscord({}, async (harness) => {
      const { fake, interact, responsesTo } = harness;
      const message = await answer(harness, 'does rhel 6.2 need lis?');
      for (const id of ['lis:mx:notadistro', 'lis:ch:k:expiredkey', 'lis:zz']) {
        const press = buttonPress(fake, message, id);
        await interact(press);
        const data = dataOf(responsesTo(press)[0]!);
        assert.equal(data.flags, 64);
        assert.doesNotMatch(data.content!, /went wrong/);
      }
      const foreign = buttonPress(fake, message, 'someone-elses-button');
      fake.dispatchInteraction(foreign);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(responsesTo(foreign).length, 0, "buttons that are not lisbot's are left alone");
    });
  });
});
