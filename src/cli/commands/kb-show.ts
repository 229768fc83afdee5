import { flag, stringOption, writeLine, type CliCommand } from '../command.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { describeColumn, describeHosts, describeIntegration, describeSource } from '../../knowledge/describe.ts';
import { readColumn, type ColumnReading } from '../../knowledge/query/column-reading.ts';
import { decideVerdict, type VerdictAnswer } from '../../knowledge/query/verdict.ts';
import { versionLifecycle } from '../../knowledge/query/lifecycle.ts';
import { FEATURE_IDS } from '../../knowledge/schema/index.ts';
import { asOfOption, familyArgument, hostOption, knowledgeBase, versionOrCodename } from './kb-context.ts';

const MARK = { yes: '✔', conditional: '✔*', no: '✖', 'not-in-matrix': '?' } as const;

function columnLines(kb: KnowledgeBase, answer: VerdictAnswer, reading: ColumnReading): string[] {
  const { column, snapshot } = reading;
  const { query } = answer;
  const lines = [
    '',
    `${describeColumn(kb, column)} — ${column.table} (${snapshot.id})`,
    `  Integration services: ${describeIntegration(column.integration)}`,
  ];
  const lifecycle = query.version ? versionLifecycle(kb, query.family, query.version, column) : undefined;
  if (lifecycle)
    lines.push(
      `  Listed this way from ${lifecycle.firstSeen.id} (${lifecycle.firstSeen.era}) to ${lifecycle.lastSeen.id} (${lifecycle.lastSeen.era})`,
    );
  const unavailable: string[] = [];
  // Names line up however long the longest is ("Virtual Receive Side Scaling (vRSS)" and the like).
  const nameWidth = Math.max(...FEATURE_IDS.filter((f) => column.features[f]).map((f) => kb.featureName(f).length), 0);
  for (const feature of FEATURE_IDS) {
    if (!column.features[feature]) continue;
    const cell = readColumn(kb, snapshot, column, reading.match, {
      family: query.family,
      version: query.version,
      arch: query.arch,
      host: query.host,
      feature,
    });
    const notes = [...new Set(cell.notes.map((n) => n.position))];
    const noteText = notes.length ? ` [note ${notes.join(', ')}]` : '';
    const where = query.host ?? describeHosts(cell.hosts);
    if (cell.verdict === 'yes') lines.push(`  ${MARK.yes.padEnd(2)} ${kb.featureName(feature).padEnd(nameWidth)} ${where}${noteText}`);
    else if (cell.verdict === 'conditional')
      lines.push(
        `  ${MARK.conditional} ${kb.featureName(feature).padEnd(nameWidth)} ${where}${noteText} — if ${cell.conditions.join('; ')}`,
      );
    else if (cell.status === 'not-applicable') lines.push(`  –  ${kb.featureName(feature).padEnd(nameWidth)} not applicable`);
    else
      unavailable.push(
        `${kb.featureName(feature)}${cell.status === 'not-on-host' ? ` (not on ${query.host})` : cell.reason && cell.status === 'available' ? ` (${cell.reason})` : ''}`,
      );
  }
  if (unavailable.length) lines.push(`  ✖  Not available: ${unavailable.join(', ')}`);
  return lines;
}

function noteLines(kb: KnowledgeBase, readings: readonly ColumnReading[]): string[] {
  const seen = new Map<string, string>();
  for (const { column, snapshot } of readings) {
    const refs = [...column.integration.notes, ...Object.values(column.features).flatMap((cell) => cell.flatMap((e) => e.notes))];
    for (const ref of refs) {
      const note = kb.resolveNote(snapshot, ref);
      if (note?.summary && !seen.has(note.citation)) seen.set(note.citation, `  [${note.position}] ${note.summary} (${note.citation})`);
    }
  }
  return seen.size ? ['', 'Notes:', ...seen.values()] : [];
}

function timelineLines(answer: VerdictAnswer): string[] {
  const t = answer.timeline;
  const lines: string[] = [];
  if (t.first && t.last) lines.push(`Listed from ${t.first.id} (${t.first.era}) to ${t.last.id} (${t.last.era}).`);
  for (const a of t.hostsAdded) lines.push(`  ${a.snapshot.id} added ${a.hosts.join(', ')}`);
  for (const d of t.hostsDropped) lines.push(`  ${d.snapshot.id} dropped ${d.hosts.join(', ')}`);
  for (const d of t.disagreements) lines.push(`  Sources disagree: ${d}`);
  if (answer.remedies.length && answer.verdict !== 'yes')
    lines.push(`What would make it a yes: ${answer.remedies.map((r) => r.text).join('; ')}`);
  return lines;
}

