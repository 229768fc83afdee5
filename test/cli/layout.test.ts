import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ellipsis } from '../../src/core/ellipsis.ts';
import { layoutWideTable } from '../../src/cli/table-layout.ts';
import { runLisbot } from '../helpers/cli-io.ts';

const chars = (line: string) => [...line].length;

describe('terminal-friendly output', () => {
  test('kb matrix fits the width, marks "not available" with ✖ and ends with a legend', async () => {
    for (const columns of ['80', '120']) {
      const run = await runLisbot(['kb', 'matrix', 'rhel'], { env: { COLUMNS: columns } });
      assert.equal(run.code, 0, run.stderr);
      const table = run.stdout.split('\n').filter((l) => l.includes(' | '));
      assert.ok(table.length > 20);
      for (const line of table) assert.ok(chars(line) <= Number(columns), `${chars(line)} > ${columns}: ${line}`);
      assert.match(run.stdout, /Columns 1–\d+ of \d+:/, 'the releases that do not fit go to further blocks');
      assert.match(
        run.stdout,
        /^Legend: ✔ available\s+✖ not available\s+· only on hosts other than --host\s+– not applicable\s+\? no data$/m,
      );
      assert.match(run.stdout, /\| ✖/);
      const rows = table.filter((l) => !/^Feature|^-|^\s+\|/.test(l));
      for (const row of rows) assert.doesNotMatch(row, /\|\s+\|/, `no blank cell: ${row}`);
    }
    const every =
      (await runLisbot(['kb', 'matrix', 'rhel'], { env: { COLUMNS: '80' } })).stdout.match(/Columns (\d+)–(\d+) of (\d+)/g) ?? [];
    assert.ok(every.length >= 2);
    assert.match(every[every.length - 1]!, /Columns \d+–(\d+) of \1/, 'the last block ends with the last release');
  });

  test('kb show lines feature names up, the longest included', async () => {
    const run = await runLisbot(['kb', 'show', 'rhel', '7.9', '--host', '2019']);
    const marked = run.stdout.split('\n').filter((l) => /^ {2}✔ {2}/.test(l) && /2019/.test(l));
    assert.ok(marked.length > 5);
    const starts = new Set(marked.map((l) => l.indexOf('2019')));
    assert.equal(starts.size, 1, `host column starts at ${[...starts].join(', ')}`);
    assert.ok(
      marked.some((l) => l.includes('Virtual Receive Side Scaling (vRSS)')),
      'long names are not cut',
    );
  });

  test('cut text ends with an ellipsis, at a word boundary when one is near', () => {
    assert.equal(ellipsis('short', 10), 'short');
    assert.equal(ellipsis('Use noop or none as the disk scheduler in the guest', 24), 'Use noop or none as the…');
    assert.ok(ellipsis('Supercalifragilisticexpialidocious', 10).endsWith('…'));
    assert.equal(ellipsis('Supercalifragilisticexpialidocious', 10).length, 10);
    const lines = layoutWideTable(
      {
        labelHeader: 'Feature',
        labels: ['A very long feature name that will not fit'],
        headers: [['7.0-7.4 with a long kernel label', 'LIS 4.3']],
        cells: [['✔']],
      },
      48,
    );
    assert.match(lines.join('\n'), /^A very long… +\| ✔$/m);
    assert.match(lines.join('\n'), /7\.0-7\.4 with…/);
  });
});
