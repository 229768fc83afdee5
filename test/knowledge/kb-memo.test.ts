import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KbMemo } from '../../src/knowledge/kb-memo.ts';
import type { KnowledgeBase } from '../../src/knowledge/index.ts';

// The memo only keys on the KB's identity, so two empty objects stand for two KBs.
const kbA = {} as KnowledgeBase;
const kbB = {} as KnowledgeBase;

test('a value is worked out once per KB and key', () => {
  const memo = new KbMemo<number>(10);
  let calls = 0;
  const compute = () => ++calls;
  assert.equal(memo.get(kbA, 'k', compute), 1);
  assert.equal(memo.get(kbA, 'k', compute), 1);
  assert.equal(memo.get(kbB, 'k', compute), 2, 'another KB has its own memo');
  assert.equal(calls, 2);
});

test('a full memo starts afresh instead of growing', () => {
  const memo = new KbMemo<string>(3);
  let calls = 0;
  for (const key of ['a', 'b', 'c', 'd']) memo.get(kbA, key, () => `${key}${++calls}`);
  assert.equal(
    memo.get(kbA, 'd', () => 'again'),
    'd4',
    'the newest key survives the clear',
  );
  assert.equal(
    memo.get(kbA, 'a', () => 'recomputed'),
    'recomputed',
    'older keys were dropped',
  );
});
