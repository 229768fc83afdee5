import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DigestCommandsService } from '../../src/digest/commands.ts';
import { MemorySubscriptionStore } from '../../src/digest/store.ts';
import { renderReply as renderSlack } from '../../src/adapters/slack/render/reply-blocks.ts';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render/embeds.ts';
import { decodeButtonId } from '../../src/adapters/discord/render/custom-ids.ts';
import type { Reply } from '../../src/core/reply.ts';
import { realKb } from '../helpers/real-kb.ts';

const context = { target: { platform: 'slack' as const, channel: 'C0DIGEST' }, user: 'U0ANYONE', canManageChannel: false };

async function longDigest(): Promise<{ service: DigestCommandsService; reply: Reply; value: string }> {
  const service = new DigestCommandsService({ kb: realKb, store: new MemorySubscriptionStore(), limit: 5 });
  const reply = await service.run(['preview', 'since', '2019-06-13'], context);
  const action = reply.actions.find((a) => a.kind === 'show-more');
  assert.ok(action, 'a long digest offers "show all"');
  return { service, reply, value: action.value };
}

describe('a digest\'s "show all"', () => {
  test('expands to the whole digest', async () => {
    const { service, reply, value } = await longDigest();
    const full = await service.expand(value);
    assert.ok(full);
    assert.ok(JSON.stringify(full).length > JSON.stringify(reply).length, 'the full digest says more');
  });
  test('Slack renders it as a button carrying the digest: value', async () => {
    const { value, reply } = await longDigest();
    const blocks = JSON.stringify(renderSlack(reply).blocks);
    assert.ok(blocks.includes(value), 'the button value reaches Slack');
  });
  test('Discord renders it as a button whose custom_id reads back', async () => {
    const { value, reply } = await longDigest();
    const message = renderDiscord(reply);
    const ids = JSON.stringify(message.components ?? []).match(/lis:dg:[^"]+/g) ?? [];
    assert.equal(ids.length, 1);
    assert.deepEqual(decodeButtonId(ids[0]), { kind: 'digest', value });
  });
  test('pressing it in Slack posts the whole digest through the real app', async () => {
    const { Harness } = await import('../adapters/slack/harness.ts');
    const { service, value } = await longDigest();
    const h = await Harness.start({ digest: service });
    try {
      const pressed = await h.press({ actionId: 'lis:show-more:0', value, channel: 'C0DIGEST', message: { ts: '1700000000.000100' } });
      assert.equal(pressed.status, 200);
      const posted = await h.fake.waitFor(
        (c) => (c.method === 'chat.postMessage' || c.kind === 'respond') && /lisbot digest/.test(JSON.stringify(c.body)),
      );
      assert.doesNotMatch(JSON.stringify(posted.body), /no longer available/);
      assert.match(JSON.stringify(posted.body), /Red Hat Enterprise Linux/);
    } finally {
      await h.stop();
    }
  });
});
