import type { FactKey } from '../guest-facts.ts';
import type { DiagnosticCode } from '../parse/diagnostics.ts';
import { declaredFacts } from './define.ts';
import { RULES } from './registry.ts';

export type RuleCategory = 'platform' | 'lis' | 'feature' | 'best-practice' | 'known-issue' | 'input';
export type RuleSeverity = 'critical' | 'warning' | 'info' | 'tip' | 'pass';

export interface RuleEntry {
  /** Stable id used by report templates. */
  readonly id: string;
  readonly category: RuleCategory;
  /** Highest severity the rule raises. */
  readonly severity: RuleSeverity;
  /** Used instead when a deciding fact (HA, Dynamic Memory use) is unknown. */
  readonly severityWhenUnsure?: RuleSeverity;
  readonly title: string;
  /** Facts the rule needs (a group "a|b" needs one of them); when one is missing the rule reports "not evaluated". */
  readonly needs: readonly string[];
  /** Facts the rule reads when known. */
  readonly uses: readonly FactKey[];
  /** Every fact the rule may read. */
  readonly needsFacts: readonly FactKey[];
}

/** The catalogue, generated from the rules themselves (each rule file declares its id, title, severity and facts). */
export const RULE_CATALOGUE: readonly RuleEntry[] = RULES.map((rule) => ({
  id: rule.id,
  category: rule.category,
  severity: rule.severity,
  ...(rule.severityWhenUnsure ? { severityWhenUnsure: rule.severityWhenUnsure } : {}),
  title: rule.title,
  needs: rule.needs.map((n) => (typeof n === 'string' ? n : n.join('|'))),
  uses: rule.uses,
  needsFacts: [...declaredFacts(rule)],
}));

/** Input diagnostics (section 4.6) reported next to findings; they explain skipped rules. */
export const INPUT_DIAGNOSTIC_RULES = [
  { id: 'INPUT_TRUNCATED', title: 'The upload is incomplete' },
  { id: 'INPUT_SECTION_MISSING', title: 'An expected section is missing' },
  { id: 'INPUT_DUPLICATE_SECTION', title: 'A section appears twice' },
  { id: 'INPUT_BINARY_DATA', title: 'The upload contains binary data' },
  { id: 'INPUT_LINE_TOO_LONG', title: 'Over-long lines were shortened' },
  { id: 'INPUT_UNKNOWN_FORMAT', title: 'Parts of the upload were not recognised' },
  { id: 'INPUT_NOT_ROOT', title: 'The collector ran without root rights' },
  { id: 'INPUT_CSV_FORMULA', title: 'An inventory cell looks like a formula' },
  { id: 'INPUT_CONTEXT_IN_UPLOAD', title: 'A user-context block inside the upload was ignored' },
  { id: 'INPUT_REDACTION_APPLIED', title: 'Names and addresses were redacted' },
] as const satisfies readonly { id: DiagnosticCode; title: string }[];

export type { RuleId } from './registry.ts';
