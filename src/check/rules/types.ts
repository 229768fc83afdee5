import type { GuestDistro, GuestFacts } from '../guest-facts.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { FeatureId, HostId, IntegrationKind } from '../../knowledge/schema/index.ts';
import type { Finding } from '../report/check-report.ts';
import type { HostFamily } from './data/hosts.ts';
import type { RuleMeta } from './define.ts';
import type { FeatureStatus } from './features.ts';
import type { GuestSupport } from './verdicts.ts';

/** What a rule says: its findings, "pass" (looked, all fine) or "skip" (a fact it needs is unknown). */
export type RuleOutcome = Finding | readonly Finding[] | 'pass' | 'skip';

export type { Rule } from './define.ts';

/** The host the checks assume, and where that came from. */
export interface HostView {
  /** Known server release; undefined for client builds (Windows 10/11) that only bound it from below. */
  readonly family?: HostFamily;
  /** The oldest release it can be (equals family when that is known). */
  readonly floor?: HostFamily;
  /** Human name, e.g. "Windows Server 2012 R2" or "Windows 10 (build 19045)". */
  readonly label: string;
  /** dmesg, kvp, freebsd-dmesg, inventory or user. */
  readonly source: string;
  readonly confidence: 'high' | 'medium' | 'low';
  readonly build?: number;
}

/** Facts several rules derive the same way, worked out once per check. */
export interface GuestView {
  readonly distro?: GuestDistro;
  readonly version?: string;
  readonly major?: number;
  readonly minor?: number;
  /** RHEL, CentOS or Oracle Linux on its Red Hat compatible kernel: the LIS download applies. */
  readonly rhelLike: boolean;
  readonly host?: HostView;
  /** Lower bound from the negotiated VMBus protocol. */
  readonly vmbusFloor?: HostFamily;
  /** "yes", "no" (another hypervisor or bare metal), "no-drivers" (Hyper-V, but no VMBus driver) or "unknown". */
  readonly hyperV: 'yes' | 'no' | 'no-drivers' | 'unknown';
  readonly lis?: { readonly installed: boolean; readonly version?: string };
  readonly integration: { readonly kind: IntegrationKind; readonly package?: string } | null;
  readonly is32bit?: boolean;
  /** The host offers Dynamic Memory to this VM (balloon protocol seen, or the user says so). */
  readonly dmInUse?: boolean;
  /** Family, release, kernel line, integration, LIS release and host in one string: the key of per-KB memos. */
  readonly key: string;
  /** The KB's answer per feature for this guest and host, adjusted for what the guest shows. */
  readonly features: ReadonlyMap<FeatureId, FeatureStatus>;
}

/** What every rule of one check shares: the facts, the KB and what was worked out from them once. */
export interface CheckContext {
  readonly facts: GuestFacts;
  readonly kb: KnowledgeBase;
  /** The KB's support answer for the guest's release and integration kind; undefined when the release is unknown. */
  readonly support: GuestSupport | undefined;
  /** The date EOL rules judge against (YYYY-MM-DD). */
  readonly asOf: string;
  /** The host the user named, which wins over what the upload shows. */
  readonly hostOverride: HostId | undefined;
  readonly guest: GuestView;
}

/** The context one rule runs in: the check's context and the rule itself (findings take their id from it). */
export interface RuleContext extends CheckContext {
  readonly rule: RuleMeta;
}
