import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCell } from '../../../src/knowledge/import/cells.ts';

function read(raw: string) {
  const result = parseCell(raw);
  assert.ok(result.ok, `"${raw}" should parse: ${result.ok ? '' : result.reason}`);
  return result.cell;
}

void describe('cells: check marks', () => {
  void test('literal ✔ (U+2714) is available', () => assert.equal(read('✔').status, 'available'));
  void test('the HTML entity &#10004; is available', () => assert.equal(read('&#10004;').status, 'available'));
  void test('the hex entity &#x2714; is available', () => assert.equal(read('&#x2714;').status, 'available'));
  void test('TP-era bold square root **√** is available', () => assert.equal(read('**√**').status, 'available'));
  void test('a blank cell is not available', () => {
    assert.equal(read('').status, 'not-available');
    assert.equal(read('   ').status, 'not-available');
  });
  void test('N/A is not applicable, not unsupported', () => {
    assert.equal(read('N/A').status, 'not-applicable');
    assert.equal(read(' N/A ').status, 'not-applicable');
  });
});

void describe('cells: note references', () => {
  const positions = (raw: string) => read(raw).notes.map((n) => n.position);
  void test('✔ Note 2', () => assert.deepEqual(positions('✔ Note 2'), [2]));
  void test('Note 8, 9, 10', () => assert.deepEqual(positions('&#10004; Note 8, 9, 10'), [8, 9, 10]));
  void test('Note 4,5 without a space', () => assert.deepEqual(positions('&#10004; Note 4,5'), [4, 5]));
  void test('✔Note 1 without a space after the mark', () => {
    const cell = read('✔Note 1');
    assert.equal(cell.status, 'available');
    assert.deepEqual(
      cell.notes.map((n) => n.position),
      [1],
    );
  });
  void test('✔ Note  9, 10 with a double space', () => assert.deepEqual(positions('✔ Note  9, 10'), [9, 10]));
  void test('Note1 without a space before the number', () => assert.deepEqual(positions('Note1'), [1]));
  void test('TP **√** Note 7, 8, 9', () => assert.deepEqual(positions('**√** Note 7, 8, 9'), [7, 8, 9]));
  void test('a note on a blank cell keeps the cell not available', () => {
    const cell = read('Note 1');
    assert.equal(cell.status, 'not-available');
    assert.deepEqual(cell.notes, [{ position: 1 }]);
  });
  void test('(Note 1 for 6.4-6.8) is a note scoped to some of the column', () => {
    const cell = read('&#10004; (Note 1 for 6.4-6.8)');
    assert.equal(cell.status, 'available');
    assert.deepEqual(cell.notes, [{ position: 1, scope: '6.4-6.8' }]);
  });
  void test('plain and scoped notes in one cell: Note 7, 8 (Note 6 for 6.4-6.7)', () => {
    const cell = read('&#10004; Note 7, 8 (Note 6 for 6.4-6.7)');
    assert.deepEqual(cell.notes, [{ position: 6, scope: '6.4-6.7' }, { position: 7 }, { position: 8 }]);
  });
  void test('(6.x only) limits the status to part of the column', () => {
    const cell = read('&#10004; (6.x only)');
    assert.equal(cell.status, 'available');
    assert.equal(cell.scope, '6.x');
    assert.deepEqual(cell.notes, []);
  });
  void test('a repeated note number is kept once', () => assert.deepEqual(positions('✔ Note 3, 3'), [3]));
});

void describe('cells: refusals', () => {
  void test('text that is neither a mark, a note nor N/A is refused with the cell quoted', () => {
    const result = parseCell('✔ maybe');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /cannot read cell "✔ maybe"/);
  });
  void test('N/A next to a check mark is refused', () => assert.equal(parseCell('✔ N/A').ok, false));
});