export const kbShowCommand: CliCommand = {
  name: 'kb show',
  usage:
    'lisbot kb show DISTRO [VERSION|CODENAME] [--host HOST] [--as-of YYYY-MM-DD|SNAPSHOT-ID] [--kernel rhck|uek] [--uek RELEASE] [--lis RELEASE] [--json]',
  details:
    'Examples: lisbot kb show rhel 6.2 · lisbot kb show ubuntu trusty --host 2012r2 · lisbot kb show oracle-linux 6.5 --uek "R3 QU1" · lisbot kb show rhel 5.7 --lis 3.4',
  options: {
    host: { type: 'string' },
    'as-of': { type: 'string' },
    kernel: { type: 'string' },
    uek: { type: 'string' },
    lis: { type: 'string' },
    json: { type: 'boolean' },
  },
  run(args, io) {
    const kb = knowledgeBase(io.env);
    const { family, version: codenameVersion } = familyArgument(kb, args.positionals[0]);
    const version = versionOrCodename(kb, family, args.positionals[1]) ?? codenameVersion;
    const host = hostOption(args);
    const kernel = stringOption(args, 'kernel');
    const uek = stringOption(args, 'uek');
    const lis = stringOption(args, 'lis');
    const asOf = asOfOption(kb, args);
    const answer = decideVerdict(kb, {
      family,
      ...(version ? { version } : {}),
      ...(host ? { host } : {}),
      ...(asOf ? { asOf } : {}),
      ...(uek ? { uek } : {}),
      ...(lis ? { lis } : {}),
      ...(kernel === 'uek' || kernel === 'rhck' ? { kernel } : {}),
    });
    if (flag(args, 'json')) {
      writeLine(
        io.stdout,
        JSON.stringify({
          family,
          version,
          host,
          verdict: answer.verdict,
          reason: answer.reason,
          headline: answer.headline,
          conditions: answer.conditions,
          decidingSnapshot: answer.decidingEra?.id,
          columns: answer.deciding.map(({ column, snapshot, verdict }) => {
            const lifecycle = version ? versionLifecycle(kb, family, version, column) : undefined;
            return {
              snapshot: snapshot.id,
              key: column.key,
              header: column.header,
              integration: column.integration,
              verdict,
              ...(lifecycle ? { firstSeen: lifecycle.firstSeen.id, lastSeen: lifecycle.lastSeen.id } : {}),
            };
          }),
          timeline: {
            first: answer.timeline.first?.id,
            last: answer.timeline.last?.id,
            agreeing: answer.timeline.agreeing.map((s) => s.id),
            hostsAdded: answer.timeline.hostsAdded.map((a) => ({ snapshot: a.snapshot.id, hosts: a.hosts })),
            hostsDropped: answer.timeline.hostsDropped.map((d) => ({ snapshot: d.snapshot.id, hosts: d.hosts })),
            disagreements: answer.timeline.disagreements,
          },
          remedies: answer.remedies,
          nearest: answer.nearest.map(({ column, snapshot }) => ({ snapshot: snapshot.id, key: column.key })),
        }),
      );
      return Promise.resolve(0);
    }
    const lines = [answer.otherOs ? `${answer.headline} ${answer.otherOs.reason}` : answer.headline, ...timelineLines(answer)];
    for (const reading of answer.deciding) lines.push(...columnLines(kb, answer, reading));
    if (answer.nearest.length) {
      lines.push('', 'Nearest listed releases (not an answer for this version):');
      for (const { column } of answer.nearest) lines.push(`  ${describeColumn(kb, column)}`);
    }
    lines.push(...noteLines(kb, answer.deciding));
    const sources = new Set([...answer.deciding.map((m) => m.snapshot.source), ...answer.timeline.agreeing.map((s) => s.source)]);
    for (const ref of answer.otherOs?.sources ?? answer.lis?.release.sources ?? []) sources.add(ref.source);
    if (sources.size) lines.push('', `Sources: ${[...sources].map((s) => describeSource(kb, s)).join('; ')}`);
    writeLine(io.stdout, lines.join('\n'));
    return Promise.resolve(0);
  },
};
