import { CHECK_VM_ACTION, matrixAction, sourceById } from '../../core/cite.ts';
import { reply, type Reply, type ReplyField, type ReplySource } from '../../core/reply.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { RULE_CATALOGUE } from '../rules/catalogue.ts';
import { HEADLINE_FEATURES } from '../rules/feature/feature-table.ts';
import { plain } from '../rules/helpers.ts';
import type { CheckReport, Finding } from './check-report.ts';

const MAX_FIELDS = 10;
const MAX_SOURCES = 8;
const SEVERITY_WORD: Record<Finding['severity'], string> = { critical: 'Critical', warning: 'Warning', info: 'Info', tip: 'Tip' };
const STATUS_WORD: Record<CheckReport['status'], string> = {
  supported: 'supported',
  not_supported: 'not supported',
  unknown: 'support unknown',
};
/** Context findings that the title and text already carry. */
const CONTEXT_IDS = new Set(['FEATURE_TABLE', 'HV_HOST_IDENTIFIED']);
/** Findings of rules that read the host's settings (host-side PowerShell output): the catalogue says which. */
const HOST_SETTING_IDS = new Set(RULE_CATALOGUE.filter((rule) => rule.needsFacts.includes('vmSettings')).map((rule) => rule.id));

export function guestLabel(kb: KnowledgeBase, report: CheckReport): string {
  const { distro, version, kernel } = report.guest;
  if (!distro) return kernel ? `unknown distribution, kernel ${kernel}` : 'unknown guest';
  return version ? `${kb.familyName(distro)} ${version}` : kb.familyName(distro);
}

export function hostLabel(report: CheckReport): string {
  return report.host ? `Windows Server ${report.host.id}` : 'unknown host';
}

function integrationText(report: CheckReport): string {
  const i = report.integration;
  if (!i) return 'integration services unknown';
  switch (i.kind) {
    case 'download':
      return `${i.package ?? 'LIS'} download`;
    case 'built-in':
      return 'built-in drivers';
    case 'ports':
      return 'FreeBSD ports package';
    case 'none':
      return 'no Hyper-V drivers loaded';
  }
}

function counts(findings: readonly Finding[]): string {
  const by = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts: string[] = [];
  for (const [s, word] of [
    ['critical', 'critical'],
    ['warning', 'warning'],
    ['info', 'info'],
    ['tip', 'tip'],
  ] as const) {
    const n = by(s);
    if (n > 0) parts.push(`${n} ${word}${n > 1 && s !== 'info' ? 's' : ''}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

const MAX_DIAGNOSTIC_NOTES = 4;
const SECTION_MISSING = /^INPUT_SECTION_MISSING:.*\[(.+)\]$/;

/**
 * What was wrong with the input, the missing sections in one line: a partial paste misses most of them, and a list
 * of those would crowd out the rest (a collector run without root, a cut-off upload).
 */
function diagnosticNotes(diagnostics: readonly string[]): string[] {
  const missing = diagnostics.map((d) => SECTION_MISSING.exec(d)?.[1]).filter((name): name is string => name !== undefined);
  const others = diagnostics.filter((d) => !SECTION_MISSING.test(d)).slice(0, MAX_DIAGNOSTIC_NOTES);
  return [
    ...others,
    ...(missing.length > 0
      ? [`Sections missing, so the checks that need them did not run: ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}.`]
      : []),
  ];
}

function field(f: Finding): ReplyField {
  const fix = f.fix ? ` Fix: ${plain(f.fix, 300)}` : '';
  return { label: `${SEVERITY_WORD[f.severity]}: ${f.title}`, value: `${plain(f.detail, 400)}${fix} (${f.id})` };
}

function sources(kb: KnowledgeBase, findings: readonly Finding[]): ReplySource[] {
  const ids = new Set<string>();
  for (const f of findings) {
    for (const word of (f.source ?? '').split(/[\s,;()]+/)) if (kb.sources.has(word)) ids.add(word);
  }
  return [...ids].slice(0, MAX_SOURCES).map((id) => sourceById(kb, id));
}

/** Host-side PowerShell output was all there was to read (Get-VMIntegrationService and its kin). */
function hostSettingsOnly(report: CheckReport): boolean {
  return (
    !report.guest.distro && !report.guest.kernel && report.findings.length > 0 && report.findings.every((f) => HOST_SETTING_IDS.has(f.id))
  );
}

/**
 * The report as the platform-neutral Reply every adapter renders. The title and headline are
 * built from our own words and validated values only; evidence quoted from the upload stays
 * out of headings and is capped (adapters escape all text).
 */
export function reportToReply(kb: KnowledgeBase, report: CheckReport): Reply {
  const important = report.findings.filter((f) => !CONTEXT_IDS.has(f.id));
  const top = important.slice(0, 3).map((f) => `${SEVERITY_WORD[f.severity]}: ${f.title}`);
  const text = [
    hostSettingsOnly(report)
      ? "Read from the host's settings only: with no output from the guest, its support and integration services are not judged."
      : `Status: ${STATUS_WORD[report.status]} (${guestLabel(kb, report)} on ${hostLabel(report)}); ${integrationText(report)}.`,
    `${counts(important)}.${top.length > 0 ? ` Top: ${top.join('; ')}.` : ''}`,
  ].join('\n');
  const features = report.features.filter((f) => HEADLINE_FEATURES.includes(f.feature));
  const notes = [
    ...(important.length > MAX_FIELDS
      ? [`${important.length - MAX_FIELDS} more findings are in the full report (lisbot check --json).`]
      : []),
    ...(report.input.truncated ? ['The upload was incomplete; some checks could not run.'] : []),
    ...diagnosticNotes(report.input.diagnostics),
    'Evidence lines are quoted from the upload as they were.',
  ];
  const { distro, version } = report.guest;
  return reply({
    intent: 'guest_check',
    title: `Check: ${guestLabel(kb, report)} on ${hostLabel(report)}`,
    text,
    entities: { ...(distro ? { distro } : {}), ...(version ? { version } : {}), ...(report.host ? { host: report.host.id } : {}) },
    fields: important.slice(0, MAX_FIELDS).map(field),
    ...(features.length > 0
      ? {
          table: {
            columns: ['Feature', 'Available', 'Why'],
            rows: features.map((f) => [kb.featureName(f.feature), f.available ? 'yes' : 'no', plain(f.why, 160)]),
          },
        }
      : {}),
    notes,
    sources: sources(kb, report.findings),
    actions: [CHECK_VM_ACTION, ...(distro ? [matrixAction(kb, distro)] : [])],
    verdict: report.status,
    ...(report.integration
      ? { integration: { kind: report.integration.kind, ...(report.integration.package ? { package: report.integration.package } : {}) } }
      : {}),
  });
}
