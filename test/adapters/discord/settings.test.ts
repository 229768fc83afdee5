import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayIntentBits } from 'discord.js';
import { intentsFor } from '../../../src/adapters/discord/client.ts';
import { discordSettingsFromEnv, isAdmin } from '../../../src/adapters/discord/settings.ts';
import { ConfigError } from '../../../src/config/errors.ts';

const VALID = { DISCORD_TOKEN: 'MTEx.secret-token.value', DISCORD_APPLICATION_ID: '1100000000000000001' };

describe('discord settings', () => {
  test('no Discord variable: the adapter is off', () => {
    assert.equal(discordSettingsFromEnv({}), undefined);
    assert.equal(discordSettingsFromEnv({ LISBOT_ADMINS: 'U1', SLACK_BOT_TOKEN: 'x' }), undefined);
  });

  test('valid settings, with defaults: Message Content off, no API override', () => {
    assert.deepEqual(discordSettingsFromEnv(VALID), {
      token: VALID.DISCORD_TOKEN,
      applicationId: VALID.DISCORD_APPLICATION_ID,
      apiUrl: undefined,
      messageContent: false,
      admins: [],
    });
    const full = discordSettingsFromEnv({
      ...VALID,
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
      DISCORD_MESSAGE_CONTENT: 'yes',
      LISBOT_ADMINS: 'discord:1200000000000000001, U123  1200000000000000002',
    })!;
    assert.equal(full.apiUrl, 'http://127.0.0.1:8080/api');
    assert.equal(full.messageContent, true);
    assert.deepEqual(full.admins, ['discord:1200000000000000001', 'U123', '1200000000000000002']);
    assert.ok(isAdmin(full, '1200000000000000001'));
    assert.ok(isAdmin(full, '1200000000000000002'));
    assert.ok(!isAdmin(full, '1200000000000000003'));
    assert.equal(discordSettingsFromEnv({ ...VALID, DISCORD_MESSAGE_CONTENT: 'false' })!.messageContent, false);
    assert.equal(discordSettingsFromEnv({ ...VALID, DISCORD_MESSAGE_CONTENT: '' })!.messageContent, false);
  });

  test('bad or missing variables: ConfigError naming each, never printing a value', () => {
    const cases: Array<[NodeJS.ProcessEnv, RegExp]> = [
      [{ DISCORD_APPLICATION_ID: VALID.DISCORD_APPLICATION_ID }, /DISCORD_TOKEN: is required/],
      [{ DISCORD_TOKEN: VALID.DISCORD_TOKEN }, /DISCORD_APPLICATION_ID: is required/],
      [{ ...VALID, DISCORD_APPLICATION_ID: 'my-app-secret-name' }, /DISCORD_APPLICATION_ID: must be a Discord id/],
      [{ ...VALID, DISCORD_API_URL: 'ftp://secret-host/api' }, /DISCORD_API_URL: must be an http\(s\) URL/],
      [{ ...VALID, DISCORD_MESSAGE_CONTENT: 'sometimes-secret' }, /DISCORD_MESSAGE_CONTENT: must be true or false/],
      [{ ...VALID, DISCORD_TOKEN: 'Bot MTEx.secret-token.value' }, /DISCORD_TOKEN: must not contain spaces/],
    ];
    for (const [env, pattern] of cases) {
      assert.throws(
        () => discordSettingsFromEnv(env),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, pattern);
          for (const value of Object.values(env)) assert.ok(!error.message.includes(value!), `the message leaks "${value}"`);
          return true;
        },
      );
    }
  });

  test('intents: Guilds only by default; GuildMessages and MessageContent only with DISCORD_MESSAGE_CONTENT', () => {
    assert.deepEqual(intentsFor({ messageContent: false }), [GatewayIntentBits.Guilds]);
    assert.deepEqual(intentsFor({ messageContent: true }), [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
    ]);
  });
});
