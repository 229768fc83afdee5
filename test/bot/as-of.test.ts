import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAsOf, withoutAsOf } from '../../src/bot/entities/as-of.ts';
import { extractEntities } from '../../src/bot/entities/extract.ts';
import { answerQuestion } from '../../src/bot/answer.ts';
import { knowledgeAsOf } from '../../src/knowledge/as-of.ts';
import { realKb } from '../helpers/real-kb.ts';
import { toAskJson } from '../../src/cli/ask-json.ts';
import { runLisbot } from '../helpers/cli-io.ts';

const TODAY = '2026-12-06';

describe('as-of phrases', () => {
  const cases: Array<[string, string | undefined, string?]> = [
    ['is ubuntu 18.04 supported as of 2019', '2019-12-31', 'as of 2019'],
    ['what did the 2016 docs say about sles 12 sp1 on 2012 r2?', '2016-12-31', 'the 2016 docs'],
    ['in the 2016 docs was rhel 7.2 listed', '2016-12-31', 'in the 2016 docs'],
    ['back in mid 2020, was ubuntu 18.04 supported', '2020-06-30', 'back in mid 2020'],
    ['was ubuntu 20.04 listed in mid 2019?', '2019-06-30', 'in mid 2019'],
    ['is ubuntu 20.04 supported as of 2019-06-13', '2019-06-13', 'as of 2019-06-13'],
    ['as of June 2019 is rhel 8 ok', '2019-06-30'],
    ['as of 13 june 2019 rhel 8', '2019-06-13'],
    ['as of june 13, 2019 rhel 8', '2019-06-13'],
    ['in early 2018 did ubuntu have trim', '2018-03-31'],
    ['in q3 2019 was sles 15 there', '2019-09-30'],
    ['was rhel 7 supported in 2016', '2016-12-31'],
    // Years that are Windows Server hosts stay hosts.
    ['is rhel 7 supported on 2019?', undefined],
    ['does rhel 7 run on hyper-v 2016', undefined],
    ['is rhel 7 supported in 2016', undefined],
    ['as of 2012 r2', undefined],
    // Impossible or implausible dates are not read.
    ['as of 2019-02-30', undefined],
    ['as of 2999', undefined],
    ['as of 1999', undefined],
  ];
  for (const [text, date, phrase] of cases) {
    test(`${JSON.stringify(text)} → ${date ?? 'none'}`, () => {
      const found = extractAsOf(text, TODAY);
      assert.equal(found?.date, date);
      if (found && phrase) assert.equal(found.text, phrase);
      if (found) assert.equal(text.slice(found.start, found.end), found.text);
    });
  }

  test('a year naming a page ("2019 docs:", "2019 suse table") is a date; the technical preview is its own era', () => {
    assert.equal(extractAsOf('2019 docs: freebsd 11.2 trim on a 2016 host', TODAY)?.date, '2019-12-31');
    assert.equal(extractAsOf('2019 suse table: sles 11 sp3 on 2008 R2?', TODAY)?.text, '2019');
    assert.equal(extractAsOf('in the 2016 TP docs was lsvmbus listed for ubuntu 14.04?', TODAY)?.date, '2016-06-30');
    assert.equal(extractAsOf('rhel 7.5 on server 2019 docs say yes?', TODAY), undefined);
    const named = extractEntities(realKb(), '2019 suse table: sles 11 sp3 on 2008 R2?').entities;
    assert.deepEqual([named.distro, named.host, named.asOf], ['sles', '2008 R2', '2019-12-31']);
  });
  test('the phrase is blanked before hosts are read: "the 2016 docs" is a date, "on 2012 r2" the host', () => {
    const { entities } = extractEntities(realKb(), 'what did the 2016 docs say about sles 12 sp1 on 2012 r2?');
    assert.equal(entities.asOf, '2016-12-31');
    assert.equal(entities.host, '2012 R2');
    assert.equal(entities.distro, 'sles');
    assert.equal(entities.version, '12 SP1');
    const blanked = withoutAsOf('x as of 2019 y', extractAsOf('x as of 2019 y', TODAY)!);
    assert.equal(blanked.length, 'x as of 2019 y'.length);
    assert.doesNotMatch(blanked, /2019/);
  });
});

