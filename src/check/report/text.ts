import { plain } from '../rules/helpers.ts';
import type { CheckReport } from './check-report.ts';

const SEVERITY_TAG: Record<string, string> = { critical: 'CRITICAL', warning: 'WARNING ', info: 'INFO    ', tip: 'TIP     ' };

/** A readable plain-text report for the terminal. Upload text is flattened to one line and stripped of control characters. */
export function renderReportText(report: CheckReport, extra: { notEvaluated?: number; vmId?: string } = {}): string {
  const g = report.guest;
  const lines: string[] = [];
  if (extra.vmId !== undefined) lines.push(`VM:          ${plain(extra.vmId, 80)}`);
  const guest = [g.distro ?? 'unknown distribution', g.version ?? ''].join(' ').trim();
  const kernel = g.kernel ? `, kernel ${plain(g.kernel, 100)}` : '';
  const arch = g.arch ? ` (${plain(g.arch, 20)})` : '';
  lines.push(`Guest:       ${guest}${kernel}${arch}${g.generation ? `, Generation ${g.generation}` : ''}`);
  lines.push(`Host:        ${report.host ? `Windows Server ${report.host.id} (from ${report.host.source})` : 'unknown'}`);
  const i = report.integration;
  lines.push(`Integration: ${i ? `${i.kind}${i.package ? ` (${i.package})` : ''}` : 'unknown'}`);
  lines.push(`Status:      ${report.status.replace('_', ' ')}`);
  lines.push(
    `Input:       ${report.input.sections} sections${report.input.truncated ? ', truncated' : ''}${extra.notEvaluated !== undefined ? `; ${extra.notEvaluated} rules not evaluated (facts missing)` : ''}`,
  );
  for (const d of report.input.diagnostics) lines.push(`             ${d}`);
  if (report.not_evaluated && report.not_evaluated.length > 0) {
    lines.push('', `Not evaluated (${report.not_evaluated.length}):`);
    for (const n of report.not_evaluated) lines.push(`  ${n.id}: not evaluated (needs ${n.needs.join(', ')})`);
  }

  lines.push('', `Findings (${report.findings.length}):`);
  if (report.findings.length === 0) lines.push('  none');
  for (const f of report.findings) {
    lines.push(`  ${SEVERITY_TAG[f.severity] ?? f.severity} ${f.id}: ${f.title}`);
    lines.push(`      ${plain(f.detail, 1000)}`);
    if (f.fix) lines.push(`      Fix: ${plain(f.fix, 1000)}`);
    for (const e of f.evidence) lines.push(`      > ${plain(e, 200)}`);
    if (f.source) lines.push(`      Source: ${plain(f.source, 300)}`);
  }

  if (report.features.length > 0) {
    const width = Math.max(...report.features.map((f) => f.feature.length));
    lines.push('', 'Features:');
    for (const f of report.features) lines.push(`  ${f.feature.padEnd(width)}  ${f.available ? 'yes' : 'no '}  ${plain(f.why, 200)}`);
  }
  return `${lines.join('\n')}\n`;
}
