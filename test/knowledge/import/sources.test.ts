import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { sourceIdForFile, UPSTREAM_PAGE_SLUGS } from '../../../src/knowledge/import/upstream-files.ts';
import { Source } from '../../../src/knowledge/schema/source.ts';

const DATA = join(import.meta.dirname, '../../../src/knowledge/data');
const sources = z.array(Source).parse(JSON.parse(readFileSync(join(DATA, 'sources/upstream.json'), 'utf8')));

void describe('upstream sources', () => {
  void test('30 records, one per saved windowsserverdocs file, ids unique', () => {
    assert.equal(sources.length, 30);
    assert.equal(new Set(sources.map((s) => s.id)).size, 30);
  });
  void test('ids follow <slug>@<date part of the file name, lower-cased>', () => {
    for (const s of sources) {
      const page = s.upstreamPath!.replace(/^WindowsServerDocs\/virtualization\/hyper-v\//, '').replace(/\.md$/, '');
      const datePart = s.id.slice(s.id.indexOf('@') + 1);
      assert.equal(UPSTREAM_PAGE_SLUGS[page], s.page, s.id);
      assert.equal(datePart, datePart.toLowerCase(), s.id);
      // The saved file name keeps the original case of its date part ("2016-TP").
      const fileDate = datePart.replace(/^(\d{4})-tp$/, '$1-TP');
      assert.equal(sourceIdForFile(`${page}@${fileDate}.md`), s.id);
      assert.equal(s.url, `https://learn.microsoft.com/en-us/windows-server/virtualization/hyper-v/${page.toLowerCase()}`);
      assert.equal(s.licence, 'CC BY 4.0, © Microsoft');
      assert.ok(s.eraEvidence && s.eraEvidence.length > 20, s.id);
      assert.ok(s.revision, s.id);
    }
  });
  void test('the convention examples from the brief', () => {
    const ids = new Set(sources.map((s) => s.id));
    for (const id of ['ubuntu@2023-09-27', 'debian@2016-10-03_6de04a09', 'rhel@2025-06-19_id25266000600', 'freebsd@2016-tp'])
      assert.ok(ids.has(id), id);
  });
  void test('21 matrix pages, 4 index versions, 1 feature-descriptions page, 4 best-practices pages', () => {
    const count = (kind: string) => sources.filter((s) => s.kind === kind).length;
    assert.deepEqual([count('matrix-page'), count('index-page'), count('feature-descriptions'), count('best-practices')], [21, 4, 1, 4]);
  });
  void test('every matrix page has a committed snapshot', () => {
    for (const s of sources.filter((x) => x.kind === 'matrix-page')) assert.ok(existsSync(join(DATA, 'snapshots', `${s.id}.json`)), s.id);
  });
  void test('content eras, not ms.date, order the versions of each page', () => {
    const order = (page: string) =>
      sources
        .filter((s) => s.page === page)
        .sort((a, b) => a.era.localeCompare(b.era) || a.order - b.order)
        .map((s) => s.id);
    assert.deepEqual(order('rhel'), ['rhel@2019-06-13', 'rhel@2023-09-27', 'rhel@2025-06-19_id25266000600', 'rhel@2025-06-19_051b1c98']);
    assert.deepEqual(order('debian'), [
      'debian@2016-tp',
      'debian@2016-10-03_id2746989753',
      'debian@2016-10-03_6de04a09',
      'debian@2023-09-26_030ee582',
    ]);
    assert.deepEqual(order('freebsd'), ['freebsd@2016-tp', 'freebsd@2017-08-30', 'freebsd@2023-09-27', 'freebsd@2025-06-19']);
    assert.equal(sources.find((s) => s.id === 'debian@2016-10-03_6de04a09')?.era, '2020-03-17');
    assert.equal(sources.find((s) => s.id === 'rhel@2019-06-13')?.era, '2019-12-12');
  });
  void test('an unknown file name has no source id', () => {
    assert.equal(sourceIdForFile('README.md'), undefined);
    assert.equal(sourceIdForFile('Some-Other-Page@2020-01-01.md'), undefined);
  });
});
