import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { JSON_TYPE, eventEnvelope, nextTs, postSigned } from '../adapters/slack/signed-requests.ts';
import { createInfrastructure } from '../../src/runtime/infrastructure.ts';
import { startBotProcess } from '../../src/runtime/bot-process.ts';
import { freePort, waitFor } from '../helpers/ports.ts';
import { testKeyPrefix } from '../helpers/redis.ts';

const SECRET = 'uploadTestSigningSecret0123456789';
const BUNDLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'bundles', 'rhel63-lis35.txt'));
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

/** serve without Redis against a fake Slack: the in-process queue and the real check. */
async function withSlackServe(
  run: (ctx: { fake: FakeSlackApi; url: string; bot: Awaited<ReturnType<typeof startBotProcess>> }) => Promise<void>,
) {
  const fake = await FakeSlackApi.start();
  const port = await freePort();
  const env = {
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    LISBOT_STATE_DIR: mkdtempSync(join(tmpdir(), 'lisbot-e2e-')),
    LOG_LEVEL: 'silent',
  };
  const infra = createInfrastructure(env, { logDestination: quiet });
  const bot = await startBotProcess(env, infra);
  try {
    await run({ fake, url: `http://127.0.0.1:${port}/slack/events`, bot });
  } finally {
    await bot.stop(2000);
    await infra.close();
    await fake.close();
  }
}

/** A signed Events API body: a file shared in a direct message. */
function fileShared(file: ReturnType<FakeSlackApi['addFile']>, channel: string): string {
  const ts = nextTs();
  return eventEnvelope({
    type: 'message',
    subtype: 'file_share',
    channel,
    channel_type: 'im',
    user: 'U0ALICE',
    text: '',
    files: [file],
    ts,
    event_ts: ts,
  }).body;
}

describe('an upload through Slack is checked as a job and its report arrives once', () => {
  test('serve without Redis: in-process queue, real check, report posted once despite a retried delivery', async () => {
    await withSlackServe(async ({ fake, url, bot }) => {
      assert.equal(bot.queues.kind, 'in-process');
      const body = fileShared(fake.addFile({ id: 'F0RHEL63', name: 'lischeck.txt', content: BUNDLE }), 'D0ALICE');
      assert.equal((await postSigned(url, body, JSON_TYPE, { secret: SECRET })).status, 200);
      assert.equal((await postSigned(url, body, JSON_TYPE, { secret: SECRET, retryNum: 1, retryReason: 'http_timeout' })).status, 200);
      const reports = () =>
        fake.calls.filter((c) => c.method === 'chat.postMessage' && /DM_BALLOON_ONLY|balloon/i.test(JSON.stringify(c.body)));
      await waitFor(() => Promise.resolve(reports().length > 0), 20_000, 'the check report');
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(reports().length, 1, 'exactly one report');
      const report = JSON.stringify(reports()[0]?.body);
      assert.match(report, /LIS_OUTDATED|outdated|superseded/i);
      assert.match(report, /D0ALICE/);
    });
  });

  test('collector output saved as UTF-16 (with its BOM) and uploaded in chat gets the same findings, not "no findings"', async () => {
    await withSlackServe(async ({ fake, url }) => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BUNDLE.toString('utf8'), 'utf16le')]);
      const body = fileShared(fake.addFile({ id: 'F0UTF16', name: 'lischeck-utf16.txt', content: utf16 }), 'D0UTF16');
      assert.equal((await postSigned(url, body, JSON_TYPE, { secret: SECRET })).status, 200);
      const report = await fake.waitFor(
        (c) => c.method === 'chat.postMessage' && c.body.channel === 'D0UTF16' && !/^Checking /.test(String(c.body.text)),
        20_000,
      );
      assert.match(JSON.stringify(report.body), /LIS_OUTDATED|outdated|superseded/i);
      assert.doesNotMatch(JSON.stringify(report.body), /no findings/i);
    });
  });
});

