import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { deployCommands, normaliseCommands } from '../../../src/adapters/discord/deploy.ts';
import { commandDefinitions } from '../../../src/adapters/discord/commands/registry.ts';
import { discordDeployCommand } from '../../../src/cli/commands/discord-deploy.ts';
import type { CliIo } from '../../../src/cli/command.ts';
import { FakeDiscord } from './fake-discord.ts';

function io(env: NodeJS.ProcessEnv): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  return { stdout, stderr, stdin: new PassThrough(), env, out: () => out, err: () => err };
}

async function withFake(run: (fake: FakeDiscord, env: NodeJS.ProcessEnv) => Promise<void>): Promise<void> {
  const fake = await new FakeDiscord().start();
  try {
    await run(fake, { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
  } finally {
    await fake.stop();
  }
}

describe('lisbot discord deploy', () => {
  test('first run PUTs; a second run with identical commands only reads; a changed definition is written again', async () => {
    await withFake(async (fake, env) => {
      const settings = { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl };
      const first = await deployCommands(settings, { guildId: fake.guildId });
      assert.equal(first.action, 'created');
      const route = new RegExp(`^/applications/${fake.applicationId}/guilds/${fake.guildId}/commands$`);
      assert.equal(fake.requestsTo(route, 'PUT').length, 1);
      const put = fake.requestsTo(route, 'PUT')[0]!;
      assert.equal(put.headers.authorization, `Bot ${fake.token}`);
      assert.deepEqual(put.body, JSON.parse(JSON.stringify(commandDefinitions())));

      const second = await deployCommands(settings, { guildId: fake.guildId });
      assert.equal(second.action, 'unchanged');
      assert.equal(fake.requestsTo(route, 'PUT').length, 1, 'no second write');
      assert.equal(fake.requestsTo(route, 'GET').length, 2);

      // Someone edited the registered command (or ours changed): the next deploy writes.
      const registered = fake.commands.get(fake.guildId)!;
      registered[0]!.description = 'stale description';
      const third = await deployCommands(settings, { guildId: fake.guildId });
      assert.equal(third.action, 'updated');
      assert.equal(fake.requestsTo(route, 'PUT').length, 2);

      // The CLI command: global scope, then unchanged.
      const created = io(env);
      assert.equal(await discordDeployCommand.run({ values: {}, positionals: [] }, created), 0);
      assert.match(created.out(), /Registered \/lis globally/);
      const again = io(env);
      assert.equal(await discordDeployCommand.run({ values: {}, positionals: [] }, again), 0);
      assert.match(again.out(), /unchanged; nothing written/);
      assert.equal(fake.requestsTo(new RegExp(`^/applications/${fake.applicationId}/commands$`), 'PUT').length, 1);
    });
  });

  test('the comparison ignores what Discord adds (ids, version, defaults, omitted false flags) but not real changes', () => {
    const ours = commandDefinitions();
    const echoed = ours.map((command) => ({
      ...command,
      id: '1',
      application_id: '2',
      version: '3',
      default_member_permissions: null,
      nsfw: false,
      name_localizations: null,
      description_localizations: null,
      options: JSON.parse(JSON.stringify(command.options).replaceAll('"required":false,', '')) as unknown,
    }));
    assert.equal(normaliseCommands(echoed, ours), normaliseCommands(ours, ours));
    const changed = JSON.parse(JSON.stringify(ours).replace('"name":"ask"', '"name":"asks"')) as unknown[];
    assert.notEqual(normaliseCommands(changed, ours), normaliseCommands(ours, ours));
  });

  test('the CLI command: missing settings, a bad --guild and a rejected token are clear errors without secrets', async () => {
    const none = io({});
    assert.equal(await discordDeployCommand.run({ values: {}, positionals: [] }, none), 1);
    assert.match(none.err(), /DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
    await assert.rejects(discordDeployCommand.run({ values: { guild: 'abc' }, positionals: [] }, io({})), /--guild takes a server id/);
    await withFake(async (fake, env) => {
      const bad = io({ ...env, DISCORD_TOKEN: 'not.the.token' });
      assert.equal(await discordDeployCommand.run({ values: {}, positionals: [] }, bad), 1);
      assert.match(bad.err(), /401.*Check DISCORD_TOKEN/);
      assert.doesNotMatch(bad.err(), /not\.the\.token/);
      assert.equal(fake.requestsTo(/commands$/, 'PUT').length, 0);
    });
  });
});
