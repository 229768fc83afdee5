import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DigestCommandsService, type DigestScheduleHook } from '../../src/digest/commands.ts';
import { MemorySubscriptionStore } from '../../src/digest/store.ts';
import { MemoryDigestArchive } from '../../src/digest/archive.ts';
import { baselineAt } from '../../src/digest/baseline.ts';
import { decodeDigestMore } from '../../src/digest/more.ts';
import { parseDigestArgs, tokenize } from '../../src/digest/parse.ts';
import { subscriptionId, type Subscription } from '../../src/digest/subscription.ts';
import { realKb } from '../helpers/real-kb.ts';
import { context, digestLines } from './helpers.ts';

class RecordingScheduler implements DigestScheduleHook {
  readonly upserted: string[] = [];
  readonly removed: string[] = [];
  fail = false;
  async scheduled(subscription: Subscription): Promise<void> {
    if (this.fail) throw new Error('queue down');
    this.upserted.push(`${subscription.id} ${subscription.schedule.pattern} ${subscription.schedule.tz}`);
    return Promise.resolve();
  }
  async unscheduled(id: string): Promise<void> {
    this.removed.push(id);
    return Promise.resolve();
  }
}

function service(options: { admins?: string[] } = {}) {
  const store = new MemorySubscriptionStore();
  const scheduler = new RecordingScheduler();
  const commands = new DigestCommandsService({
    kb: realKb,
    store,
    archive: new MemoryDigestArchive(),
    scheduler,
    now: () => new Date('2025-07-01T10:00:00Z'),
    ...options,
  });
  return { store, scheduler, commands };
}

describe('digest commands: who may subscribe', () => {
  test('someone who cannot manage the channel gets a clear refusal, and nothing is stored', async () => {
    const { commands, store, scheduler } = service({ admins: ['U0OTHERADMIN'] });
    for (const args of [['subscribe'], ['subscribe', 'daily', 'ubuntu'], ['unsubscribe']]) {
      const reply = await commands.run(args, context({ user: 'U0NOBODY' }));
      assert.equal(reply.answered, false);
      assert.equal(reply.intent, 'digest');
      assert.match(reply.title, /You cannot (un)?subscribe this channel/);
      assert.match(reply.text, /manage this channel/);
      assert.match(reply.text, /LISBOT_ADMINS/);
    }
    assert.deepEqual(await store.list(), []);
    assert.deepEqual(scheduler.upserted, []);
  });

  test('a channel manager can subscribe and unsubscribe', async () => {
    const { commands, store, scheduler } = service();
    const manager = context({ user: 'U0MANAGER', canManageChannel: true });
    const subscribed = await commands.run(['subscribe'], manager);
    assert.equal(subscribed.answered, true);
    assert.match(subscribed.text, /weekly, Mondays at 09:00 \(UTC\)/);
    const stored = await store.get(subscriptionId(manager.target));
    assert.equal(stored?.baseline.version, realKb().version, 'the first digest starts from the KB at subscription');
    assert.notEqual(stored?.createdBy, 'U0MANAGER');
    assert.deepEqual(scheduler.upserted, ['slack:C0DIGEST 0 9 * * 1 UTC']);
    const stopped = await commands.run(['unsubscribe'], manager);
    assert.equal(stopped.title, 'Digest stopped');
    assert.equal(await store.get(subscriptionId(manager.target)), undefined);
    assert.deepEqual(scheduler.removed, ['slack:C0DIGEST']);
  });

  test('a LISBOT_ADMINS user can, bare or as platform:id', async () => {
    for (const admins of [['U0ADMIN'], ['slack:U0ADMIN']]) {
      const { commands, store } = service({ admins });
      const reply = await commands.run(['subscribe', 'daily'], context({ user: 'U0ADMIN' }));
      assert.equal(reply.answered, true, reply.text);
      assert.equal((await store.list()).length, 1);
    }
    const { commands } = service({ admins: ['discord:U0ADMIN'] });
    assert.equal(
      (await commands.run(['subscribe'], context({ user: 'U0ADMIN', platform: 'slack' }))).answered,
      false,
      'an admin id for another platform does not count',
    );
  });

  test('list and preview work for anyone', async () => {
    const { commands } = service();
    const none = await commands.run(['list'], context());
    assert.equal(none.answered, true);
    assert.match(none.title, /No digest subscription/);
    await commands.run(['subscribe', 'daily', 'tz=Europe/Berlin', 'ubuntu', '--always'], context({ canManageChannel: true }));
    const listed = await commands.run(['list'], context({ user: 'U0ANYONE' }));
    assert.equal(listed.title, 'Digest subscription for this channel');
    assert.deepEqual(Object.fromEntries(listed.fields.map((f) => [f.label, f.value])), {
      Schedule: 'daily at 09:00 (Europe/Berlin)',
      Filters: 'Ubuntu',
      'When nothing changed': 'one line saying so',
      'Last digest': 'none yet',
    });
    const preview = await commands.run(['preview', 'since', '2019-06-13'], context({ user: 'U0ANYONE' }));
    assert.equal(preview.answered, true);
    assert.match(preview.title, /^lisbot digest preview: /);
    assert.ok(
      digestLines(preview).some((l) => l.startsWith('Ubuntu 20.04')),
      'Ubuntu 20.04 is listed',
    );
    assert.ok(
      digestLines(preview).every((l) => l.includes('Ubuntu') || l.startsWith('LIS ')),
      'the channel filter applies to the preview',
    );
    const fresh = await commands.run(['preview'], context({ user: 'U0ANYONE' }));
    assert.equal(fresh.title, 'lisbot digest preview: nothing new', 'nothing changed since the channel subscribed');
  });
});