describe('with Redis: serve enqueues on BullMQ, a worker checks and posts', () => {
  test('the report of a Slack upload arrives once through BullMQ', async () => {
    const { randomUUID } = await import('node:crypto');
    const { TEST_REDIS_URL } = await import('../helpers/ports.ts');
    const { jobSettingsFromEnv } = await import('../../src/jobs/settings.ts');
    const { startWorkerRuntime } = await import('../../src/jobs/worker-process.ts');
    const { loadPosters } = await import('../../src/runtime/posters.ts');
    const { guestCheckRunner } = await import('../../src/jobs/guest-check/check-with-rules.ts');
    const { realKb } = await import('../helpers/real-kb.ts');
    const fake = await FakeSlackApi.start();
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      REDIS_URL: TEST_REDIS_URL,
      JOB_KEY_PREFIX: testKeyPrefix('e2e'),
      LISBOT_STATE_DIR: mkdtempSync(join(tmpdir(), 'lisbot-e2e-')),
      LOG_LEVEL: 'silent',
    };
    const infra = createInfrastructure(env, { logDestination: quiet });
    const bot = await startBotProcess(env, infra);
    const worker = startWorkerRuntime(jobSettingsFromEnv(env), {
      posters: await loadPosters(env),
      check: guestCheckRunner(() => realKb()),
    });
    try {
      assert.equal(bot.queues.kind, 'redis');
      const file = fake.addFile({ id: `F0${randomUUID().slice(0, 8).toUpperCase()}`, name: 'lischeck.txt', content: BUNDLE });
      const ts = nextTs();
      const { body } = eventEnvelope({
        type: 'message',
        subtype: 'file_share',
        channel: 'D0BOB',
        channel_type: 'im',
        user: 'U0BOB',
        text: '',
        files: [file],
        ts,
        event_ts: ts,
      });
      assert.equal((await postSigned(`http://127.0.0.1:${port}/slack/events`, body, JSON_TYPE, { secret: SECRET })).status, 200);
      const reports = () =>
        fake.calls.filter((c) => c.method === 'chat.postMessage' && /DM_BALLOON_ONLY|balloon/i.test(JSON.stringify(c.body)));
      await waitFor(() => Promise.resolve(reports().length > 0), 20_000, 'the check report');
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(reports().length, 1);
    } finally {
      await worker.stop(2000);
      await bot.stop(2000);
      await infra.close();
      await fake.close();
    }
  });
});

describe('an upload through Discord is checked as a job and its report arrives once', () => {
  test('/lis check file: → in-process queue → real check → one report in place of "Checking…", even when uploaded twice', async () => {
    const { withDiscord, until } = await import('../adapters/discord/harness.ts');
    const { attachmentOption, slashCommand } = await import('../adapters/discord/payloads.ts');
    const { DiscordReplyPoster } = await import('../../src/adapters/discord/poster.ts');
    const { createJobQueues } = await import('../../src/jobs/job-queues.ts');
    const { jobSettingsFromEnv } = await import('../../src/jobs/settings.ts');
    const { guestCheckRunner } = await import('../../src/jobs/guest-check/check-with-rules.ts');
    const { realKb } = await import('../helpers/real-kb.ts');
    const queues = createJobQueues(jobSettingsFromEnv({}));
    try {
      await withDiscord({ guestChecks: queues.guestCheckService() }, async ({ fake, interact, settings }) => {
        const worker = queues.startGuestCheckWorker({
          posters: { discord: DiscordReplyPoster.fromSettings(settings) },
          check: guestCheckRunner(() => realKb()),
        });
        // The report replaces the deferred "Checking…" reply (PATCH @original) or, once the token expired, goes to the channel.
        const reports = () =>
          fake.requests.filter(
            (r) =>
              ((r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`) ||
                (r.method === 'PATCH' &&
                  r.path.startsWith(`/webhooks/${fake.applicationId}/`) &&
                  r.path.endsWith('/messages/@original'))) &&
              /DM_BALLOON_ONLY|balloon/i.test(JSON.stringify(r.body)),
          );
        for (let upload = 0; upload < 2; upload++) {
          const file = fake.addFile('lischeck.txt', BUNDLE.toString('utf8'));
          await interact(slashCommand(fake, 'check', [attachmentOption('file', file)], { files: [file] }));
        }
        await until(() => reports().length > 0, 20_000);
        await new Promise((r) => setTimeout(r, 1500));
        assert.equal(reports().length, 1, 'exactly one report for two uploads of the same file to the same channel');
        assert.deepEqual((reports()[0]?.body as { allowed_mentions?: unknown }).allowed_mentions, { parse: [] });
        await worker.close(2000);
      });
    } finally {
      await queues.close();
    }
  });
});
