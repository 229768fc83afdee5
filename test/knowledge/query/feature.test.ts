import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { queryFeature } from '../../../src/knowledge/query/feature.ts';
import { queryMatrix } from '../../../src/knowledge/query/matrix.ts';
import { queryWhoHas } from '../../../src/knowledge/query/who-has.ts';
import { searchAdvice } from '../../../src/knowledge/query/search.ts';
import { fixtureKb } from '../../helpers/fixture-kb.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = fixtureKb();

describe('queryFeature', () => {
  test('available on a listed host, with the note that applies', () => {
    const answer = queryFeature(kb, { family: 'ubuntu', version: '14.04', feature: 'trim', host: '2012 R2' });
    assert.equal(answer.verdict, 'supported');
    assert.equal(answer.options[0]?.notes[0]?.summary, 'TRIM needs the discard mount option.');
    assert.equal(answer.options[0]?.notes[0]?.citation, 'ubuntu@2020#1');
  });
  test("a host outside the row's host list is not supported", () => {
    const answer = queryFeature(kb, { family: 'ubuntu', version: '14.04', feature: 'hv-sockets', host: '2012 R2' });
    assert.equal(answer.verdict, 'not_supported');
    assert.equal(answer.options[0]?.status, 'not-on-host');
  });
  test('a blank cell is not supported; a missing row is unknown', () => {
    assert.equal(queryFeature(kb, { family: 'rhel', version: '6.2', feature: 'trim' }).verdict, 'not_supported');
    assert.equal(queryFeature(kb, { family: 'rhel', version: '9.1', feature: 'trim' }).verdict, 'unknown');
  });
  test('the download column can have what the built-in column lacks', () => {
    const answer = queryFeature(kb, { family: 'rhel', version: '6.4', feature: 'trim' });
    assert.equal(answer.verdict, 'supported');
    const byKind = Object.fromEntries(answer.options.map((o) => [o.match.column.integration.kind, o.status]));
    assert.deepEqual(byKind, { download: 'available', 'built-in': 'not-available' });
  });
});

describe('matrix, who-has and advice search', () => {
  test('a family matrix reads one host', () => {
    const matrix = queryMatrix(kb, 'ubuntu', { host: '2012 R2' });
    assert.equal(matrix.snapshot?.id, 'ubuntu@2020');
    const sockets = matrix.rows.find((r) => r.feature === 'hv-sockets');
    assert.deepEqual(
      sockets?.cells.map((c) => c.status),
      ['not-on-host', 'not-on-host'],
    );
  });
  test('who has a feature on a host', () => {
    const answers = queryWhoHas(kb, 'hv-sockets', { host: '2016' });
    assert.deepEqual(
      answers.map((a) => [a.family, a.columns.length]),
      [['ubuntu', 2]],
    );
  });
  test('a pasted log line finds its known issue by signature', () => {
    const hits = searchAdvice(kb, '[ 12.3] hv_balloon: Memory hot add failed');
    assert.equal(hits[0]?.advice.record.id, 'hot-add-fails');
    assert.equal(hits[0]?.bySignature, true);
  });
  test('a record scoped to the asked release ranks higher than for a release outside its scope', () => {
    const relevance = (version: string) =>
      searchAdvice(realKb(), 'hot-added memory stays offline', { family: 'rhel', version }, 10).find(
        (hit) => hit.advice.record.id === 'dm-hot-add-not-onlined',
      )?.relevance ?? 0;
    assert.ok(relevance('6.6') > relevance('6.9'), `${relevance('6.6')} > ${relevance('6.9')}`);
    assert.ok(relevance('6.6') > 0);
  });
  test('a typo still finds a tip by keyword; nonsense finds nothing', () => {
    assert.equal(searchAdvice(kb, 'which io schedular')[0]?.advice.record.id, 'io-scheduler-noop');
    assert.equal(searchAdvice(kb, 'zzzz qqqq').length, 0);
  });
});
