import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { advicePhrasings } from '../../src/bot/advice-phrasings.ts';
import { searchAdvice } from '../../src/knowledge/query/search.ts';
import { answerQuestion } from '../../src/bot/answer.ts';
import { linkAdvicePhrasings } from '../../scripts/advice-phrasings.ts';
import type { EvalCase } from '../eval/evaluate.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();

describe('how admins have asked for known issues and tips', () => {
  test('every phrasing names a record the KB has', () => {
    const ids = new Set([...kb.knownIssues.map((r) => r.id), ...kb.tips.map((r) => r.id)]);
    const phrasings = advicePhrasings();
    assert.ok(phrasings.size >= 50, `only ${phrasings.size} records have phrasings`);
    for (const id of phrasings.keys()) assert.ok(ids.has(id), `no record ${id}`);
  });

  test("a record is found through an admin's words that its own text lacks", () => {
    const record = kb.knownIssues[0]!;
    const phrasings = new Map([[record.id, ['the zorblat gauge wobbles on our guests']]]);
    assert.equal(searchAdvice(kb, 'zorblat gauge wobbles', {}, 3).length, 0, 'the words are in no record');
    assert.equal(searchAdvice(kb, 'zorblat gauge wobbles', { phrasings }, 3)[0]?.advice.record.id, record.id);
  });

  test('the shipped phrasings reach the record for a symptom told in plain words', () => {
    // The record's own words rank the >256 vCPU kernel issue first; admins telling this symptom meant numa=off.
    const reply = answerQuestion(kb, 'centos 6.3 vm with a lot of vcpus panics during early boot, someone said numa').reply;
    assert.match(reply.title, /numa=off/);
  });
});

describe('linking train questions to records', () => {
  const line = (question: string, text: string[], intent: EvalCase['intent'] = 'known_issue'): EvalCase => ({
    question,
    intent,
    entities: {},
    answered: true,
    text,
    tags: [],
  });

  test('a question is linked to the one record matching every expected pattern', () => {
    const links = linkAdvicePhrasings(kb, [line('vhdx keeps its size after deleting files', ['(?i)fstrim'], 'tip')]);
    const linked = Object.entries(links).filter(([, qs]) => qs.includes('vhdx keeps its size after deleting files'));
    assert.equal(linked.length, 1);
    const record = [...kb.knownIssues, ...kb.tips].find((r) => r.id === linked[0]![0])!;
    assert.match(JSON.stringify(record), /fstrim/i);
  });

  test('support questions, declined ones and lines that fit too many records are not linked', () => {
    const links = linkAdvicePhrasings(kb, [
      line('is trim supported on rhel 7.5?', ['(?i)trim'], 'feature_support'),
      { ...line('what broke', ['(?i)memory']), answered: false },
      line('anything at all', ['(?i)the']),
    ]);
    assert.deepEqual(links, {});
  });
});
