import type { DistroId, FeatureId, HostId, IntegrationKind } from '../../knowledge/schema/index.ts';
import type { RuleSeverity } from '../rules/catalogue.ts';

/** One finding of one rule, as the `check --json` contract prints it. Evidence is untrusted upload text. */
export interface Finding {
  readonly id: string;
  readonly severity: Exclude<RuleSeverity, 'pass'>;
  readonly title: string;
  readonly detail: string;
  readonly fix?: string;
  readonly evidence: readonly string[];
  /** KB record ids or upstream page@date the rule relied on. */
  readonly source?: string;
}

export interface FeatureVerdict {
  readonly feature: FeatureId;
  readonly available: boolean;
  readonly why: string;
}

/** The report for one guest: the `lisbot check --json` contract other tools read. */
export interface CheckReport {
  readonly guest: {
    readonly distro?: DistroId;
    readonly version?: string;
    readonly kernel?: string;
    readonly arch?: string;
    readonly generation?: 1 | 2;
  };
  readonly host: { readonly id: HostId; readonly source: string } | null;
  readonly integration: { readonly kind: IntegrationKind; readonly package?: string } | null;
  readonly status: 'supported' | 'not_supported' | 'unknown';
  readonly features: readonly FeatureVerdict[];
  readonly findings: readonly Finding[];
  readonly input: { readonly sections: number; readonly truncated: boolean; readonly diagnostics: readonly string[] };
  /** Rules that were not evaluated and the facts each needed (one guest's report; inventory rows leave it out). */
  readonly not_evaluated?: readonly { readonly id: string; readonly needs: readonly string[] }[];
}

export interface CheckOptions {
  /** The date end-of-life rules judge against (YYYY-MM-DD); today by default. */
  readonly asOf?: string;
  /** The host, when the user knows it better than the upload shows. */
  readonly host?: HostId;
}
