import type { GuestDistro, GuestFacts } from '../guest-facts.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { FEATURE_IDS } from '../../knowledge/schema/index.ts';
import { parseBundle, type Diagnostic, type ParsedBundle, type UploadFormat } from '../parse/index.ts';
import type { RuleId } from '../rules/catalogue.ts';
import { buildContext, today } from '../rules/context.ts';
import { hostBeyondListedHosts, newerThanListed, plain } from '../rules/helpers.ts';
import { runRules, type RuleState } from '../rules/run.ts';
import type { CheckContext } from '../rules/types.ts';
import type { CheckOptions, CheckReport, FeatureVerdict } from './check-report.ts';

/** A report with what the rules did, for renderers that also say which rules could not run. */
export interface CheckResult {
  readonly report: CheckReport;
  readonly states: ReadonlyMap<RuleId, RuleState>;
  /** Rules the runner did not start, with the declared facts that were missing. */
  readonly notEvaluated: ReadonlyMap<RuleId, readonly string[]>;
  /** Rules that threw (a bug; the report is still complete otherwise). */
  readonly errors: readonly RuleId[];
  readonly format?: UploadFormat;
}

export interface InputSummary {
  readonly sections?: number;
  readonly truncated?: boolean;
  readonly diagnostics?: readonly Diagnostic[];
}

const MAX_DIAGNOSTICS = 20;

function describeDiagnostic(d: Diagnostic): string {
  const where = d.section ? ` [${d.section}]` : d.line !== undefined ? ` [line ${d.line}]` : '';
  return plain(`${d.code}: ${d.message}${d.count > 1 ? ` (${d.count} times)` : ''}${where}`, 300);
}

function statusOf(ctx: CheckContext): CheckReport['status'] {
  const support = ctx.support;
  if (ctx.guest.hyperV === 'no' || !support) return 'unknown';
  switch (support.status) {
    case 'does-not-run':
    case 'emulated-only':
      return 'not_supported';
    case 'no-data':
      return 'unknown';
    case 'not-listed':
      return newerThanListed(ctx) ? 'unknown' : 'not_supported';
    case 'listed':
    case 'listed-earlier': {
      const core = ctx.guest.features.get('core');
      const hostKnown = ctx.guest.host?.family !== undefined && ctx.guest.host.family !== '2008';
      if (hostKnown && (core?.kbStatus === 'not-on-host' || core?.kbStatus === 'not-available')) return 'not_supported';
      // A host newer than every host the pages listing the release name: the matrix says nothing either way.
      if (hostBeyondListedHosts(ctx)) return 'unknown';
      return 'supported';
    }
  }
}

// The feature tables come from a per-KB cache, so inventory rows share them: so can their verdict lists.
const verdictLists = new WeakMap<object, FeatureVerdict[]>();

function featureVerdicts(ctx: CheckContext): FeatureVerdict[] {
  const table = ctx.guest.features;
  const known = verdictLists.get(table);
  if (known) return [...known];
  const out: FeatureVerdict[] = [];
  for (const feature of FEATURE_IDS) {
    const status = table.get(feature);
    if (status?.available === undefined) continue;
    out.push({ feature, available: status.available, why: status.why });
  }
  verdictLists.set(table, out);
  return [...out];
}

let lastAsOf: string | undefined;

function validAsOf(asOf: string | undefined): string {
  if (asOf !== undefined && asOf === lastAsOf) return asOf;
  const valid = asOf !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(asOf));
  if (valid) lastAsOf = asOf;
  return valid ? asOf : today();
}

function guestOf(facts: GuestFacts): CheckReport['guest'] {
  const kernel = facts.kernel?.value;
  const guest: { -readonly [K in keyof CheckReport['guest']]: CheckReport['guest'][K] } = {};
  const os = facts.os?.value;
  if (os?.distro) guest.distro = os.distro;
  if (os?.version) guest.version = os.version;
  if (kernel) guest.kernel = plain(kernel.release, 120);
  if (kernel?.arch) guest.arch = plain(kernel.arch, 20);
  if (facts.generation) guest.generation = facts.generation.value;
  return guest;
}

