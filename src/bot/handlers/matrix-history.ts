import type { KnowledgeBase } from '../../knowledge/index.ts';
import { diffKb, type KbChange } from '../../knowledge/diff.ts';
import { describeChange } from '../../knowledge/describe-change.ts';
import { hostFirstListed, versionLifecycle } from '../../knowledge/query/lifecycle.ts';
import type { DistroId, HostId, MatrixSnapshot } from '../../knowledge/schema/index.ts';
import { reply, type Entities, type Reply, type ReplySource } from '../../core/reply.ts';
import { sourceById } from '../../core/cite.ts';
import { featureIds } from './feature-entity.ts';
import { KbMemo } from '../../knowledge/kb-memo.ts';

/** How many changes the answer lists; the rest are counted. */
const MAX_CHANGES = 8;
/** "what's new" with no date looks back this far from the newest page. */
const RECENT_DAYS = 365;

const YEAR = /\b(20(?:0[89]|1\d|2\d))\b/g;
const SINCE = /\b(?:since|after|from|starting)\s+(?:the\s+)?(?:\w+\s+)?$/;

/** The window of page eras a question asks about: "between 2019 and 2023", "since 2019", "in 2023", or the last year. */
export function windowOf(question: string, newestEra: string): { from: string; to: string } {
  const years = [...question.matchAll(YEAR)].map((m) => ({ year: Number(m[1]), at: m.index }));
  const endOf = (year: number) => `${year}-12-31`;
  if (years.length >= 2) {
    const [a, b] = [years[0]!.year, years[years.length - 1]!.year].sort((x, y) => x - y);
    return { from: endOf(a!), to: endOf(b!) };
  }
  const only = years[0];
  if (only && SINCE.test(question.slice(0, only.at).toLowerCase())) return { from: endOf(only.year), to: newestEra };
  if (only) return { from: endOf(only.year - 1), to: endOf(only.year) };
  const recent = new Date(Date.parse(newestEra) - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  return { from: recent, to: newestEra };
}

function snapshotSources(kb: KnowledgeBase, snapshots: readonly MatrixSnapshot[]): ReplySource[] {
  const ids = [...new Set(snapshots.map((s) => s.id))].filter((id) => kb.sources.has(id));
  return ids.slice(0, 6).map((id) => sourceById(kb, id));
}

function changedSnapshots(changes: readonly KbChange[]): MatrixSnapshot[] {
  return changes.flatMap((c) => (c.kind === 'lis-release' ? [] : c.kind === 'added' ? [c.to] : c.kind === 'dropped' ? [c.from] : [c.to]));
}

/** A diff over every family's pages costs milliseconds; a window asked once is asked again. */
const changesMemo = new KbMemo<readonly KbChange[]>(256);

/** Releases added or dropped first: what a reader scans for; feature cells after them. */
const KIND_ORDER: Readonly<Record<KbChange['kind'], number>> = {
  added: 0,
  dropped: 1,
  'versions-changed': 2,
  'host-added': 3,
  'host-removed': 4,
  'lis-release': 5,
  'feature-added': 6,
  'feature-removed': 7,
};

/** What changed in the matrices (of one family, for one feature, when named) over the window the question gives. */
function changesReply(kb: KnowledgeBase, question: string, entities: Entities): Reply {
  const { from, to } = windowOf(question, kb.newestEra);
  const family = entities.distro;
  const filter = {
    ...(family ? { families: [family] } : {}),
    ...(entities.feature ? { features: [...featureIds(entities.feature)] } : {}),
  };
  const changes = changesMemo.get(kb, `${from}\u0000${to}\u0000${family ?? ''}\u0000${entities.feature ?? ''}`, () =>
    diffKb(kb, from, to, filter).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]),
  );
  const scope = family ? `the ${kb.familyName(family)} matrix` : 'the matrices';
  const lines = changes.slice(0, MAX_CHANGES).map((c) => describeChange(kb, c));
  const more = changes.length > MAX_CHANGES ? ` and ${changes.length - MAX_CHANGES} more` : '';
  return reply({
    intent: 'digest',
    entities,
    title: `What changed in ${scope}, ${from} to ${to}`,
    text:
      changes.length === 0
        ? `Nothing changed in ${scope} between the pages of ${from} and ${to} that I hold.`
        : `${changes.length} change${changes.length === 1 ? '' : 's'} in ${scope} between the pages of ${from} and ${to}: ${lines.join('; ')}${more}.`,
    fields: lines.map((line) => ({ label: 'Change', value: line })),
    notes: ['Pages are dated by the era of their content. A channel can get these as a digest: "/lis digest subscribe".'],
    sources: snapshotSources(kb, changedSnapshots(changes)),
  });
}

/** When a release was first and last listed: "when did debian 10 first show up?", "when was 12.04 dropped?". */
function releaseLifeReply(kb: KnowledgeBase, entities: Entities, family: DistroId, version: string): Reply {
  const name = `${kb.familyName(family)} ${version}`;
  const life = versionLifecycle(kb, family, version);
  const newest = kb.snapshotAt(family);
  if (!life || !newest) {
    return reply({
      intent: 'digest',
      entities,
      title: `${name} in the matrix history`,
      text: `No page I hold has ever listed ${name}.`,
    });
  }
  const first = life.firstSeen;
  const last = life.lastSeen;
  const still = last.id === newest.id;
  return reply({
    intent: 'digest',
    entities,
    title: `${name} in the matrix history`,
    text: `${name} was first listed on the ${first.era} version of its page [${first.id}]${
      still
        ? `, and the newest version (${newest.era}) still lists it.`
        : `; the last version to list it is from ${last.era} [${last.id}], and the ${newest.era} version no longer does.`
    }`,
    sources: snapshotSources(kb, [first, last]),
  });
}

/** When a host first appeared in a family's Core rows (or any family's). */
function hostLifeReply(kb: KnowledgeBase, entities: Entities, host: HostId): Reply {
  const first = hostFirstListed(kb, host, entities.distro ? [entities.distro] : [...kb.families.keys()]);
  const where = entities.distro ? `the ${kb.familyName(entities.distro)} tables` : 'the tables';
  return reply({
    intent: 'digest',
    entities,
    title: `Windows Server ${host} in the matrix history`,
    text: first
      ? `Windows Server ${host} first appears as a host in ${where} on the ${first.era} page (${first.id}).`
      : `No page I hold lists Windows Server ${host} as a host in ${where}.`,
    sources: first ? snapshotSources(kb, [first]) : [],
  });
}

const ASKS_WHEN = /\bwhen\b|\bfirst\b|\bdropped\b|\bdisappear|\bremoved\b|\bstill listed\b|\badded\b/i;
const ASKS_HOST = /\bhost\b|\bhosts\b/i;

/** A question about the matrices' history, or undefined when the question is about the digest subscription itself. */
export function matrixHistoryReply(kb: KnowledgeBase, question: string, entities: Entities): Reply {
  if (entities.distro && entities.version && ASKS_WHEN.test(question))
    return releaseLifeReply(kb, entities, entities.distro, entities.version);
  if (entities.host && ASKS_HOST.test(question) && /\bwhen\b|\bfirst\b/i.test(question)) return hostLifeReply(kb, entities, entities.host);
  return changesReply(kb, question, entities);
}
