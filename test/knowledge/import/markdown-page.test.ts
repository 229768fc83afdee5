import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdownPage, splitRow } from '../../../src/knowledge/import/markdown-page.ts';
import { fixture } from './helpers.ts';

void describe('markdown page: front matter and headings', () => {
  void test('front matter keys are read; list values do not break it', () => {
    const page = parseMarkdownPage(fixture('tp-style.md'));
    assert.equal(page.frontMatter.title, 'Supported FreeBSD virtual machines on Hyper-V');
    assert.equal(page.frontMatter.author, 'someone');
    assert.equal(page.title, 'Supported FreeBSD virtual machines on Hyper-V');
  });
  void test('ATX headings lose their <a name="BKMK_…"> anchors', () => {
    const page = parseMarkdownPage(fixture('tp-style.md'));
    assert.deepEqual(
      page.headings.map((h) => h.text),
      ['Supported FreeBSD virtual machines on Hyper-V', 'Notes'],
    );
  });
  void test('setext headings (text over ----) are headings', () => {
    const page = parseMarkdownPage(fixture('series-tables.md'));
    assert.deepEqual(
      page.headings.filter((h) => h.level === 2).map((h) => h.text),
      ['Table legend', 'RHEL 10.x Series', 'RHEL/CentOS 7.x Series', 'RHEL/CentOS 6.x Series', 'Notes'],
    );
  });
  void test('a "# " line inside a code block is not a heading', () => {
    const page = parseMarkdownPage(fixture('numbered-ones.md'));
    assert.ok(!page.headings.some((h) => h.text.includes('ifconfig') || h.text.includes('this comment')));
  });
});

void describe('markdown page: tables', () => {
  void test('a table right after a heading, with no blank line, belongs to that heading', () => {
    const page = parseMarkdownPage(fixture('series-tables.md'));
    assert.equal(page.tables[0]?.heading?.text, 'RHEL 10.x Series');
    assert.equal(page.tables[0]?.rows.length, 6);
  });
  void test('tables are keyed by the setext heading above them', () => {
    const page = parseMarkdownPage(fixture('series-tables.md'));
    assert.deepEqual(
      page.tables.map((t) => t.heading?.text),
      ['RHEL 10.x Series', 'RHEL/CentOS 7.x Series', 'RHEL/CentOS 6.x Series'],
    );
  });
  void test('ragged rows are padded to the header width', () => {
    const page = parseMarkdownPage(fixture('html-table.md'));
    const availability = page.tables[0]!.rows[0]!;
    assert.deepEqual(availability.cells, ['**Availability**', '', '']);
    const accurate = page.tables[0]!.rows[2]!;
    assert.deepEqual(accurate.cells, ['Windows Server 2016 Accurate Time', '2019, 2016', '']);
  });
  void test('a row without a closing pipe keeps its last cell', () => {
    const row = parseMarkdownPage(fixture('series-tables.md')).tables[1]!.rows[1]!;
    assert.equal(row.cells.length, 6);
    assert.equal(row.cells[5], '&#10004;');
  });
  void test('trailing spaces after the closing pipe do not add a cell', () => {
    const table = parseMarkdownPage(fixture('tp-style.md')).tables[0]!;
    assert.equal(table.header.length, 5);
    assert.ok(table.rows.every((r) => r.cells.length === 5));
  });
  void test('padded, column-aligned cells are trimmed', () => {
    const table = parseMarkdownPage(fixture('series-tables.md')).tables[1]!;
    assert.equal(table.header[0], '**Feature**');
    assert.equal(table.rows[0]!.cells[4], 'Built in');
  });
  void test('category rows written with fewer cells (`|**[Networking](…)**||`) are padded', () => {
    const table = parseMarkdownPage(fixture('tp-style.md')).tables[0]!;
    const networking = table.rows.find((r) => r.cells[0]!.includes('Networking'))!;
    assert.deepEqual(networking.cells.slice(1), ['', '', '', '']);
  });
  void test('a row wider than the header is cut to width and reported', () => {
    const page = parseMarkdownPage('| **Feature** | **Host OS** | **9.x** |\n|--|--|--|\n| Core | 2022 | ✔ | extra |\n\ntext');
    assert.deepEqual(page.tables[0]!.rows[0]!.cells, ['Core', '2022', '✔']);
    assert.match(page.tables[0]!.problems[0]!, /extra cells ignored: extra/);
  });
  void test('an escaped pipe stays inside its cell', () => assert.deepEqual(splitRow('| a \\| b | c |'), ['a | b', 'c']));
  void test('a raw HTML <table> with rowspan and colspan gives two-level headers', () => {
    const table = parseMarkdownPage(fixture('html-table.md')).tables[1]!;
    assert.equal(table.kind, 'html');
    assert.deepEqual(table.headerLevels, [
      ['Feature'],
      ['Windows Server Version'],
      ['7.5-7.8', 'RHCK'],
      ['7.5-7.8', 'RHCK'],
      ['7.5-7.8', 'UEK5'],
      ['7.3-7.4', 'RHCK'],
      ['7.3-7.4', 'UEK4'],
    ]);
    assert.deepEqual(table.header.slice(2), ['7.5-7.8 (RHCK)', '7.5-7.8 (RHCK)', '7.5-7.8 (UEK5)', '7.3-7.4 (RHCK)', '7.3-7.4 (UEK4)']);
    assert.deepEqual(table.rows[0]!.cells, ['Availability', '', 'LIS 4.3', 'Built in', 'Built in', 'LIS 4.3', 'Built in']);
  });
  void test('a body cell with colspan fills every column it spans', () => {
    const table = parseMarkdownPage(fixture('html-table.md')).tables[1]!;
    const sriov = table.rows.find((r) => r.cells[0] === 'SR-IOV')!;
    assert.deepEqual(sriov.cells.slice(2), ['✔ Note 2', '✔ Note 2', '✔ Note 2', '', '✔']);
  });
});

