import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ENV_VARS, coreSettingsFromEnv } from '../../src/config/env.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { runLisbot } from '../helpers/cli-io.ts';

test('.env.example lists every variable lisbot reads', () => {
  const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
  for (const v of ENV_VARS) assert.match(example, new RegExp(`^${v.name}=`, 'm'), v.name);
});

test('a bad value names the variable and never echoes it', () => {
  assert.throws(
    () => coreSettingsFromEnv({ REDIS_URL: 'http://secret-host', METRICS_PORT: 'x' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /REDIS_URL/);
      assert.match(error.message, /METRICS_PORT/);
      assert.doesNotMatch(error.message, /secret-host/);
      return true;
    },
  );
  assert.throws(() => coreSettingsFromEnv({ ADMIN_USER: 'admin' }), /ADMIN_PASSWORD: ADMIN_USER and ADMIN_PASSWORD go together/);
  assert.equal(coreSettingsFromEnv({ REDIS_URL: '' }).REDIS_URL, undefined, 'an empty value counts as unset');
});

test('lisbot config check validates without starting anything', async () => {
  const good = await runLisbot(['config', 'check'], { env: { REDIS_URL: 'redis://127.0.0.1:6379' } });
  assert.equal(good.code, 0);
  assert.match(good.stdout, /core: .*Redis configured/);
  const bad = await runLisbot(['config', 'check'], { env: { SLACK_BOT_TOKEN: 'xoxp-USERTOKEN' } });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /SLACK_BOT_TOKEN/);
  assert.doesNotMatch(bad.stderr, /USERTOKEN/);
  const list = await runLisbot(['config', 'check', '--list'], { env: { SLACK_BOT_TOKEN: 'xoxb-SECRET' } });
  assert.match(list.stdout, /SLACK_BOT_TOKEN\s+set \(secret\)/);
  assert.doesNotMatch(list.stdout, /xoxb-SECRET/);
});