describe('answers as of a date', () => {
  test('a KB view keeps only the page versions published by then, and one view serves every date between two pages', () => {
    const kb = realKb();
    const view = knowledgeAsOf(kb, '2019-06-13');
    assert.ok([...view.snapshots.values()].every((s) => s.era <= '2019-06-13'));
    assert.equal(view.snapshotAt('ubuntu')?.id, 'ubuntu@2019-06-13');
    assert.equal(knowledgeAsOf(kb, '2019-07-01'), view);
    assert.equal(knowledgeAsOf(kb, '2099-01-01'), kb);
  });

  test('"was ubuntu 20.04 listed in mid 2019?" answers from the 2019 page, and the headline names it', () => {
    const { reply } = answerQuestion(realKb(), 'was ubuntu 20.04 listed in mid 2019?');
    assert.equal(reply.entities.asOf, '2019-06-30');
    assert.notEqual(reply.verdict, 'supported');
    assert.match(reply.title, /^As of 2019-06-30/);
    assert.match(reply.text, /ubuntu page of 2019-06-13/);
    assert.deepEqual(
      reply.sources.map((s) => s.id),
      ['ubuntu@2019-06-13'],
    );
    const now = answerQuestion(realKb(), 'is ubuntu 20.04 supported?').reply;
    assert.equal(now.verdict, 'supported');
    assert.equal(now.entities.asOf, undefined);
  });

  test('lisbot ask --as-of 2019-06-13 and --as-of 2020-08-29 give different verdicts for ubuntu 20.04', async () => {
    const before = await runLisbot(['ask', '--as-of', '2019-06-13', '--json', 'is ubuntu 20.04 supported?']);
    const after = await runLisbot(['ask', '--as-of', '2020-08-29', '--json', 'is ubuntu 20.04 supported?']);
    assert.equal(before.code, 0, before.stderr);
    const a = JSON.parse(before.stdout) as { verdict: string; sources: string[]; entities: { asOf: string } };
    const b = JSON.parse(after.stdout) as { verdict: string; sources: string[]; integration: { kind: string } };
    assert.ok(a.verdict === 'unknown' || a.verdict === 'not_supported', a.verdict);
    assert.deepEqual(a.sources, ['ubuntu@2019-06-13']);
    assert.equal(a.entities.asOf, '2019-06-13');
    assert.equal(b.verdict, 'supported');
    assert.deepEqual(b.sources, ['ubuntu@2020-08-29']);
    assert.equal(b.integration.kind, 'built-in');
    const bad = await runLisbot(['ask', '--as-of', 'last year', 'is ubuntu 20.04 supported?']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--as-of takes a date/);
  });
});

describe('a dated page told as the story of a question about today', () => {
  test('does not date the answer', () => {
    const reply = answerQuestion(realKb(), 'the 2019 Ubuntu page had Hyper-V Sockets blank for bionic, is it supported now?').reply;
    assert.equal(reply.entities.asOf, undefined);
    assert.equal(toAskJson('q', reply).verdict, 'supported');
  });
  test('"is that still the case?" asks about today too', () => {
    const reply = answerQuestion(
      realKb(),
      'the 2017 freebsd page showed no live backup for 11.0 - is that still the case on a 2019 host?',
    ).reply;
    assert.equal(reply.entities.asOf, undefined);
  });
  test('a question about the dated page itself keeps its date', () => {
    assert.equal(answerQuestion(realKb(), 'did the 2019 ubuntu page list hyper-v sockets for 18.04?').reply.entities.asOf, '2019-12-31');
    assert.equal(
      answerQuestion(realKb(), 'on the 2017 freebsd page, was live backup ticked for 11.0 on 2016?').reply.entities.asOf,
      '2017-12-31',
    );
  });
  test('"…, still?" and what an older page had or went to, beside a question in the present, ask about today', () => {
    for (const question of [
      'ubuntu 14.04 hyper-v sockets on 2019 - the 2019 matrix had that blank, still?',
      'FreeBSD 12.4 on 2025 — the 2023 page only went to 12.3',
      'jessie as a gen 2 VM on 2016? the 2016 debian page had UEFI blank',
    ])
      assert.equal(answerQuestion(realKb(), question).reply.entities.asOf, undefined, question);
  });
});