describe('digest commands: arguments', () => {
  test('bad arguments give a usage reply', async () => {
    const { commands } = service();
    const admin = context({ canManageChannel: true });
    const cases: Array<[string[], RegExp]> = [
      [['subscribe', 'hourly'], /I don't know "hourly"/],
      [['subscribe', 'weekly', 'daily'], /one schedule/],
      [['subscribe', 'cron', '"0 9 * *"'], /cron/],
      [['subscribe', 'cron', '"*', '9', '*', '*', '1"'], /minute field must be one number/],
      [['subscribe', 'tz=Mars/Olympus'], /not a time zone/],
      [['preview', 'since', 'yesterday'], /since YYYY-MM-DD/],
      [['preview', 'since', '2024-02-30'], /since YYYY-MM-DD/],
      [['frobnicate'], /not a digest command/],
      [['unsubscribe', 'now'], /no arguments/],
    ];
    for (const [args, message] of cases) {
      const reply = await commands.run(args, admin);
      assert.equal(reply.answered, false, args.join(' '));
      assert.match(reply.title, /did not understand/);
      assert.match(reply.text, message, args.join(' '));
      assert.match(reply.text, /Usage: \/lis digest subscribe/);
    }
  });

  test('schedules, time zones, families, hosts and features are read', () => {
    const kb = realKb();
    const parsed = parseDigestArgs(kb, [
      'subscribe',
      'cron',
      '"30',
      '7',
      '*',
      '*',
      '1-5"',
      'tz=America/New_York',
      'Red',
      'Hat',
      'and',
      'focal',
      'on',
      '2012',
      'r2,',
      'ws2019',
      'secure',
      'boot',
      'TRIM',
      '--always',
    ]);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.deepEqual(parsed.command, {
      action: 'subscribe',
      schedule: { kind: 'cron', pattern: '30 7 * * 1-5', tz: 'America/New_York' },
      filters: { families: ['rhel', 'ubuntu'], hosts: ['2012 R2', '2019'], features: ['secure-boot', 'trim'] },
      quietWhenEmpty: false,
    });
    const defaults = parseDigestArgs(kb, ['subscribe']);
    assert.deepEqual(defaults.ok && defaults.command, {
      action: 'subscribe',
      schedule: { kind: 'weekly', pattern: '0 9 * * 1', tz: 'UTC' },
      filters: {},
      quietWhenEmpty: true,
    });
    assert.deepEqual(tokenize(['cron', '“0', '9', '*', '*', '1”', 'ubuntu']), ['cron', '0 9 * * 1', 'ubuntu']);
    assert.deepEqual(parseDigestArgs(kb, ['preview', '2024-01-01']), { ok: true, command: { action: 'preview', since: '2024-01-01' } });
    assert.deepEqual(parseDigestArgs(kb, []), { ok: true, command: { action: 'help' } });
  });

  test('subscribing again keeps what the channel was told, and re-enables a disabled subscription', async () => {
    const { commands, store } = service();
    const admin = context({ canManageChannel: true });
    await commands.run(['subscribe', 'weekly'], admin);
    const id = subscriptionId(admin.target);
    const old = baselineAt(realKb(), '2020-01-01');
    await store.markSent(id, { version: old.version, at: '2025-07-07T09:00:00.000Z', baseline: old });
    await store.disable(id, 'channel gone', '2025-07-08T09:00:00.000Z');
    const again = await commands.run(['subscribe', 'daily', 'ubuntu'], admin);
    assert.equal(again.title, 'Digest subscription updated');
    const stored = await store.get(id);
    assert.equal(stored?.disabled, undefined);
    assert.deepEqual(stored?.baseline, old);
    assert.equal(stored?.schedule.kind, 'daily');
  });

  test('a scheduler failure undoes the subscription', async () => {
    const { commands, store, scheduler } = service();
    scheduler.fail = true;
    await assert.rejects(commands.run(['subscribe'], context({ canManageChannel: true })), /queue down/);
    assert.deepEqual(await store.list(), []);
  });

  test('"show all" of a long preview lists every change again', async () => {
    const { commands } = service();
    const preview = await commands.run(['preview', 'since', '2019-06-13'], context());
    const action = preview.actions.find((a) => a.kind === 'show-more');
    assert.ok(action, 'a long preview has a show-all action');
    assert.ok(action.value.length <= 100);
    assert.deepEqual(decodeDigestMore(action.value), { from: '2019-06-13', to: realKb().version, filters: '-' });
    const all = await commands.expand(action.value);
    assert.ok(all);
    assert.ok(digestLines(all).length > digestLines(preview).length);
    assert.equal(await commands.expand('digest:nonsense'), undefined);
  });
});
