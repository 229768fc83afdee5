import type { FactKey, GuestFacts } from '../guest-facts.ts';
import type { RuleCategory, RuleSeverity } from './catalogue.ts';
import type { CheckContext, RuleContext, RuleOutcome } from './types.ts';

/** A fact the rule cannot work without, or a group of facts of which at least one must be known (insights-core's "any of"). */
export type Need = FactKey | readonly FactKey[];

/** What a rule is, without its logic: the catalogue entry the report and the docs use. */
export interface RuleMeta<Id extends string = string> {
  /** Stable id used by reports, the KB's keywords and the docs. */
  readonly id: Id;
  readonly category: RuleCategory;
  /** Highest severity the rule raises. */
  readonly severity: Exclude<RuleSeverity, 'pass'>;
  /** Used instead when a deciding fact (HA, Dynamic Memory use) is unknown. */
  readonly severityWhenUnsure?: Exclude<RuleSeverity, 'pass'>;
  readonly title: string;
  /** Facts that must be known before the rule runs; when one is missing the runner reports "not evaluated (needs X)". */
  readonly needs: readonly Need[];
  /** Facts the rule reads when they are known and does without otherwise. */
  readonly uses: readonly FactKey[];
  /** Also runs when the guest shows no working Hyper-V drivers (all other rules are skipped then). */
  readonly withoutHyperV: boolean;
}

/** A rule as its file declares it: its catalogue entry (`uses` and `withoutHyperV` optional) and its logic. */
export interface RuleSpec<Id extends string> extends Omit<RuleMeta<Id>, 'uses' | 'withoutHyperV'> {
  readonly uses?: readonly FactKey[];
  readonly withoutHyperV?: boolean;
  /** The rule's logic. It may read only the facts named in `needs` and `uses` (a test watches). */
  evaluate(ctx: RuleContext): RuleOutcome;
}

export interface Rule<Id extends string = string> extends RuleMeta<Id> {
  /** Needs that are not met by these facts, each written as it is declared ("a|b" for a group). */
  missing(facts: GuestFacts): string[];
  /** Runs the logic on a context the runner prepared for this rule (its `rule` is this rule). */
  body(ctx: RuleContext): RuleOutcome;
  /** Checks the needs, then runs the logic: 'skip' when a need is missing. */
  evaluate(ctx: CheckContext): RuleOutcome;
}

const NOTHING_MISSING: string[] = [];

function known(facts: GuestFacts, key: FactKey): boolean {
  return facts[key] !== undefined;
}

/** Every fact a rule may read: its needs (groups flattened) and its optional uses. */
export function declaredFacts(rule: RuleMeta): Set<FactKey> {
  return new Set<FactKey>([...rule.needs.flatMap((n) => (typeof n === 'string' ? [n] : [...n])), ...rule.uses]);
}

/** A rule in the insights-core style: metadata, declared facts, and the logic that runs only once the needs are met. */
export function defineRule<const Id extends string>(spec: RuleSpec<Id>): Rule<Id> {
  const { id, category, severity, severityWhenUnsure, title, needs } = spec;
  const logic = (ctx: RuleContext): RuleOutcome => spec.evaluate(ctx);
  const rule: Rule<Id> = {
    id,
    category,
    severity,
    ...(severityWhenUnsure ? { severityWhenUnsure } : {}),
    title,
    needs,
    uses: spec.uses ?? [],
    withoutHyperV: spec.withoutHyperV ?? false,
    missing(facts) {
      let out: string[] | undefined;
      for (const need of spec.needs) {
        if (typeof need === 'string') {
          if (!known(facts, need)) (out ??= []).push(need);
        } else if (!need.some((k) => known(facts, k))) (out ??= []).push(need.join('|'));
      }
      return out ?? NOTHING_MISSING;
    },
    body: logic,
    evaluate(ctx) {
      if (rule.missing(ctx.facts).length > 0) return 'skip';
      return logic({ ...ctx, rule });
    },
  };
  return rule;
}

/** A fact the rule declared in `needs`: the runner only starts the rule when it is known. */
export function fact<K extends FactKey>(ctx: RuleContext, key: K): NonNullable<GuestFacts[K]> {
  const value = ctx.facts[key];
  if (value === undefined || value === null) throw new Error(`${ctx.rule.id} read ${key}, which it does not declare in needs`);
  return value;
}