void describe('markdown page: the Notes list', () => {
  void test('notes count by position when every item is written "1."', () => {
    const notes = parseMarkdownPage(fixture('numbered-ones.md')).notes!;
    assert.deepEqual(
      notes.map((n) => [n.position, n.written]),
      [
        [1, 1],
        [2, 1],
        [3, 1],
      ],
    );
  });
  void test('a note runs to the next item, keeping its code block and nested list', () => {
    const note = parseMarkdownPage(fixture('numbered-ones.md')).notes![1]!;
    assert.match(note.text, /^The largest MTU/);
    assert.match(note.text, /ifconfig hn0 mtu 9000/);
    assert.match(note.text, /# 1\. this comment line is not a note/);
    assert.match(note.text, /nested bullet two/);
  });
  void test('nested ordered items inside a note are not notes', () => {
    const notes = parseMarkdownPage(fixture('series-tables.md')).notes!;
    assert.equal(notes.length, 7);
    assert.match(notes[3]!.text, /Create a rules file[\s\S]*writes this rule itself/);
  });
  void test('"(Intentionally omitted …)" items are placeholders that keep their number', () => {
    const notes = parseMarkdownPage(fixture('series-tables.md')).notes!;
    assert.deepEqual(
      notes.filter((n) => n.placeholder).map((n) => n.position),
      [6],
    );
  });
  void test('a plain "See Also" paragraph after the list ends the last note', () => {
    const notes = parseMarkdownPage(fixture('series-tables.md')).notes!;
    assert.doesNotMatch(notes[6]!.text, /See Also|Another page/);
    assert.match(notes[6]!.text, /EnableSecureBoot Off/);
  });
  void test('a tab after the number ("1.\\tHot-Add …") starts an item', () => {
    const notes = parseMarkdownPage(fixture('html-table.md')).notes!;
    assert.deepEqual(
      notes.map((n) => n.text.slice(0, 12)),
      ['Hot-Add on t', 'SR-IOV needs', 'Give the gue'],
    );
  });
  void test('TP items whose text starts on a later line, with "  " hard breaks, read cleanly', () => {
    const notes = parseMarkdownPage(fixture('tp-style.md')).notes!;
    assert.equal(notes.length, 4);
    assert.match(notes[1]!.text, /^Older releases lose the CD drive/);
    assert.match(notes[1]!.text, /hw\.ata\.legacy=1/);
    assert.ok(notes.every((n) => n.text.split('\n').every((line) => line === line.trimEnd())));
    assert.doesNotMatch(notes[3]!.text, /See Also/);
  });
  void test('a page without a Notes heading has no notes list', () => {
    assert.equal(parseMarkdownPage('# Title\n\nNo notes here.').notes, undefined);
  });
});

void describe('markdown page: truncation signs', () => {
  void test('unclosed front matter', () => {
    assert.match(parseMarkdownPage('---\ntitle: x\nms.date: 01/01/2020\n').truncation.join(), /front matter/);
  });
  void test('an HTML table that never closes', () => {
    const cut = fixture('html-table.md').split('</table>')[0]!;
    assert.match(parseMarkdownPage(cut).truncation.join(), /HTML table at line \d+ is never closed/);
  });
  void test('a page that ends inside a table', () => {
    const cut = fixture('series-tables.md').split('| PAE Kernel Support | 2016')[0]!;
    assert.match(parseMarkdownPage(cut).truncation.join(), /ends inside the table/);
  });
  void test('complete pages show no truncation', () => {
    for (const name of ['tp-style.md', 'series-tables.md', 'numbered-ones.md', 'html-table.md']) {
      assert.deepEqual(parseMarkdownPage(fixture(name)).truncation, [], name);
    }
  });
});
