import { existsSync, readFileSync } from 'node:fs';
import { answerQuestion } from '../../src/bot/answer.ts';
import { INTENTS, type Intent } from '../../src/core/reply.ts';
import { toAskJson, type AskJson } from '../../src/cli/ask-json.ts';
import type { KnowledgeBase } from '../../src/knowledge/index.ts';

export interface EvalCase {
  question: string;
  intent: Intent;
  entities: Record<string, string>;
  answered: boolean;
  verdict?: string;
  integration?: { kind: string; package?: string };
  text?: string[];
  tags?: string[];
  /** Audit cases: what the answer hinges on (note, lis, uek, dropped-host, newer-host…) and the source reasoning. */
  hinge?: string;
  why?: string;
}

export interface CaseResult {
  readonly expected: EvalCase;
  readonly actual: AskJson;
  readonly failures: readonly string[];
}

export interface EvalSummary {
  readonly total: number;
  readonly correct: number;
  readonly intentCorrect: number;
  readonly perIntent: Record<string, { total: number; correct: number; intentCorrect: number }>;
  readonly confusion: Record<string, Record<string, number>>;
  readonly results: readonly CaseResult[];
}

/**
 * train: tune freely; dev: check tuning; test to test16: written apart from the code, run only for the figure (test
 * before the parser rewrite, test2 in wave 3, test3 in wave 4, test4 in wave 5, test5 in wave 6, test6 in wave 7,
 * test7 to test9 in waves 8 to 10, test10 in wave 13, test11 in wave 14, test12 in wave 15, test13 in wave 16, test14 in wave 17, test15 in wave 18, test16 in wave 19, each before that wave's changes).
 */
export const HELD_OUT_SPLITS = [
  'test',
  'test2',
  'test3',
  'test4',
  'test5',
  'test6',
  'test7',
  'test8',
  'test9',
  'test10',
  'test11',
  'test12',
  'test13',
  'test14',
  'test15',
  'test16',
] as const;
export const SPLITS = ['train', 'dev', ...HELD_OUT_SPLITS] as const;
export type Split = (typeof SPLITS)[number];

const SPLIT_FILES: Record<Split, string> = {
  train: './train.jsonl',
  dev: './dev.jsonl',
  test: './test-split.jsonl',
  test2: './test-split-2.jsonl',
  test3: './test-split-3.jsonl',
  test4: './test-split-4.jsonl',
  test5: './test-split-5.jsonl',
  test6: './test-split-6.jsonl',
  test7: './test-split-7.jsonl',
  test8: './test-split-8.jsonl',
  test9: './test-split-9.jsonl',
  test10: './test-split-10.jsonl',
  test11: './test-split-11.jsonl',
  test12: './test-split-12.jsonl',
  test13: './test-split-13.jsonl',
  test14: './test-split-14.jsonl',
  test15: './test-split-15.jsonl',
  test16: './test-split-16.jsonl',
};

export function splitPath(split: Split): URL {
  return new URL(SPLIT_FILES[split], import.meta.url);
}

export function hasSplit(split: Split): boolean {
  return existsSync(splitPath(split));
}

export function readCases(path: URL): EvalCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);
}

/** One split, or train and dev together (the project's own set) when none is named. */
export function loadCases(split?: Split): EvalCase[] {
  if (split) return readCases(splitPath(split));
  return [...readCases(splitPath('train')), ...readCases(splitPath('dev'))];
}

function regexOf(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

/** Every way an answer differs from what the case expects; empty means correct. */
export function judge(expected: EvalCase, actual: AskJson): string[] {
  const failures: string[] = [];
  if (actual.intent !== expected.intent) failures.push(`intent ${actual.intent} ≠ ${expected.intent}`);
  if (actual.answered !== expected.answered) failures.push(`answered ${actual.answered} ≠ ${expected.answered}`);
  for (const [key, value] of Object.entries(expected.entities)) {
    const got = (actual.entities as Record<string, string | undefined>)[key];
    if (got !== value) failures.push(`entity ${key} ${got ?? '∅'} ≠ ${value}`);
  }
  if (expected.verdict !== undefined && actual.verdict !== expected.verdict)
    failures.push(`verdict ${actual.verdict ?? '∅'} ≠ ${expected.verdict}`);
  if (expected.integration) {
    const got = actual.integration;
    if (got?.kind !== expected.integration.kind || (expected.integration.package && got.package !== expected.integration.package)) {
      failures.push(
        `integration ${got ? `${got.kind} ${got.package ?? ''}`.trim() : '∅'} ≠ ${expected.integration.kind} ${expected.integration.package ?? ''}`.trim(),
      );
    }
  }
  for (const pattern of expected.text ?? []) if (!regexOf(pattern).test(actual.text)) failures.push(`text lacks /${pattern}/`);
  return failures;
}

export function evaluate(kb: KnowledgeBase, cases: readonly EvalCase[]): EvalSummary {
  const perIntent: EvalSummary['perIntent'] = Object.fromEntries(INTENTS.map((i) => [i, { total: 0, correct: 0, intentCorrect: 0 }]));
  const confusion: EvalSummary['confusion'] = Object.fromEntries(INTENTS.map((i) => [i, Object.fromEntries(INTENTS.map((j) => [j, 0]))]));
  const results = cases.map((expected) => {
    const actual = toAskJson(expected.question, answerQuestion(kb, expected.question).reply);
    const failures = judge(expected, actual);
    const bucket = perIntent[expected.intent]!;
    bucket.total++;
    if (failures.length === 0) bucket.correct++;
    if (actual.intent === expected.intent) bucket.intentCorrect++;
    confusion[expected.intent]![actual.intent]! += 1;
    return { expected, actual, failures };
  });
  return {
    total: results.length,
    correct: results.filter((r) => r.failures.length === 0).length,
    intentCorrect: results.filter((r) => r.actual.intent === r.expected.intent).length,
    perIntent,
    confusion,
    results,
  };
}

export interface ScopeFigures {
  /** Out-of-scope questions, and how many of them were declined. */
  readonly out: number;
  readonly outDeclined: number;
  /** In-scope questions, and how many were declined as out of scope. */
  readonly in: number;
  readonly inDeclined: number;
}

/** A question is declined when the bot answers it as `unknown` without an answer; a clarifying question is not a decline. */
export function scopeFigures(summary: EvalSummary): ScopeFigures {
  const declined = (r: CaseResult) => r.actual.intent === 'unknown' && !r.actual.answered;
  const out = summary.results.filter((r) => r.expected.intent === 'unknown');
  const inScope = summary.results.filter((r) => r.expected.intent !== 'unknown');
  return { out: out.length, outDeclined: out.filter(declined).length, in: inScope.length, inDeclined: inScope.filter(declined).length };
}
