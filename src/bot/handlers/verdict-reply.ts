import { describeColumn, describeHosts, describeIntegration } from '../../knowledge/describe.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { ColumnReading, VerdictAnswer, VerdictKind, VerdictQuery } from '../../knowledge/query/verdict.ts';
import type { FeatureId } from '../../knowledge/schema/index.ts';
import type { Entities, Reply, ReplyField, ReplySource, Verdict } from '../../core/reply.ts';
import { integrationPreference, withoutRuledOutIntegration } from '../entities/integration.ts';
import { lisSeries } from '../../knowledge/query/lis-coverage.ts';
import { statedFacts } from '../entities/stated-facts.ts';
import { clientHostNamed } from '../entities/hosts.ts';
import { noteLines, refSources, sourcesOf } from '../../core/cite.ts';

/** The ask --json verdict: a conditional yes is a yes for the configuration named, with the condition in the text. */
export function jsonVerdict(verdict: VerdictKind): Verdict {
  if (verdict === 'yes' || verdict === 'conditional') return 'supported';
  if (verdict === 'no') return 'not_supported';
  return 'unknown';
}

const BUILT_IN_TOO = /\b(built[- ]?in|inbox|in-box)\b/i;

/** The engine's query for what the user named. */
export function verdictQuery(entities: Entities, question: string, feature?: FeatureId): VerdictQuery {
  const preference = integrationPreference(question);
  const stated = statedFacts(question);
  const client = entities.host && clientHostNamed(question, entities.host);
  return {
    family: entities.distro!,
    ...(entities.version ? { version: entities.version } : {}),
    ...(entities.arch ? { arch: entities.arch } : {}),
    ...(entities.kernel ? { kernel: entities.kernel } : {}),
    ...(entities.uek ? { uek: entities.uek } : {}),
    // "LIS 4.3 download or the built-in drivers?" compares the two rather than pinning one.
    ...(entities.lis && !BUILT_IN_TOO.test(withoutRuledOutIntegration(question))
      ? { lis: entities.lis }
      : preference
        ? { integration: preference }
        : {}),
    ...(entities.host ? { host: entities.host } : {}),
    ...(client ? { clientHost: client } : {}),
    ...(entities.asOf ? { asOf: entities.asOf } : {}),
    ...(feature ? { feature } : {}),
    ...(feature === 'vlan' && asksTrunking(question) ? { trunking: true } : {}),
    ...(Object.keys(stated).length ? { stated } : {}),
  };
}

/** The columns that carry the answer: the ones saying yes when the verdict is a yes, all of them otherwise. */
export function answeringColumns(answer: VerdictAnswer): ColumnReading[] {
  const yes = answer.deciding.filter((c) => c.verdict === 'yes' || c.verdict === 'conditional');
  return answer.verdict === 'yes' || answer.verdict === 'conditional' ? yes : [...answer.deciding];
}

/** The integration to report: built in wins when several columns answer, as the vendor supports it. */
export function replyIntegration(answer: VerdictAnswer): Reply['integration'] {
  if (answer.otherOs) return { kind: 'none' };
  if (answer.lis && answer.deciding.length === 0) return { kind: 'download', package: `LIS ${answer.lis.release.version}` };
  const columns = answeringColumns(answer).length ? answeringColumns(answer) : [...answer.deciding];
  const integrations = columns.map((c) => c.column.integration);
  const chosen = integrations.find((i) => i.kind === 'built-in') ?? integrations[0];
  if (!chosen) return undefined;
  // A page column names the series ("LIS 4.1"); a download the user named within it ("4.1.2") is the package, while a
  // repository tag ("4.3.5") was only ever shipped as its series' download.
  const release = answer.lis?.release;
  const named = release?.kind === 'download' ? release.version : undefined;
  if (chosen.kind === 'download' && chosen.package && named && lisSeries(chosen.package.replace(/^LIS /, '')) === lisSeries(named))
    return { kind: 'download', package: `LIS ${named}` };
  return chosen.package ? { kind: chosen.kind, package: chosen.package } : { kind: chosen.kind };
}