/** Rules and report for facts already read (an inventory row, or a parsed bundle). */
export function evaluateFacts(
  kb: KnowledgeBase,
  facts: GuestFacts,
  options: CheckOptions = {},
  input: InputSummary = {},
  detail: { notEvaluated?: boolean } = {},
): CheckResult {
  const asOf = validAsOf(options.asOf);
  const ctx = buildContext(kb, facts, asOf === options.asOf ? options : { ...options, asOf });
  const run = runRules(ctx);
  const host = ctx.guest.host;
  const diagnostics = input.diagnostics ?? [];
  const report: { -readonly [K in keyof CheckReport]: CheckReport[K] } = {
    guest: guestOf(facts),
    host: host?.family && host.family !== '2008' ? { id: host.family, source: host.source } : null,
    integration: ctx.guest.integration,
    status: statusOf(ctx),
    features: featureVerdicts(ctx),
    findings: run.findings,
    input: {
      sections: input.sections ?? 0,
      truncated: input.truncated ?? false,
      diagnostics: diagnostics.length === 0 ? [] : diagnostics.slice(0, MAX_DIAGNOSTICS).map(describeDiagnostic),
    },
  };
  if (detail.notEvaluated) report.not_evaluated = [...run.notEvaluated].map(([id, needs]) => ({ id, needs }));
  return { report, states: run.states, notEvaluated: run.notEvaluated, errors: run.errors };
}

/** Parses an upload and checks it. Never throws on bad input: problems end up in `input.diagnostics`. */
export function evaluateBundle(kb: KnowledgeBase, input: Buffer | string, options: CheckOptions = {}): CheckResult {
  const parsed = parseBundle(input);
  const result = evaluateFacts(kb, parsed.facts, options, inputSummary(parsed), { notEvaluated: true });
  return { ...result, format: parsed.format };
}

function inputSummary(parsed: ParsedBundle): InputSummary {
  return { sections: parsed.stats.sections, truncated: parsed.stats.truncated, diagnostics: parsed.diagnostics };
}

/** The guest a user's message names beside a paste. */
export interface NamedGuest {
  readonly distro: GuestDistro;
  readonly version?: string;
}

/**
 * A paste checked as it is, and, when it does not show which distribution runs (host-side output, a kernel log), once
 * more as the guest the user's message names: parsed once, judged twice.
 */
export function checkPaste(
  kb: KnowledgeBase,
  input: string,
  options: CheckOptions,
  guest: NamedGuest | undefined,
): { own: CheckReport; asNamed?: CheckReport } {
  const parsed = parseBundle(input);
  const judge = (facts: GuestFacts) => evaluateFacts(kb, facts, options, inputSummary(parsed), { notEvaluated: true }).report;
  const own = judge(parsed.facts);
  if (parsed.facts.os || !guest) return { own };
  return { own, asNamed: judge(withNamedGuest(parsed.facts, guest)) };
}

/** The named guest as the os fact, with low confidence and the message as its evidence. */
function withNamedGuest(facts: GuestFacts, guest: NamedGuest): GuestFacts {
  const named = `${guest.distro}${guest.version ? ` ${guest.version}` : ''}`;
  const os = { distro: guest.distro, rawId: guest.distro, like: [], ...(guest.version ? { version: guest.version } : {}) };
  return {
    ...facts,
    os: { value: os, evidence: [{ section: 'message', line: 0, text: `named in the message: ${named}` }], confidence: 'low' },
  };
}

/** The `check --json` report for one upload (collector output, sosreport text or pasted command output). */
export function checkBundle(kb: KnowledgeBase, input: Buffer | string, options: CheckOptions = {}): CheckReport {
  return evaluateBundle(kb, input, options).report;
}

/** The report for facts from an inventory row; the row's own diagnostics go into `input`. */
export function checkFacts(kb: KnowledgeBase, facts: GuestFacts, options: CheckOptions = {}, input: InputSummary = {}): CheckReport {
  return evaluateFacts(kb, facts, options, input).report;
}
