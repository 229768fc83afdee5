import type { KnowledgeBase } from './knowledge-base.ts';
import type { KbChange } from './diff.ts';
import { describeColumn, describeHosts, describeIntegration } from './describe.ts';

/** One line per change, for the CLI and the digest. */
export function describeChange(kb: KnowledgeBase, change: KbChange): string {
  switch (change.kind) {
    case 'added':
      return `New: ${describeColumn(kb, change.column)} — integration services ${describeIntegration(change.column.integration)} [${change.to.id}]`;
    case 'dropped':
      return `Dropped: ${describeColumn(kb, change.column)} no longer listed [last in ${change.from.id}]`;
    case 'versions-changed':
      return `Changed: ${describeColumn(kb, change.before)} now reads ${change.column.header} [${change.to.id}]`;
    case 'feature-added':
      return `Feature: ${kb.featureName(change.feature)} now available for ${describeColumn(kb, change.column)} on ${describeHosts(change.hosts)} [${change.to.id}]`;
    case 'feature-removed':
      return `Feature: ${kb.featureName(change.feature)} no longer listed for ${describeColumn(kb, change.column)} on ${describeHosts(change.hosts)} [${change.to.id}]`;
    case 'host-added':
      return `Host: ${describeColumn(kb, change.column)} now listed on ${describeHosts(change.hosts)} [${change.to.id}]`;
    case 'host-removed':
      return `Host: ${describeColumn(kb, change.column)} no longer listed on ${describeHosts(change.hosts)} [${change.to.id}]`;
    case 'lis-release':
      return `LIS release: ${change.release.version}${change.release.released ? ` (${change.release.released})` : ''}${change.release.highlights[0] ? ` — ${change.release.highlights[0]}` : ''} [${change.release.sources[0]?.source ?? change.release.id}]`;
  }
}

export function changeJson(change: KbChange): Record<string, unknown> {
  if (change.kind === 'lis-release') return { kind: change.kind, release: change.release.id, released: change.release.released };
  const base = { kind: change.kind, families: change.families, column: change.column.key, header: change.column.header, integration: change.column.integration };
  switch (change.kind) {
    case 'added': return { ...base, to: change.to.id };
    case 'dropped': return { ...base, from: change.from.id };
    case 'versions-changed': return { ...base, before: change.before.header, from: change.from.id, to: change.to.id };
    case 'feature-added':
    case 'feature-removed': return { ...base, feature: change.feature, hosts: change.hosts, from: change.from.id, to: change.to.id };
    case 'host-added':
    case 'host-removed': return { ...base, hosts: change.hosts, from: change.from.id, to: change.to.id };
  }
}
