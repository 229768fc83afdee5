// Links each train question about a problem or a tip to the known issue or tip its expected answer names, for
// src/bot/advice-phrasings.json. A record is named when its words match every pattern the line expects; when
// several do (a pattern such as "memory" fits many), the one the search ranks first among them, searched without
// any phrasings so the links never feed on themselves. Lines that fit more than MAX_CANDIDATES records say too
// little to link. Never the dev or test split: those measure the search.
import type { KnowledgeBase } from '../src/knowledge/index.ts';
import { searchAdvice } from '../src/knowledge/query/search.ts';
import type { EvalCase } from '../test/eval/evaluate.ts';

const MAX_CANDIDATES = 8;

function pattern(source: string): RegExp {
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source);
}

export function linkAdvicePhrasings(kb: KnowledgeBase, cases: readonly EvalCase[]): Record<string, string[]> {
  const records = [
    ...kb.knownIssues.map((r) => ({ id: r.id, words: [r.title, ...r.symptoms, r.cause, r.workaround].join(' ') })),
    ...kb.tips.map((r) => ({ id: r.id, words: [r.title, r.advice, r.check ?? ''].join(' ') })),
  ];
  const links: Record<string, string[]> = {};
  for (const c of cases) {
    if ((c.intent !== 'known_issue' && c.intent !== 'tip') || !c.answered || !c.text?.length) continue;
    const patterns = c.text.map(pattern);
    const fitting = new Set(records.filter((r) => patterns.every((p) => p.test(r.words))).map((r) => r.id));
    if (fitting.size === 0 || fitting.size > MAX_CANDIDATES) continue;
    const question = c.question.replace(/\s+/g, ' ').trim();
    const id =
      fitting.size === 1
        ? [...fitting][0]
        : searchAdvice(kb, question, {}, 200).find((h) => fitting.has(h.advice.record.id))?.advice.record.id;
    if (id !== undefined) (links[id] ??= []).push(question);
  }
  return Object.fromEntries(Object.entries(links).sort(([a], [b]) => a.localeCompare(b)));
}
