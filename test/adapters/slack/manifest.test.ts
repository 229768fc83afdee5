import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIS_USAGE } from '../../../src/adapters/slack/listeners/commands/lis.ts';

const manifest = readFileSync(join(import.meta.dirname, '..', '..', '..', 'slack', 'manifest.yml'), 'utf8');
const lines = manifest.split('\n').filter((l) => !l.trim().startsWith('#'));
const items = (section: string) => {
  const start = lines.findIndex((l) => l.trim() === `${section}:`);
  assert.ok(start >= 0, `${section} section`);
  const indent = lines[start]?.search(/\S/) ?? 0;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.search(/\S/) <= indent) break;
    const item = /^\s*- (\S+)$/.exec(line);
    if (item?.[1]) out.push(item[1]);
  }
  return out;
};

test('the manifest subscribes to exactly the events lisbot listens to', () => {
  assert.deepEqual(items('bot_events').sort(), ['app_mention', 'file_shared', 'message.channels', 'message.groups', 'message.im']);
});

test('the manifest asks for every scope the adapter uses, and docs/slack.md explains each', () => {
  const scopes = items('bot');
  const docs = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'slack.md'), 'utf8');
  for (const scope of [
    'app_mentions:read',
    'chat:write',
    'commands',
    'files:read',
    'files:write',
    'im:history',
    'im:read',
    'im:write',
    'users:read',
    'channels:read',
    'groups:read',
    'channels:history',
    'groups:history',
  ]) {
    assert.ok(scopes.includes(scope), scope);
    assert.ok(docs.includes(`\`${scope}\``), `docs/slack.md explains ${scope}`);
  }
});

test('the manifest declares /lis with the usage hint, interactivity and Socket Mode', () => {
  assert.match(manifest, /- command: \/lis\n/);
  assert.ok(manifest.includes(`usage_hint: "${LIS_USAGE}"`));
  assert.match(manifest, /interactivity:\n\s+is_enabled: true/);
  assert.match(manifest, /socket_mode_enabled: true/);
  assert.match(manifest, /https:\/\/HOST\/slack\/events/);
  assert.match(manifest, /messages_tab_enabled: true\n\s+messages_tab_read_only_enabled: false/);
});
