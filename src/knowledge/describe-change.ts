import type { KnowledgeBase } from './knowledge-base.ts';
import type { KbChange } from './diff.ts';
import { describeColumn, describeHosts, integrationServicesSource } from './describe.ts';
import type { MatrixSnapshot } from './schema/index.ts';

/** A snapshot id whose date is the page's stale ms.date also gives the era its content is from. */
function cite(snapshot: MatrixSnapshot): string {
  const dated = /\d{4}-\d{2}-\d{2}/.exec(snapshot.id)?.[0];
  return !dated || dated === snapshot.era ? snapshot.id : `${snapshot.id}, content of ${snapshot.era}`;
}

/** One line per change, for the CLI and the digest. */
export function describeChange(kb: KnowledgeBase, change: KbChange): string {
  switch (change.kind) {
    case 'added':
      return `New: ${describeColumn(kb, change.column)} — integration services ${integrationServicesSource(change.column.integration)} [${cite(change.to)}]`;
    case 'dropped':
      return `Dropped: ${describeColumn(kb, change.column)} no longer listed [last in ${cite(change.from)}]`;
    case 'versions-changed':
      return `Changed: ${describeColumn(kb, change.before)} now reads ${change.column.header} [${cite(change.to)}]`;
    case 'feature-added':
      return `Feature: ${kb.featureName(change.feature)} now available for ${describeColumn(kb, change.column)} on ${describeHosts(change.hosts)} [${cite(change.to)}]`;
    case 'feature-removed':
      return `Feature: ${kb.featureName(change.feature)} no longer listed for ${describeColumn(kb, change.column)} on ${describeHosts(change.hosts)} [${cite(change.to)}]`;
    case 'host-added':
      return `Host: ${describeColumn(kb, change.column)} now listed on ${describeHosts(change.hosts)} [${cite(change.to)}]`;
    case 'host-removed':
      return `Host: ${describeColumn(kb, change.column)} no longer listed on ${describeHosts(change.hosts)} [${cite(change.to)}]`;
    case 'lis-release':
      return `LIS release: ${change.release.version}${change.release.released ? ` (${change.release.released})` : ''}${change.release.highlights[0] ? ` — ${change.release.highlights[0]}` : ''} [${change.release.sources[0]?.source ?? change.release.id}]`;
  }
}

export function changeJson(change: KbChange): Record<string, unknown> {
  if (change.kind === 'lis-release') return { kind: change.kind, release: change.release.id, released: change.release.released };
  const base = {
    kind: change.kind,
    families: change.families,
    column: change.column.key,
    header: change.column.header,
    integration: change.column.integration,
  };
  switch (change.kind) {
    case 'added':
      return { ...base, to: change.to.id };
    case 'dropped':
      return { ...base, from: change.from.id };
    case 'versions-changed':
      return { ...base, before: change.before.header, from: change.from.id, to: change.to.id };
    case 'feature-added':
    case 'feature-removed':
      return { ...base, feature: change.feature, hosts: change.hosts, from: change.from.id, to: change.to.id };
    case 'host-added':
    case 'host-removed':
      return { ...base, hosts: change.hosts, from: change.from.id, to: change.to.id };
  }
}
