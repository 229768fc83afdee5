import { describeColumn, describeHosts, describeIntegration } from '../../knowledge/describe.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { cellStatus } from '../../knowledge/query/feature.ts';
import { querySupport, type ColumnMatch, type SupportAnswer } from '../../knowledge/query/support.ts';
import type { HostId, Integration } from '../../knowledge/schema/index.ts';
import { describeVersionItems } from '../../knowledge/version.ts';
import { reply, type Reply, type Verdict } from '../../core/reply.ts';
import { CHECK_VM_ACTION, matrixAction, noteLines, refSources, sourcesOf } from '../../core/cite.ts';
import { clarifyDistro } from './clarify.ts';
import { integrationPreference } from '../entities/integration.ts';
import type { IntentHandler } from './handler.ts';

/** The integration to report when a version has several: built in wins, as the vendor supports it. */
export function primaryIntegration(matches: readonly ColumnMatch[]): { kind: Integration['kind']; package?: string } | undefined {
  const integrations = matches.map((m) => m.column.integration);
  const chosen = integrations.find((i) => i.kind === 'built-in') ?? integrations[0];
  if (!chosen) return undefined;
  return chosen.package ? { kind: chosen.kind, package: chosen.package } : { kind: chosen.kind };
}

export function eraSentence(kb: KnowledgeBase, answer: SupportAnswer): string {
  const snapshot = answer.matches[0]?.snapshot;
  if (!snapshot) return '';
  if (answer.status === 'listed-earlier') {
    return ` It was last listed in the ${snapshot.era} matrix; the ${answer.droppedIn?.era ?? 'newer'} matrix no longer lists it, so treat it as out of Microsoft's current support list.`;
  }
  return ` Listed in the current matrix (${snapshot.era}).`;
}

function coreHosts(match: ColumnMatch): HostId[] {
  return cellStatus(match.column.features.core, undefined).hosts;
}

function hostVerdict(matches: readonly ColumnMatch[], host: HostId | undefined): boolean {
  if (!host) return true;
  return matches.some((m) => m.column.features.core === undefined || cellStatus(m.column.features.core, host).status === 'available');
}

export const distroSupportHandler: IntentHandler = {
  intent: 'distro_support',
  handle({ kb, entities, question }): Reply {
    const family = entities.distro;
    if (!family) return clarifyDistro(kb, 'distro_support', entities);
    const name = `${kb.familyName(family)}${entities.version ? ` ${entities.version}` : ''}`;
    const answer = querySupport(kb, { family, version: entities.version, kernel: entities.kernel, integration: integrationPreference(question) });
    const base = { intent: 'distro_support' as const, entities, actions: [matrixAction(kb, family), CHECK_VM_ACTION] };

    if (answer.status === 'does-not-run' || answer.status === 'emulated-only') {
      const how = answer.status === 'does-not-run' ? 'does not run on Hyper-V' : 'runs on Hyper-V only with emulated devices, without integration services';
      return reply({ ...base, actions: [], title: `${name} on Hyper-V`, verdict: 'not_supported', integration: { kind: 'none' },
        text: `No. ${name} ${how}. ${answer.otherOs?.reason ?? ''}`.trim(), sources: refSources(kb, answer.otherOs?.sources ?? []) });
    }
    if (answer.status === 'no-data' || answer.status === 'not-listed') {
      const nearest = answer.nearest.map((m) => describeColumn(kb, m.column));
      const text = answer.status === 'no-data'
        ? `I have no Microsoft support matrix for ${name}, so I can't say whether it is supported.`
        : `No Microsoft matrix I know lists ${name}, so I can't say whether it is supported.${nearest.length ? ` The nearest listed release: ${nearest.join('; ')} — that is not an answer for ${entities.version}.` : ''}`;
      return reply({ ...base, title: `${name}: not in the matrix`, verdict: 'unknown', text,
        sources: sourcesOf(kb, answer.nearest.map((m) => m.snapshot.source)) });
    }

    const matches = answer.matches;
    const onHost = hostVerdict(matches, entities.host);
    const verdict: Verdict = onHost ? 'supported' : 'not_supported';
    const options = matches.map((m) => `${describeVersionItems(m.column.versions)}${m.column.kernel ? ` ${m.column.kernel.label ?? m.column.kernel.flavor.toUpperCase()}` : ''}: ${describeIntegration(m.column.integration)}`);
    const hosts = describeHosts(matches.flatMap(coreHosts));
    const lead = !onHost
      ? `No. ${name} is not listed for Windows Server ${entities.host}: the matrix lists it on ${hosts || 'other hosts'}.`
      : entities.version
        ? `Yes. ${name} is supported, with integration services ${options.length === 1 ? describeIntegration(matches[0]!.column.integration) : `in ${options.length} ways: ${options.join('; ')}`}.${hosts ? ` Hosts: ${hosts}.` : ''}`
        : `${kb.familyName(family)} is supported. Listed releases: ${options.join('; ')}.`;
    const needsDownload = entities.version && matches.every((m) => m.column.integration.kind === 'download')
      ? ` There is no built-in LIS for this version, so install the ${matches[0]!.column.integration.package ?? 'LIS'} download.` : '';
    const notes = noteLines(matches.flatMap((m) => [...m.column.integration.notes, ...(m.column.features.core?.flatMap((e) => e.notes) ?? [])]
      .map((ref) => kb.resolveNote(m.snapshot, ref)).filter((n) => n !== undefined)));
    return reply({
      ...base,
      title: `${name} on Hyper-V`,
      text: `${lead}${onHost ? needsDownload : ''}${eraSentence(kb, answer)}`,
      verdict,
      integration: primaryIntegration(matches),
      fields: matches.slice(0, 10).map((m) => ({ label: describeColumn(kb, m.column), value: `${describeIntegration(m.column.integration)}; hosts ${describeHosts(coreHosts(m)) || 'not given'}` })),
      notes,
      sources: sourcesOf(kb, matches.map((m) => m.snapshot.source)),
    });
  },
};
