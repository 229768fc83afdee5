import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS } from '../../src/cli/registry.ts';
import { runLisbot } from '../helpers/cli-io.ts';

describe('lisbot CLI', () => {
  test('every command has --help', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      assert.equal(command.name, entry.name, 'the registry loads the command it names');
      const run = await runLisbot([...entry.name.split(' '), '--help']);
      assert.equal(run.code, 0, entry.name);
      assert.match(run.stdout, new RegExp(`Usage: ${command.usage.split(' ').slice(0, 2).join(' ')}`), entry.name);
      assert.ok(run.stdout.includes(entry.summary), entry.name);
    }
    const overview = await runLisbot(['--help']);
    assert.match(overview.stdout, /kb stats/);
  });
  test('an unknown command or option says so and exits 2', async () => {
    assert.equal((await runLisbot(['frobnicate'])).code, 2);
    const bad = await runLisbot(['kb', 'stats', '--bogus']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bogus/);
  });
  test('kb stats --json counts the KB with 0 unparsed tables', async () => {
    const run = await runLisbot(['kb', 'stats', '--json']);
    const stats = JSON.parse(run.stdout) as Record<string, number>;
    assert.equal(stats.unparsedTables, 0);
    assert.equal(stats.notesWithoutParaphrase, 0);
    for (const key of ['families', 'columns', 'featureCells', 'knownIssues', 'tips', 'lisReleases', 'sources'])
      assert.ok((stats[key] ?? 0) > 0, key);
  });
  test('kb show rhel 6.2: the LIS 4.3 download, no built-in LIS, with its source', async () => {
    const run = await runLisbot(['kb', 'show', 'rhel', '6.2']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /6\.0-6\.3 \(LIS 4\.3\)/);
    assert.match(run.stdout, /Microsoft LIS 4\.3 download/);
    assert.match(run.stdout, /rhel@2023-09-27/);
  });
  test('kb show of an unknown distro or a bad version is a clear usage error', async () => {
    const distro = await runLisbot(['kb', 'show', 'plan9']);
    assert.equal(distro.code, 2);
    assert.match(distro.stderr, /Unknown distribution "plan9"/);
    const version = await runLisbot(['kb', 'show', 'rhel', 'latest']);
    assert.match(version.stderr, /not a version/);
  });
  test('ask --json prints the contract; without a question it reads stdin line by line', async () => {
    const one = JSON.parse((await runLisbot(['ask', '--json', 'does rhel 6.2 need lis?'])).stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(one).sort(), ['answered', 'entities', 'integration', 'intent', 'question', 'sources', 'text', 'verdict']);
    assert.deepEqual(one.integration, { kind: 'download', package: 'LIS 4.3' });
    const batch = await runLisbot(['ask', '--json'], { stdin: 'does rhel 6.2 need lis?\n\n   \nhelp\nwhat is kvp\n' });
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { intent: string });
    assert.deepEqual(
      lines.map((l) => l.intent),
      ['distro_support', 'help', 'feature_info'],
    );
  });
  test('serve names a bad setting without printing its value', async () => {
    const run = await runLisbot(['serve'], { env: { SLACK_BOT_TOKEN: 'nope-SECRET123' } });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /SLACK_BOT_TOKEN/);
    assert.doesNotMatch(run.stderr + run.stdout, /SECRET123/);
  });
  test('serve without any platform and without a terminal explains what to set', async () => {
    const run = await runLisbot(['serve'], { env: {} });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /No chat platform is configured/);
  });
});
