import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { FeatureId, LisRelease } from '../../knowledge/schema/index.ts';
import { compareLisVersions, describeVersionItems } from '../../knowledge/version.ts';
import { reply, type Reply } from '../../core/reply.ts';
import { refSources } from '../../core/cite.ts';
import { decideVerdict } from '../../knowledge/query/verdict.ts';
import { featureIds } from './feature-support.ts';
import type { HandlerInput, IntentHandler } from './handler.ts';

const LIS_MENTION = /\b(?:lis|bis)\s*(\d+(?:\.\d+){0,3}(?:-\d+)?)/gi;

function releaseOrder(a: LisRelease, b: LisRelease): number {
  return compareLisVersions(a.version, b.version);
}

function describeRelease(kb: KnowledgeBase, release: LisRelease): string {
  const guests = release.guests
    .map((g) => `${kb.familyName(g.family)}${g.kernel ? ` ${g.kernel.toUpperCase()}` : ''} ${describeVersionItems(g.versions)}`)
    .join('; ');
  const hosts = release.hosts.length ? ` Hosts: ${release.hosts.join(', ')}.` : '';
  const added = release.featuresAdded.length ? ` Added: ${release.featuresAdded.map((f) => kb.featureName(f)).join(', ')}.` : '';
  return `LIS ${release.version}${release.released ? ` (${release.released})` : ''}: ${release.highlights.join(' ')}${guests ? ` Guests: ${guests}.` : ''}${hosts}${added}`;
}

/** Releases named in the question: "4.1" matches 4.1 itself, or its point releases when 4.1 has no record. */
function namedReleases(kb: KnowledgeBase, question: string): { named: string[]; found: LisRelease[] } {
  const named = [...question.matchAll(LIS_MENTION)].map((m) => m[1]!);
  const second = /\b(?:lis|bis)\s*\d+(?:\.\d+)+\s*(?:vs\.?|versus|or|and)\s*(\d+(?:\.\d+)+)/i.exec(question)?.[1];
  if (second) named.push(second);
  const found = named.flatMap((version) => {
    const exact = kb.lisReleases.filter((r) => r.version === version);
    return exact.length ? exact : kb.lisReleases.filter((r) => r.version.startsWith(`${version}.`) || r.version.startsWith(`${version}-`));
  });
  return { named, found: [...new Set(found)].sort(releaseOrder) };
}

function howToTell(kb: KnowledgeBase, input: HandlerInput, newest: LisRelease | undefined): Reply {
  const tips = kb.tips.filter((t) => t.keywords.includes('lis-version'));
  const text = [
    ...tips.map((t) => `${t.advice}${t.check ? ` Check: ${t.check}` : ''}`),
    newest ? `The newest Microsoft LIS download in my records is ${newest.version}${newest.released ? ` (${newest.released})` : ''}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return reply({
    intent: 'lis_version',
    entities: input.entities,
    answered: tips.length > 0,
    title: 'Which LIS do I have?',
    text: text || 'I have no records on reading the LIS version.',
    sources: [...tips.flatMap((t) => refSources(kb, t.sources)), ...(newest ? refSources(kb, newest.sources) : [])],
  });
}

/** How to read the installed LIS, and what each Microsoft LIS release covered. */
export const lisVersionHandler: IntentHandler = {
  intent: 'lis_version',
  handle(input): Reply {
    const { kb, question, entities } = input;
    const downloads = kb.lisReleases.filter((r) => r.kind === 'download').sort(releaseOrder);
    const newest = downloads[downloads.length - 1];
    const { named, found } = namedReleases(kb, question);
    const feature: FeatureId | undefined = entities.feature ? featureIds(entities.feature)[0] : undefined;
    const addedFeature =
      feature && /\badd(ed|s)?|introduc|first|new\b/i.test(question)
        ? kb.lisReleases.filter((r) => r.featuresAdded.includes(feature)).sort(releaseOrder)
        : [];
    const releases = found.length ? found : addedFeature;
    if (releases.length === 0 && named.length > 0) {
      return reply({
        intent: 'lis_version',
        entities,
        title: `LIS ${named[0]}`,
        text: `I have no record of LIS ${named[0]}. The newest Microsoft LIS download in my records is ${newest?.version ?? 'unknown'}${newest?.released ? ` (${newest.released})` : ''}.`,
        fields: downloads.slice(-6).map((r) => ({ label: `LIS ${r.version}`, value: r.released ?? 'date unknown' })),
        sources: newest ? refSources(kb, newest.sources) : [],
      });
    }
    if (releases.length === 0) return howToTell(kb, input, newest);
    const shown = releases.slice(0, 4);
    // "does LIS 4.0 cover RHEL 7.2?": the engine's coverage verdict leads.
    const coverage =
      entities.distro && entities.version && found[0]
        ? decideVerdict(kb, {
            family: entities.distro,
            version: entities.version,
            lis: found[0].version,
            ...(entities.kernel ? { kernel: entities.kernel } : {}),
          }).headline
        : undefined;
    return reply({
      intent: 'lis_version',
      entities,
      title: shown.map((r) => `LIS ${r.version}`).join(' · '),
      text: `${coverage ? `${coverage} ` : ''}${addedFeature.length && !found.length ? `${kb.featureName(feature!)} first came with LIS ${addedFeature[0]!.version}. ` : ''}${shown.map((r) => describeRelease(kb, r)).join(' ')}`,
      notes: shown.some((r) => r.confidence !== 'high')
        ? ['Some of this comes from the distro pages and repository tags, not release notes.']
        : [],
      sources: shown.flatMap((r) => refSources(kb, r.sources)),
    });
  },
};
