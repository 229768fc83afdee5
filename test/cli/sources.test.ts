import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceById } from '../../src/core/cite.ts';
import { realKb } from '../helpers/real-kb.ts';

test('a source with no public page is cited as lisbot\'s own guidance, never as "project research notes"', () => {
  const kb = realKb();
  const own = [...kb.sources.values()].filter((s) => s.kind === 'study');
  assert.ok(own.length > 0);
  for (const source of own) {
    const cited = sourceById(kb, source.id);
    assert.match(cited.title, /^lisbot's own guidance \(no public source\): /);
    assert.equal(cited.url, undefined);
  }
  for (const source of kb.sources.values()) assert.doesNotMatch(sourceById(kb, source.id).title, /research notes/i, source.id);
  const talk = sourceById(kb, 'teched-2014');
  assert.doesNotMatch(talk.title, /own guidance/, 'a public talk stays a public source');
});
