import type { FactKey, GuestFacts } from '../guest-facts.ts';
import type { Finding } from '../report/check-report.ts';
import type { Rule } from './define.ts';
import { RULES, type RuleId } from './registry.ts';
import type { CheckContext, RuleContext } from './types.ts';

export type RuleState = 'finding' | 'pass' | 'skip' | 'error';

export interface RuleRun {
  readonly findings: Finding[];
  /** What each rule did; "skip" means a fact it needs is unknown (the inventory's "not evaluated"). */
  readonly states: ReadonlyMap<RuleId, RuleState>;
  /** Rules the runner did not start, and the declared needs that were missing ("no Hyper-V drivers" for gated rules). */
  readonly notEvaluated: ReadonlyMap<RuleId, readonly string[]>;
  /** Rules that threw: a bug, reported but never fatal to the check. */
  readonly errors: readonly RuleId[];
}

export interface RunOptions {
  /** Called with every fact a rule reads (tests use it to hold rules to their declarations). */
  readonly onRead?: (rule: RuleId, fact: FactKey) => void;
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { critical: 0, warning: 1, info: 2, tip: 3 };
const CATALOGUE_ORDER = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
export const NO_HYPERV_DRIVERS = 'Hyper-V drivers';

/** Most severe first; within a severity, catalogue order. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (CATALOGUE_ORDER.get(a.id) ?? 999) - (CATALOGUE_ORDER.get(b.id) ?? 999);
}

function watched(facts: GuestFacts, onRead: (fact: FactKey) => void): GuestFacts {
  return new Proxy(facts, {
    get(target, key, receiver) {
      if (typeof key === 'string') onRead(key as FactKey);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === 'string') onRead(key as FactKey);
      return Reflect.has(target, key);
    },
  });
}

/** One shape for every rule's context (a spread would give each its own, and slow every property read in the rules). */
function contextFor(ctx: CheckContext, rule: Rule, facts: GuestFacts): RuleContext {
  return {
    facts,
    kb: ctx.kb,
    support: ctx.support,
    asOf: ctx.asOf,
    hostOverride: ctx.hostOverride,
    guest: ctx.guest,
    rule,
  };
}

/**
 * Runs the rules against one guest. A rule whose declared needs are not all known is not
 * started: it is reported as not evaluated, with what it needs. When the guest shows no working
 * Hyper-V drivers only the rules that explain that run. A rule that throws is recorded, never rethrown.
 */
export function runRules(ctx: CheckContext, rules: readonly Rule[] = RULES, options: RunOptions = {}): RuleRun {
  const findings: Finding[] = [];
  const states = new Map<RuleId, RuleState>();
  const notEvaluated = new Map<RuleId, readonly string[]>();
  const errors: RuleId[] = [];
  const gated = ctx.guest.hyperV === 'no' || ctx.guest.hyperV === 'no-drivers';
  for (const rule of rules) {
    const id = rule.id as RuleId;
    if (gated && !rule.withoutHyperV) {
      states.set(id, 'skip');
      notEvaluated.set(id, [NO_HYPERV_DRIVERS]);
      continue;
    }
    const missing = rule.missing(ctx.facts);
    if (missing.length > 0) {
      states.set(id, 'skip');
      notEvaluated.set(id, missing);
      continue;
    }
    const onRead = options.onRead;
    const ruleCtx = contextFor(ctx, rule, onRead ? watched(ctx.facts, (fact) => onRead(id, fact)) : ctx.facts);
    try {
      const outcome = rule.body(ruleCtx);
      if (outcome === 'pass' || outcome === 'skip') {
        states.set(id, outcome);
        continue;
      }
      const list: readonly Finding[] = Array.isArray(outcome) ? outcome : [outcome as Finding];
      findings.push(...list);
      states.set(id, list.length > 0 ? 'finding' : 'pass');
    } catch {
      states.set(id, 'error');
      errors.push(id);
    }
  }
  findings.sort(compareFindings);
  return { findings, states, notEvaluated, errors };
}
