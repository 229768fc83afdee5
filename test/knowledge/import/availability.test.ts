import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAvailability } from '../../../src/knowledge/import/availability.ts';

function read(raw: string) {
  const result = parseAvailability(raw);
  assert.ok(result.ok, `"${raw}" should parse`);
  return result.integration;
}

void describe('Availability row', () => {
  void test('"Built in" → built-in', () => assert.deepEqual(read('Built in'), { kind: 'built-in', notes: [] }));
  void test('"Built-in" → built-in', () => assert.deepEqual(read('Built-in'), { kind: 'built-in', notes: [] }));
  void test('"Built in (Note 6)" keeps the note', () =>
    assert.deepEqual(read('Built in (Note 6)'), { kind: 'built-in', notes: [{ position: 6 }] }));
  void test('"[LIS 4.3](link)" → download of LIS 4.3', () => {
    assert.deepEqual(read('[LIS 4.3](https://www.microsoft.com/download/details.aspx?id=55106)'), {
      kind: 'download',
      package: 'LIS 4.3',
      notes: [],
    });
  });
  void test('"LIS 4.1" without a link', () => assert.deepEqual(read('LIS 4.1'), { kind: 'download', package: 'LIS 4.1', notes: [] }));
  void test('"[Ports](link) Note 1" → ports with the note', () => {
    assert.deepEqual(read('[Ports](http://svnweb.freebsd.org/ports/head/emulators/hyperv-is/) Note 1'), {
      kind: 'ports',
      notes: [{ position: 1 }],
    });
  });
  void test('"[Ports](link) " with a trailing space and no note', () =>
    assert.deepEqual(read('[Ports](https://example.org/) '), { kind: 'ports', notes: [] }));
  void test('an empty cell gives no integration', () => assert.equal(read('  '), undefined));
  void test('unknown text is refused', () => assert.equal(parseAvailability('Sometimes').ok, false));
});
