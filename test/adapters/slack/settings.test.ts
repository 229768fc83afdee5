import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { createSlackApp } from '../../../src/adapters/slack/app.ts';
import { slackSettingsFromEnv } from '../../../src/adapters/slack/settings.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { ConfigError } from '../../../src/config/errors.ts';
import { MemoryDedupeStore } from '../../../src/state/dedupe-store.ts';
import { MemoryFeedbackStore } from '../../../src/core/feedback-store.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { MemoryLogger } from './harness.ts';

const SECRET = '0123456789abcdef0123456789abcdef';
const BOT = 'xoxb-1234-5678-abcdefSECRET';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    slackSettingsFromEnv(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('Slack settings', () => {
  test('no Slack variable at all: Slack is off', () => {
    assert.equal(slackSettingsFromEnv({ PORT: '8080', LISBOT_ADMINS: 'U1', SLACK_BOT_TOKEN: '  ' }), undefined);
  });

  test('HTTP mode: bot token and signing secret; PORT defaults to 3000; admins are parsed', () => {
    const settings = slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, LISBOT_ADMINS: 'U01ABC, W02DEF' });
    assert.deepEqual(settings, { botToken: BOT, signingSecret: SECRET, port: 3000, admins: ['U01ABC', 'W02DEF'], mode: 'http' });
  });

  test('Socket Mode when SLACK_APP_TOKEN is set; the signing secret is then optional; SLACK_API_URL gets its slash', () => {
    const settings = slackSettingsFromEnv({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: 'xapp-1-A111-222-abc',
      SLACK_API_URL: 'http://127.0.0.1:1234/api',
      PORT: '0',
    });
    assert.equal(settings?.mode, 'socket');
    assert.equal(settings?.apiUrl, 'http://127.0.0.1:1234/api/');
    assert.equal(settings?.port, 0);
  });

  test('every missing or bad variable is named, and no value is printed', () => {
    const error = configError({
      SLACK_BOT_TOKEN: 'xoxp-user-token-SECRET',
      SLACK_APP_TOKEN: 'xoxb-wrong-SECRET',
      SLACK_API_URL: 'ftp://SECRET.example',
      PORT: '99999',
      LISBOT_ADMINS: 'alice,SECRET',
    });
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'PORT', 'LISBOT_ADMINS'])
      assert.match(error.message, new RegExp(name));
    assert.doesNotMatch(error.message, /SECRET|xoxp-user|99999/);
  });

  test('HTTP mode without a signing secret, or any Slack variable without the bot token, is an error naming it', () => {
    assert.match(configError({ SLACK_BOT_TOKEN: BOT }).message, /SLACK_SIGNING_SECRET: required in HTTP mode/);
    assert.match(configError({ SLACK_SIGNING_SECRET: SECRET }).message, /SLACK_BOT_TOKEN: required once Slack is enabled/);
    const both = configError({ SLACK_API_URL: 'http://127.0.0.1:9/api/' }).message;
    assert.match(both, /SLACK_BOT_TOKEN: required/);
    assert.match(both, /SLACK_SIGNING_SECRET: required in HTTP mode/);
  });
});

describe('receiver choice', () => {
  const kb = realKb();
  const deps = { bot: new Bot(() => kb), dedupe: new MemoryDedupeStore(), feedback: new MemoryFeedbackStore(), logger: new MemoryLogger() };

  test('SLACK_APP_TOKEN set: Socket Mode is chosen (not connected here)', () => {
    const settings = slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-1-A111-222-abc' });
    assert.ok(settings);
    const slack = createSlackApp({ settings, ...deps });
    assert.equal(slack.mode, 'socket');
    assert.ok(slack.receiver instanceof SocketModeReceiver);
    assert.equal(slack.port, undefined);
  });

  test('no app token: the HTTP receiver, with signature verification', () => {
    const settings = slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '0' });
    assert.ok(settings);
    const slack = createSlackApp({ settings, ...deps });
    assert.equal(slack.mode, 'http');
    assert.ok(slack.receiver instanceof HTTPReceiver);
  });
});

test('a worker that only posts needs the bot token, not the signing secret', async () => {
  const { slackSettingsFromEnv } = await import('../../../src/adapters/slack/settings.ts');
  const { loadPosters } = await import('../../../src/runtime/posters.ts');
  assert.throws(() => slackSettingsFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }), /SLACK_SIGNING_SECRET/);
  assert.equal(slackSettingsFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }, { forPosting: true })?.botToken, 'xoxb-1-2-abc');
  const posters = await loadPosters({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' });
  assert.equal(posters.slack?.platform, 'slack');
});
