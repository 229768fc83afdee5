import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness.ts';

async function digestRun(
  options: { admins?: string[]; users?: Record<string, { is_admin?: boolean; is_owner?: boolean }>; creators?: Record<string, string> },
  user: string,
  channel = 'C0DIGEST',
) {
  const h = await Harness.start({
    digest: true,
    ...(options.admins ? { admins: options.admins } : {}),
    fake: { users: options.users ?? {}, channelCreators: options.creators ?? {} },
  });
  try {
    const result = await h.slash('digest subscribe weekly rhel 2022', { user, channel });
    assert.ok(result.ms < 3000);
    assert.match(result.body, /Working on it/);
    const response = await h.fake.waitFor((c) => c.kind === 'respond');
    return { run: h.digest.runs[0], response };
  } finally {
    await h.stop();
  }
}

describe('/lis digest goes to DigestCommands with the right to manage the channel', () => {
  test('a workspace admin (users.info) may', async () => {
    const { run, response } = await digestRun({ users: { U0ADMIN: { is_admin: true } } }, 'U0ADMIN');
    assert.deepEqual(run?.args, ['subscribe', 'weekly', 'rhel', '2022']);
    assert.deepEqual(run?.context, {
      target: { platform: 'slack', channel: 'C0DIGEST', team: 'T0TEAM' },
      user: 'U0ADMIN',
      canManageChannel: true,
    });
    assert.equal(response.body.response_type, 'ephemeral');
    assert.match(String(response.body.text), /Subscribed C0DIGEST/);
  });

  test('the channel creator (conversations.info) may', async () => {
    const { run } = await digestRun({ creators: { C0DIGEST: 'U0MAKER' } }, 'U0MAKER');
    assert.equal(run?.context.canManageChannel, true);
  });

  test('a lisbot admin from LISBOT_ADMINS may', async () => {
    const { run } = await digestRun({ admins: ['U0OPS'] }, 'U0OPS');
    assert.equal(run?.context.canManageChannel, true);
  });

  test('anyone else may not', async () => {
    const { run, response } = await digestRun({}, 'U0RANDOM');
    assert.equal(run?.context.canManageChannel, false);
    assert.match(String(response.body.text), /Only people who manage this channel/);
  });
});
