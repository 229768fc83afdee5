import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Bot, type AnsweredMessage, type IncomingMessage } from '../../../src/bot/bot.ts';
import { collectorScript } from '../../../src/check/collector/index.ts';
import { reply } from '../../../src/core/reply.ts';
import { decodeMore } from '../../../src/adapters/slack/render/values.ts';
import { hashUser } from '../../../src/core/feedback-store.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { blockKitProblems } from './block-limits.ts';
import { Harness, messageText, settle, visibleText } from './harness.ts';
import { eventEnvelope, nextTs } from './signed-requests.ts';

const UBUNTU_MATRIX_URL =
  'https://learn.microsoft.com/en-us/windows-server/virtualization/hyper-v/supported-ubuntu-virtual-machines-on-hyper-v';

function mention(text: string, fields: { channel?: string; user?: string; ts?: string; thread_ts?: string } = {}) {
  const ts = fields.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: fields.user ?? 'U0ALICE',
    text: `<@U0LISBOT> ${text}`,
    ts,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
    channel: fields.channel ?? 'C0GENERAL',
    event_ts: ts,
  };
}

describe('Slack app over the real HTTP receiver', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h.stop();
  });

  test('a signed mention gets exactly one threaded reply with the right answer and its source', async () => {
    const channel = 'C0MENTION';
    const event = mention('is secure boot supported for ubuntu 18.04 on 2016?', { channel });
    const sent = await h.postEvent(event);
    assert.equal(sent.status, 200);
    const post = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
    await settle();
    assert.equal(h.fake.posts().filter((c) => c.body.channel === channel).length, 1, 'exactly one reply');
    assert.equal(post.body.thread_ts, event.ts, 'in the thread of the mention');
    assert.equal(post.auth, `Bearer ${h.fake.botToken}`);
    const text = messageText(post.body);
    assert.match(String(post.body.text), /Secure boot for Ubuntu 18\.04 on 2016: Yes on 2016/);
    assert.match(text, /✅/);
    assert.ok(
      text.includes(`<${UBUNTU_MATRIX_URL}|Supported Ubuntu virtual machines on Hyper-V (2023-09-27)>`),
      'the ubuntu matrix page is linked',
    );
    assert.deepEqual(blockKitProblems(post.body), []);
    // the source id travels with the 👍/👎 buttons
    assert.match(text, /ubuntu@2023-09-27/);
  });

  test('a bad signature is refused with 401 and nothing is posted', async () => {
    h.fake.reset();
    const result = await h.postEvent(mention('does rhel 6.2 need lis', { channel: 'C0BADSIG' }), {
      signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000',
    });
    assert.equal(result.status, 401);
    await settle(300);
    assert.equal(h.fake.calls.length, 0);
  });

  test('a correctly signed request with a stale timestamp (6 minutes old) is refused and nothing is posted', async () => {
    h.fake.reset();
    const result = await h.postEvent(mention('does rhel 6.2 need lis', { channel: 'C0STALE' }), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    assert.equal(result.status, 401);
    await settle(300);
    assert.equal(h.fake.calls.length, 0);
  });

  test('a retried delivery (X-Slack-Retry-Num, same event_id) produces no second reply', async () => {
    const channel = 'C0RETRY';
    const { body } = eventEnvelope(mention('does rhel 6.2 need lis', { channel }), { team: h.fake.teamId });
    const first = await h.postRaw(body);
    const retry = await h.postRaw(body, { retryNum: 1, retryReason: 'http_timeout' });
    const again = await h.postRaw(body, { retryNum: 2, retryReason: 'http_timeout' });
    assert.deepEqual([first.status, retry.status, again.status], [200, 200, 200], 'every delivery is acked, so Slack stops retrying');
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
    await settle(400);
    assert.equal(h.fake.posts().filter((c) => c.body.channel === channel).length, 1);
  });

  test('follow-ups in the same thread use the conversation context', async () => {
    const channel = 'C0FOLLOW';
    const root = mention('is secure boot supported for ubuntu 18.04 on 2016?', { channel });
    await h.postEvent(root);
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
    await h.postEvent(mention('and on 2012 r2?', { channel, thread_ts: root.ts }));
    const follow = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === channel && /2012 R2/.test(String(c.body.text)),
    );
    assert.equal(follow.body.thread_ts, root.ts);
    assert.match(String(follow.body.text), /Secure boot for Ubuntu 18\.04 on 2012 R2: No on 2012 R2/);
  });

  test('a hostile mention (broadcasts, user mentions, backticks) is answered without pinging anyone', async () => {
    const channel = 'C0HOSTILE';
    const hostile = '<!channel> <!here> @everyone @here <@U123> <@U123|bob> ```rm -rf /``` `x` &lt;!channel&gt; is trim ok for sles 12 sp3';
    await h.postEvent(mention(hostile, { channel }));
    const post = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
    const text = visibleText(post.body);
    for (const raw of ['<!channel>', '<!here>', '<@U123', '@everyone', '@here', '```rm']) assert.ok(!text.includes(raw), `leaked ${raw}`);
    assert.match(String(post.body.text), /TRIM support for SUSE Linux Enterprise Server 12 SP3: Yes/);
    assert.deepEqual(blockKitProblems(post.body), []);
  });

  test('a direct message is answered in the DM, not in a thread', async () => {
    const ts = nextTs();
    await h.postEvent({
      type: 'message',
      channel: 'D0ALICE',
      channel_type: 'im',
      user: 'U0ALICE',
      text: 'does rhel 6.2 need lis',
      ts,
      event_ts: ts,
    });
    const post = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ALICE');
    assert.equal(post.body.thread_ts, undefined);
    assert.match(String(post.body.text), /Red Hat Enterprise Linux 6\.2.*LIS 4\.3/);
  });

  test('bot messages and edits in a DM are ignored', async () => {
    h.fake.reset();
    const ts = nextTs();
    await h.postEvent({
      type: 'message',
      channel: 'D0BOTS',
      channel_type: 'im',
      bot_id: 'B0OTHER',
      user: 'U0OTHERBOT',
      text: 'does rhel 6.2 need lis',
      ts,
      event_ts: ts,
    });
    await h.postEvent({
      type: 'message',
      subtype: 'message_changed',
      channel: 'D0BOTS',
      channel_type: 'im',
      ts,
      event_ts: ts,
      message: { text: 'x' },
    });
    await settle(300);
    assert.equal(h.fake.posts().filter((c) => c.body.channel === 'D0BOTS').length, 0);
  });

  test('/lis <question> is acked within 3 s with the answer', async () => {
    const result = await h.slash('does rhel 6.2 need lis');
    assert.equal(result.status, 200);
    assert.ok(result.ms < 3000, `acked in ${result.ms.toFixed(0)} ms`);
    const ack = JSON.parse(result.body) as { response_type: string; text: string; blocks: unknown[] };
    assert.equal(ack.response_type, 'in_channel');
    assert.match(ack.text, /Red Hat Enterprise Linux 6\.2.*LIS 4\.3/);
    assert.deepEqual(blockKitProblems(ack), []);
  });

  test('/lis help answers with the commands, privately', async () => {
    const result = await h.slash('help');
    const ack = JSON.parse(result.body) as { response_type: string; text: string; blocks: unknown[] };
    assert.equal(ack.response_type, 'ephemeral');
    const text = JSON.stringify(ack.blocks);
    for (const command of ['/lis check', '/lis digest', 'does rhel 6.2 need the lis download?']) assert.ok(text.includes(command), command);
    assert.deepEqual(blockKitProblems(ack), []);
  });

  test("/lis check acks the instructions and sends the collector script to the user's DM", async () => {
    const result = await h.slash('check', { user: 'U0CHECK' });
    const ack = JSON.parse(result.body) as { response_type: string; blocks: unknown[] };
    assert.equal(ack.response_type, 'ephemeral');
    assert.match(JSON.stringify(ack.blocks), /lis-collect\.sh/);
    const complete = await h.fake.waitFor((c) => c.method === 'files.completeUploadExternal');
    const open = h.fake.callsTo('conversations.open').at(-1);
    assert.equal(open?.body.users, 'U0CHECK');
    assert.equal(complete.body.channel_id, 'DU0CHECK');
    const upload = h.fake.calls.find((c) => c.kind === 'upload');
    assert.ok(upload?.raw.includes(collectorScript()), 'the whole script was uploaded');
    assert.equal(complete.body.initial_comment?.toString().includes('sudo sh lis-collect.sh'), true);
  });

  test('the "Show full matrix" button posts the matrix in the thread', async () => {
    const thread = nextTs();
    const result = await h.press({
      actionId: 'lis:show-matrix:0',
      value: 'matrix:rhel',
      channel: 'C0MATRIX',
      message: { ts: nextTs(), thread_ts: thread },
    });
    assert.equal(result.status, 200);
    assert.ok(result.ms < 3000);
    const post = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0MATRIX');
    assert.equal(post.body.thread_ts, thread);
    const text = messageText(post.body);
    assert.match(String(post.body.text), /Red Hat Enterprise Linux feature matrix/);
    assert.match(text, /```\\nFeature/);
    assert.deepEqual(blockKitProblems(post.body), []);
  });

  test('a button on an ephemeral message answers through response_url', async () => {
    const result = await h.press({ actionId: 'lis:show-matrix:0', value: 'matrix:ubuntu', channel: 'C0EPHEMERAL' });
    const response = await h.responseTo(result.responseUrl);
    assert.equal(response.body.response_type, 'ephemeral');
    assert.match(String(response.body.text), /Ubuntu feature matrix/);
  });

  test('a button where lisbot cannot post (not_in_channel) answers the presser privately instead', async () => {
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const result = await h.press({ actionId: 'lis:show-matrix:0', value: 'matrix:debian', channel: 'C0NOTIN', message: { ts: nextTs() } });
    const response = await h.responseTo(result.responseUrl);
    assert.equal(response.body.response_type, 'ephemeral');
    assert.equal(response.body.replace_original, false);
    assert.match(String(response.body.text), /Debian feature matrix/);
  });

  test('a did-you-mean choice continues the conversation', async () => {
    const press = await h.press({ actionId: 'lis:choose:0', value: 'rhel', channel: 'C0CHOOSE', message: { ts: nextTs() } });
    assert.equal(press.status, 200);
    const post = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0CHOOSE');
    assert.match(String(post.body.text), /Red Hat Enterprise Linux/);
  });

  test("a clarifying choice on a /lis answer keeps the question's context", async () => {
    const asked = await h.slash('is trim supported on 2012 r2?', { user: 'U0CLARIFY', channel: 'C0CLARIFY' });
    const ack = JSON.parse(asked.body) as { text: string; blocks: Array<{ elements?: Array<{ action_id: string; value: string }> }> };
    assert.match(ack.text, /Which distribution\?/);
    const ubuntu = ack.blocks.flatMap((b) => b.elements ?? []).find((e) => e.value === 'ubuntu');
    assert.ok(ubuntu, 'an Ubuntu choice');
    await h.press({ actionId: ubuntu.action_id, value: ubuntu.value, user: 'U0CLARIFY', channel: 'C0CLARIFY', message: { ts: nextTs() } });
    const post = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0CLARIFY');
    // The distribution chosen, the answer still depends on the release: lisbot asks for it and says how it differs.
    assert.match(String(post.body.text), /TRIM support for Ubuntu: which release\?/);
    assert.match(String(post.body.text), /Yes on 2012 R2 \(TRIM support for Ubuntu\)/);
  });

  test("👍 is recorded with the question and the answer's sources, once per person and message", async () => {
    const channel = 'C0FEEDBACK';
    const question = 'is secure boot supported for ubuntu 18.04 on 2016?';
    await h.postEvent(mention(question, { channel, user: 'U0BOB' }));
    const post = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
    const blocks = post.body.blocks as Array<{ block_id?: string; elements?: Array<{ action_id: string; value: string }> }>;
    const up = blocks.find((b) => b.block_id === 'lis-feedback')?.elements?.find((e) => e.action_id === 'lis:feedback-up:0');
    assert.ok(up, 'a 👍 button');
    const message = { ts: nextTs(), thread_ts: String(post.body.thread_ts) };
    const before = (await h.feedback.all()).length;
    const first = await h.press({ actionId: up.action_id, value: up.value, channel, user: 'U0BOB', blockId: 'lis-feedback', message });
    await h.responseTo(first.responseUrl);
    const second = await h.press({ actionId: up.action_id, value: up.value, channel, user: 'U0BOB', blockId: 'lis-feedback', message });
    const repeat = await h.responseTo(second.responseUrl);
    assert.match(String(repeat.body.text), /already rated/);
    const records = (await h.feedback.all()).slice(before);
    assert.equal(records.length, 1);
    const record = records[0];
    assert.equal(record?.kind, 'up');
    assert.equal(record?.question, question);
    assert.equal(record?.intent, 'feature_support');
    assert.deepEqual(record?.sources, ['ubuntu@2023-09-27', 'ubuntu@2020-08-29', 'ubuntu@2019-06-13']);
    assert.equal(record?.platform, 'slack');
    assert.equal(record?.userHash, hashUser('slack', 'U0BOB'));
  });

  test('a question lisbot declines is stored as "declined"', async () => {
    await h.postEvent(mention('qwxz plorb vrumm', { channel: 'C0DECLINE', user: 'U0DECL' }));
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0DECLINE');
    const declined = (await h.feedback.all()).filter((r) => r.kind === 'declined' && r.userHash === hashUser('slack', 'U0DECL'));
    assert.equal(declined.length, 1);
    assert.equal(declined[0]?.question, 'qwxz plorb vrumm');
  });

  test('/lis digest without a digest service answers with the digest help', async () => {
    const result = await h.slash('digest subscribe weekly');
    assert.match(result.body, /\/lis digest subscribe/);
  });

  test('no listener error was logged', () => {
    assert.deepEqual(h.logger.errors(), []);
  });
});

describe('slow answers and failures', () => {
  test('a slash command whose answer is slow is acked "working…" at once and answered through response_url', async () => {
    const kb = realKb();
    let answered = false;
    class SlowBot extends Bot {
      override async ask(message: IncomingMessage): Promise<AnsweredMessage> {
        await new Promise((resolve) => setTimeout(resolve, 400));
        const answer = await super.ask(message);
        answered = true;
        return answer;
      }
    }
    const h = await Harness.start({ bot: new SlowBot(() => kb), ackBudgetMs: 50 });
    try {
      const result = await h.slash('does rhel 6.2 need lis');
      // Ordered, not timed: a loaded machine may delay both, but the ack must not wait for the answer.
      assert.equal(answered, false, `acked after ${result.ms.toFixed(0)} ms, once the answer was ready`);
      assert.match(result.body, /Working on it/);
      const response = await h.fake.waitFor((c) => c.kind === 'respond');
      assert.equal(response.body.response_type, 'in_channel');
      assert.match(String(response.body.text), /Red Hat Enterprise Linux 6\.2/);
    } finally {
      await h.stop();
    }
  });

  test('when posting the reply fails, the error is logged and the app keeps serving', async () => {
    const h = await Harness.start();
    try {
      h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
      await h.postEvent(mention('does rhel 6.2 need lis', { channel: 'C0GONE' }));
      await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0GONE');
      await settle(200);
      assert.ok(h.logger.errors().some((e) => /not_in_channel/.test(e)));
      await h.postEvent(mention('does rhel 6.2 need lis', { channel: 'C0BACK' }));
      await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0BACK');
    } finally {
      await h.stop();
    }
  });

  test('a 429 from chat.postMessage is waited out (Retry-After) and the reply still arrives once', async () => {
    const h = await Harness.start();
    try {
      h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
      const started = performance.now();
      await h.postEvent(mention('does rhel 6.2 need lis', { channel: 'C0LIMIT' }));
      await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0LIMIT' && h.fake.posts().length >= 2, 8000);
      assert.ok(performance.now() - started >= 900, 'waited for Retry-After');
      await settle(200);
      assert.equal(h.fake.posts().length, 2, 'one refused, one delivered');
    } finally {
      await h.stop();
    }
  });
});

describe('long replies', () => {
  test('"Show more" posts the next page of a long reply in the same thread', async () => {
    const kb = realKb();
    class LongBot extends Bot {
      override ask(message: IncomingMessage): Promise<AnsweredMessage> {
        const notes = Array.from({ length: 40 }, (_, i) => `note ${i}: ${'details '.repeat(100)}`);
        return Promise.resolve({
          reply: reply({ intent: 'known_issue', title: `About ${message.text}`, text: 'A long answer.', notes }),
          confidence: 1,
          latencyMs: 0,
        });
      }
    }
    const h = await Harness.start({ bot: new LongBot(() => kb) });
    try {
      const event = mention('long one', { channel: 'C0LONG' });
      await h.postEvent(event);
      const first = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0LONG');
      assert.deepEqual(blockKitProblems(first.body), []);
      const blocks = first.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>;
      const more = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'lis:show-more:0');
      assert.ok(more, 'a Show more button');
      assert.equal(decodeMore(more.value)?.p, 1);
      assert.match(visibleText(first.body), /note 0:/);
      assert.doesNotMatch(visibleText(first.body), /note 39:/);
      await h.press({ actionId: more.action_id, value: more.value, channel: 'C0LONG', message: { ts: nextTs(), thread_ts: event.ts } });
      const second = await h.fake.waitFor(
        (c) => c.method === 'chat.postMessage' && c.body.channel === 'C0LONG' && /page 2 of/.test(String(c.body.text)),
      );
      assert.equal(second.body.thread_ts, event.ts);
      assert.deepEqual(blockKitProblems(second.body), []);
      assert.doesNotMatch(visibleText(second.body), /note 0:/);
    } finally {
      await h.stop();
    }
  });
});
