import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ImportError } from '../../../src/knowledge/import/errors.ts';
import { importPage } from '../../../src/knowledge/import/import-page.ts';
import { detectPageKind } from '../../../src/knowledge/import/page-kind.ts';
import { fixture, source } from './helpers.ts';

const src = source('ubuntu@test', 'ubuntu');
const EXPECTED = /expected a Microsoft matrix page: markdown with a feature table whose first column is 'Feature'/;

function refusal(input: string, pattern: RegExp, from = src): void {
  assert.throws(
    () => importPage(input, from),
    (error: unknown) => {
      assert.ok(error instanceof ImportError, `expected an ImportError, got ${String(error)}`);
      assert.match(error.message, pattern);
      assert.match(error.message, new RegExp(`^${from.id.replace(/[.@]/g, '\\$&')}: `));
      return true;
    },
  );
}

void describe('importPage refuses what it cannot read', () => {
  void test('empty input', () => refusal('', /the input is empty; expected a Microsoft matrix page/));
  void test('whitespace only', () => refusal(' \n\t\n', /the input is empty/));
  void test('binary input (NUL bytes)', () => refusal('\u0000\u0001PK\u0003\u0004\u0000\u0000binary', /looks binary/));
  void test('binary input decoded as text (control characters)', () => {
    const bytes = Array.from({ length: 600 }, (_, i) => String.fromCharCode((i * 37) % 32)).join('');
    refusal(bytes, /looks binary/);
  });
  void test('truncated inside the front matter', () =>
    refusal('---\ntitle: Supported Ubuntu virtual machines on Hyper-V\nms.da', /truncated \(the front matter is never closed\)/));
  void test('truncated inside a table', () => {
    const cut = fixture('series-tables.md').split('| Boot using UEFI |')[0]!;
    refusal(cut, /truncated \(the page ends inside the table at line \d+\)/, source('rhel@t', 'rhel'));
  });
  void test('truncated inside the HTML table', () => {
    const cut = fixture('html-table.md').split('Hyper-V specific video')[0]!;
    refusal(cut, /truncated \(the HTML table at line \d+ is never closed/, source('oracle-linux@t', 'oracle-linux'));
  });
  void test('truncated before the Notes list while cells cite notes', () => {
    const cut = fixture('numbered-ones.md').split('## Notes')[0]!.concat('\nThe page stops here.\n');
    refusal(cut, /truncated: cells cite notes but the page has no Notes section/, source('freebsd@t', 'freebsd'));
  });
  void test('a best-practices page', () =>
    refusal(fixture('not-matrix/best-practices.md'), /expected a Microsoft matrix page.*this looks like a best-practices page/));
  void test('the Feature Descriptions page', () =>
    refusal(fixture('not-matrix/feature-descriptions.md'), /this looks like the Feature Descriptions page/));
  void test('the index page', () => refusal(fixture('not-matrix/index.md'), /this looks like the overview page/));
  void test('a random markdown page', () => refusal(fixture('not-matrix/random.md'), /this looks like some other document/));
  void test('every refusal says what was expected', () => {
    for (const name of ['not-matrix/best-practices.md', 'not-matrix/random.md', 'not-matrix/blog-debris.md'])
      refusal(fixture(name), EXPECTED);
  });
  void test('a page whose feature tables all fail names the page and the reasons', () => {
    refusal(
      fixture('all-broken.md'),
      /the page "Supported Ubuntu virtual machines on Hyper-V" has 1 feature table\(s\) but none could be read \(Future releases/,
    );
  });
  void test('a matrix page for an unknown distribution', () => {
    const page = fixture('dangling-v1.md').replace(/Ubuntu/g, 'Plan 9');
    refusal(page, /cannot tell which distribution/, source('plan9@x', 'plan9'));
  });
});

void describe('detectPageKind', () => {
  void test('matrix pages', () => {
    for (const name of ['tp-style.md', 'series-tables.md', 'html-table.md', 'numbered-ones.md', 'sles.md'])
      assert.equal(detectPageKind(fixture(name)), 'matrix', name);
  });
  void test('feature descriptions', () =>
    assert.equal(detectPageKind(fixture('not-matrix/feature-descriptions.md')), 'feature-descriptions'));
  void test('best practices', () => assert.equal(detectPageKind(fixture('not-matrix/best-practices.md')), 'best-practices'));
  void test('index', () => assert.equal(detectPageKind(fixture('not-matrix/index.md')), 'index'));
  void test('unknown', () => {
    assert.equal(detectPageKind(fixture('not-matrix/random.md')), 'unknown');
    assert.equal(detectPageKind(''), 'unknown');
  });
});
