import type { Reply, ReplyTable } from '../../core/reply.ts';

function tableLines(table: ReplyTable): string[] {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [line(table.columns), widths.map((w) => '-'.repeat(w)).join('-|-'), ...table.rows.map(line)];
}

/** The reply as plain text for a terminal or the CLI. Actions are numbered so the console can offer them. */
export function renderPlainText(reply: Reply, options: { actions?: boolean } = {}): string {
  const lines = [reply.title, reply.text];
  if (reply.fields.length) lines.push('', ...reply.fields.map((f) => `  ${f.label}: ${f.value}`));
  if (reply.table) lines.push('', ...tableLines(reply.table));
  if (reply.notes.length) lines.push('', 'Notes:', ...reply.notes.map((n) => `  - ${n}`));
  if (reply.sources.length) lines.push('', 'Sources:', ...reply.sources.map((s) => `  - ${s.title}${s.url ? ` <${s.url}>` : ''}`));
  if (options.actions && reply.actions.length) lines.push('', reply.actions.map((a, i) => `[${i + 1}] ${a.label}`).join('  '));
  return lines.join('\n');
}
