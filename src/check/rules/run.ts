import type { Finding } from '../report/check-report.ts';
import { RULE_CATALOGUE, type RuleId } from './catalogue.ts';
import { RULES } from './registry.ts';
import type { Rule, RuleContext } from './types.ts';

export type RuleState = 'finding' | 'pass' | 'skip' | 'error';

export interface RuleRun {
  readonly findings: Finding[];
  /** What each rule did; "skip" means a fact it needs is unknown (the inventory's "not evaluated"). */
  readonly states: ReadonlyMap<RuleId, RuleState>;
  /** Rules that threw: a bug, reported but never fatal to the check. */
  readonly errors: readonly RuleId[];
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { critical: 0, warning: 1, info: 2, tip: 3 };
const CATALOGUE_ORDER = new Map<string, number>(RULE_CATALOGUE.map((r, i) => [r.id, i]));

/** Most severe first; within a severity, catalogue order. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (CATALOGUE_ORDER.get(a.id) ?? 999) - (CATALOGUE_ORDER.get(b.id) ?? 999);
}

/**
 * Runs the rules against one guest. When the guest shows no working Hyper-V drivers only
 * the rules that explain that run. A rule that throws is recorded, never rethrown.
 */
export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): RuleRun {
  const findings: Finding[] = [];
  const states = new Map<RuleId, RuleState>();
  const errors: RuleId[] = [];
  const gated = ctx.guest.hyperV === 'no' || ctx.guest.hyperV === 'no-drivers';
  for (const rule of rules) {
    if (gated && !rule.withoutHyperV) { states.set(rule.id, 'skip'); continue; }
    try {
      const outcome = rule.evaluate(ctx);
      if (outcome === 'pass' || outcome === 'skip') { states.set(rule.id, outcome); continue; }
      const list: readonly Finding[] = Array.isArray(outcome) ? outcome : [outcome as Finding];
      findings.push(...list);
      states.set(rule.id, list.length > 0 ? 'finding' : 'pass');
    } catch {
      states.set(rule.id, 'error');
      errors.push(rule.id);
    }
  }
  findings.sort(compareFindings);
  return { findings, states, errors };
}
