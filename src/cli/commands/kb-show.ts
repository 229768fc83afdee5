import { flag, stringOption, writeLine, type CliCommand } from '../command.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { describeColumn, describeHosts, describeIntegration, describeSource } from '../../knowledge/describe.ts';
import { cellStatus } from '../../knowledge/query/feature.ts';
import { querySupport, type ColumnMatch, type SupportAnswer } from '../../knowledge/query/support.ts';
import { versionLifecycle } from '../../knowledge/query/lifecycle.ts';
import { FEATURE_IDS, type HostId } from '../../knowledge/schema/index.ts';
import { dateOption, familyArgument, hostOption, knowledgeBase, versionArgument } from './kb-context.ts';

function statusLine(kb: KnowledgeBase, answer: SupportAnswer): string {
  const name = `${kb.familyName(answer.query.family)}${answer.query.version ? ` ${answer.query.version}` : ''}`;
  switch (answer.status) {
    case 'listed': return `${name} is listed in ${answer.current?.id}.`;
    case 'listed-earlier': return `${name} was last listed in ${answer.matches[0]?.snapshot.id}; the newest page, ${answer.current?.id}, no longer lists it.`;
    case 'not-listed': return `${name} is not listed in any version of the matrix.`;
    case 'does-not-run': return `${name} does not run on Hyper-V: ${answer.otherOs?.reason}`;
    case 'emulated-only': return `${name} runs only with emulated devices: ${answer.otherOs?.reason}`;
    case 'no-data': return `The KB has no matrix for ${name}.`;
  }
}

function columnLines(kb: KnowledgeBase, match: ColumnMatch, host: HostId | undefined, version: string | undefined): string[] {
  const { column, snapshot } = match;
  const lines = [``, `${describeColumn(kb, column)} — ${column.table}`, `  Integration services: ${describeIntegration(column.integration)}`];
  const lifecycle = version ? versionLifecycle(kb, column.families[0]!, version, column) : undefined;
  if (lifecycle) lines.push(`  Listed this way from ${lifecycle.firstSeen.id} (${lifecycle.firstSeen.era}) to ${lifecycle.lastSeen.id} (${lifecycle.lastSeen.era})`);
  const unavailable: string[] = [];
  for (const feature of FEATURE_IDS) {
    const cell = column.features[feature];
    if (!cell) continue;
    const { status, hosts } = cellStatus(cell, host);
    const notes = cell.flatMap((e) => e.notes).map((ref) => kb.resolveNote(snapshot, ref)?.position).filter((p) => p !== undefined);
    const noteText = notes.length ? ` [note ${[...new Set(notes)].join(', ')}]` : '';
    if (status === 'available') lines.push(`  ✔ ${kb.featureName(feature).padEnd(34)} ${host ?? describeHosts(hosts)}${noteText}`);
    else if (status === 'not-applicable') lines.push(`  – ${kb.featureName(feature).padEnd(34)} not applicable`);
    else unavailable.push(kb.featureName(feature) + (status === 'not-on-host' ? ` (not on ${host})` : ''));
  }
  if (unavailable.length) lines.push(`  ✖ Not available: ${unavailable.join(', ')}`);
  return lines;
}

function noteLines(kb: KnowledgeBase, matches: readonly ColumnMatch[]): string[] {
  const seen = new Map<string, string>();
  for (const { column, snapshot } of matches) {
    const refs = [...column.integration.notes, ...Object.values(column.features).flatMap((cell) => cell.flatMap((e) => e.notes))];
    for (const ref of refs) {
      const note = kb.resolveNote(snapshot, ref);
      if (note?.summary && !seen.has(note.citation)) seen.set(note.citation, `  [${note.position}] ${note.summary} (${note.citation})`);
    }
  }
  return seen.size ? ['', 'Notes:', ...seen.values()] : [];
}

export const kbShowCommand: CliCommand = {
  name: 'kb show',
  usage: 'lisbot kb show DISTRO [VERSION] [--host HOST] [--as-of YYYY-MM-DD] [--kernel rhck|uek] [--json]',
  details: 'Examples: lisbot kb show rhel 6.2 · lisbot kb show ubuntu trusty --host 2012r2 · lisbot kb show oracle-linux 7.6 --kernel uek',
  options: { host: { type: 'string' }, 'as-of': { type: 'string' }, kernel: { type: 'string' }, json: { type: 'boolean' } },
  run(args, io) {
    const kb = knowledgeBase(io.env);
    const { family, version: codenameVersion } = familyArgument(kb, args.positionals[0]);
    const version = versionArgument(args.positionals[1], { kb, family }) ?? codenameVersion;
    const host = hostOption(args);
    const kernel = stringOption(args, 'kernel');
    const answer = querySupport(kb, {
      family, version, asOf: dateOption(args, 'as-of'), kernel: kernel === 'uek' || kernel === 'rhck' ? kernel : undefined,
    });
    if (flag(args, 'json')) {
      writeLine(io.stdout, JSON.stringify({
        family, version, host, status: answer.status,
        columns: answer.matches.map(({ column, snapshot }) => {
          const lifecycle = version ? versionLifecycle(kb, family, version, column) : undefined;
          return { snapshot: snapshot.id, key: column.key, header: column.header, integration: column.integration,
            ...(lifecycle ? { firstSeen: lifecycle.firstSeen.id, lastSeen: lifecycle.lastSeen.id } : {}) };
        }),
        droppedIn: answer.droppedIn?.id,
        nearest: answer.nearest.map(({ column, snapshot }) => ({ snapshot: snapshot.id, key: column.key })),
      }));
      return Promise.resolve(0);
    }
    const lines = [statusLine(kb, answer)];
    for (const match of answer.matches) lines.push(...columnLines(kb, match, host, version));
    if (answer.nearest.length) {
      lines.push('', 'Nearest listed releases (not an answer for this version):');
      for (const { column } of answer.nearest) lines.push(`  ${describeColumn(kb, column)}`);
    }
    lines.push(...noteLines(kb, answer.matches));
    const sources = new Set(answer.matches.map((m) => m.snapshot.source));
    for (const ref of answer.otherOs?.sources ?? []) sources.add(ref.source);
    if (sources.size) lines.push('', `Sources: ${[...sources].map((s) => describeSource(kb, s)).join('; ')}`);
    writeLine(io.stdout, lines.join('\n'));
    return Promise.resolve(0);
  },
};
