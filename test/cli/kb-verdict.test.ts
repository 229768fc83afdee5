import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runLisbot } from '../helpers/cli-io.ts';

describe('issue 11: kb show and kb matrix read the whole record', () => {
  test('kb show ubuntu trusty takes the codename the chat understands', async () => {
    const run = await runLisbot(['kb', 'show', 'ubuntu', 'trusty']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Ubuntu 14\.04/);
  });
  test('kb show without --as-of reads older pages: ubuntu 16.04 on 2012 is a yes per them', async () => {
    const run = await runLisbot(['kb', 'show', 'ubuntu', '16.04', '--host', '2012', '--json']);
    const json = JSON.parse(run.stdout) as { verdict: string; decidingSnapshot: string; headline: string };
    assert.equal(json.verdict, 'yes');
    assert.equal(json.decidingSnapshot, 'ubuntu@2019-06-13');
    assert.match(json.headline, /no longer lists 2012/);
  });
  test('kb matrix rhel --host 2012r2 shows no ✔ for a column whose core is not on 2012 R2', async () => {
    const run = await runLisbot(['kb', 'matrix', 'rhel', '--host', '2012r2', '--json']);
    const json = JSON.parse(run.stdout) as {
      columns: Array<{ key: string }>;
      rows: Array<{ feature: string; cells: Array<{ status: string }> }>;
    };
    const core = json.rows.find((r) => r.feature === 'core')!;
    for (const [i, cell] of core.cells.entries()) {
      if (cell.status === 'available') continue;
      for (const row of json.rows) assert.notEqual(row.cells[i]!.status, 'available', `${json.columns[i]!.key} ${row.feature}`);
    }
    assert.ok(
      core.cells.some((c) => c.status !== 'available'),
      'some RHEL column is not on 2012 R2',
    );
  });
  test('--as-of takes a snapshot id, so the two RHEL pages dated 2025-06-19 can be told apart', async () => {
    const a = JSON.parse((await runLisbot(['kb', 'matrix', 'rhel', '--as-of', 'rhel@2025-06-19_id25266000600', '--json'])).stdout) as {
      snapshot: string;
    };
    const b = JSON.parse((await runLisbot(['kb', 'matrix', 'rhel', '--as-of', 'rhel@2025-06-19_051b1c98', '--json'])).stdout) as {
      snapshot: string;
    };
    assert.equal(a.snapshot, 'rhel@2025-06-19_id25266000600');
    assert.equal(b.snapshot, 'rhel@2025-06-19_051b1c98');
  });
  test('">256 vCPUs" never prints "available on ." with an empty host list', async () => {
    const run = await runLisbot(['ask', 'does rhel 9 support more than 256 vcpus?']);
    assert.doesNotMatch(run.stdout, /available on \./);
    assert.doesNotMatch(run.stdout, /on \s*[.;)]/);
  });
});