/** The deciding note in our words: the one that turned the verdict, or set its condition. */
export function decidingNoteLine(answer: VerdictAnswer): string | undefined {
  const effects = answer.deciding.flatMap((c) => c.effects);
  const deciding = effects.find((e) => e.outcome === 'no') ?? effects.find((e) => e.outcome === 'condition');
  if (!deciding) return undefined;
  return `Deciding note: ${deciding.note.summary ?? deciding.why} [${deciding.note.citation}]`;
}

export function columnState(reading: ColumnReading, entities: Entities): string {
  const conditions = reading.conditions.length ? ` (${reading.conditions.join('; ')})` : '';
  switch (reading.verdict) {
    case 'yes':
      return entities.host ? `yes on ${entities.host}` : `yes${reading.hosts.length ? ` on ${describeHosts(reading.hosts)}` : ''}`;
    case 'conditional':
      return `yes, if${conditions}`;
    case 'no':
      return `no${reading.reason ? `: ${reading.reason}` : ''}`;
    case 'not-in-matrix':
      return reading.reason ?? 'not in that source';
  }
}

export function verdictFields(kb: KnowledgeBase, answer: VerdictAnswer, entities: Entities, prefix = ''): ReplyField[] {
  const fields: ReplyField[] = answer.deciding
    .slice(0, 8)
    .map((c) => ({ label: `${prefix}${describeColumn(kb, c.column)}`, value: columnState(c, entities) }));
  const t = answer.timeline;
  if (t.first && t.last && t.first !== t.last)
    fields.push({ label: `${prefix}Listed`, value: `${t.first.era} to ${t.last.era} (${t.first.id} … ${t.last.id})` });
  if (t.disagreements.length) fields.push({ label: `${prefix}Sources disagree`, value: t.disagreements.join('; ') });
  if (answer.remedies.length && answer.verdict !== 'yes')
    fields.push({ label: `${prefix}What would make it a yes`, value: answer.remedies.map((r) => r.text).join('; ') });
  return fields;
}

export function verdictNotes(answer: VerdictAnswer): string[] {
  return noteLines(answeringColumns(answer).flatMap((c) => c.notes));
}

export function verdictSources(kb: KnowledgeBase, answer: VerdictAnswer): ReplySource[] {
  if (answer.otherOs) return refSources(kb, answer.otherOs.sources);
  if (answer.lis && answer.deciding.length === 0) return refSources(kb, answer.lis.release.sources);
  const deciding = answer.decidingEra ? [answer.decidingEra.source] : [];
  const agreeing = answer.timeline.agreeing.map((s) => s.source);
  const nearest = answer.nearest.map((m) => m.snapshot.source);
  return sourcesOf(kb, [...deciding, ...agreeing, ...nearest]);
}

export function nearestLine(kb: KnowledgeBase, answer: VerdictAnswer): string {
  if (!answer.nearest.length) return '';
  return `The nearest listed release: ${answer.nearest.map((m) => describeColumn(kb, m.column)).join('; ')} — that is not an answer for ${answer.query.version ?? 'it'}.`;
}

/** "SR-IOV for RHEL 7.1 with LIS 4.3: no" — and from which release of the family the deciding page has it. */
export function laterReleaseLine(answer: VerdictAnswer, featureName: string): string {
  const later = answer.remedies.find((r) => r.kind === 'later-release');
  const page = answer.deciding[0]?.snapshot.id;
  if (answer.verdict !== 'no' || !later || !page) return '';
  return `The page lists ${featureName}${answer.query.host ? ` on ${answer.query.host}` : ''} from ${later.text} [${page}].`;
}

/** "There is no built-in LIS for 6.2, so install the LIS 4.3 download." */
export function downloadAdvice(answer: VerdictAnswer): string {
  const columns = answeringColumns(answer);
  if (!answer.query.version || columns.length === 0 || answer.query.lis) return '';
  if (!columns.every((c) => c.column.integration.kind === 'download')) return '';
  return ` There is no built-in LIS for this version, so install ${describeIntegration(columns[0]!.column.integration)}.`;
}

/** "vlan trunking into rhel 6.7?" asks for trunking; "just tagging, no trunk ports" rules it out. */
function asksTrunking(question: string): boolean {
  return /\btrunk/i.test(question.replace(/\b(?:no|not|without|never|rather than|instead of)\s+(?:\w+\s+)?trunk\w*/gi, ' '));
}
