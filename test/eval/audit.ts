import { evaluate, loadCases, type EvalSummary } from './evaluate.ts';
import type { KnowledgeBase } from '../../src/knowledge/index.ts';

export const AUDIT_SPLITS = ['dev', 'test'] as const;
export type AuditSplit = (typeof AUDIT_SPLITS)[number];

export interface AuditFigures {
  readonly split: AuditSplit;
  readonly summary: EvalSummary;
  readonly perHinge: Record<string, { total: number; correct: number }>;
}

/** Runs one audit split through the ask path, judged like the main evaluation, counted per hinge. */
export function runAudit(kb: KnowledgeBase, split: AuditSplit): AuditFigures {
  const summary = evaluate(kb, loadCases(new URL(`./audit-${split}.jsonl`, import.meta.url)));
  const perHinge: Record<string, { total: number; correct: number }> = {};
  for (const result of summary.results) {
    const hinge = result.expected.hinge ?? 'none';
    const bucket = (perHinge[hinge] ??= { total: 0, correct: 0 });
    bucket.total++;
    if (result.failures.length === 0) bucket.correct++;
  }
  return { split, summary, perHinge };
}
