import type { KnowledgeBase } from '../knowledge/index.ts';
import type { Reply } from '../core/reply.ts';

/** The page versions behind a reply: the matrix pages it cites, else the family's newest page in the view. */
export function pageVersionsOf(view: KnowledgeBase, reply: Reply): string[] {
  const cited = reply.sources
    .filter((s) => view.sources.get(s.id)?.kind === 'matrix-page' || view.snapshots.has(s.id))
    .map((s) => {
      const source = view.sources.get(s.id);
      if (!source) return s.id;
      return source.kind === 'talk' ? `the ${source.era.slice(0, 4)} TechEd talk of ${source.era}` : `${source.page} page of ${source.era}`;
    });
  if (cited.length > 0) return [...new Set(cited)];
  const snapshot = reply.entities.distro ? view.snapshotAt(reply.entities.distro) : undefined;
  return snapshot ? [`${snapshot.page} page of ${snapshot.era}`] : [];
}

/** Heads a reply answered from the KB as it stood on a date with that date and the page versions that answered. */
export function withAsOfHeadline(reply: Reply, view: KnowledgeBase, asOf: string): Reply {
  const pages = pageVersionsOf(view, reply);
  const laterOnly = [...view.snapshots.values()].every((s) => s.era > asOf);
  const which =
    pages.length === 0
      ? 'no matrix page for this was published by then'
      : laterOnly
        ? `nothing older is held, so this is from the oldest source, published after that date: ${pages.join('; ')}`
        : `page version${pages.length === 1 ? '' : 's'}: ${pages.join('; ')}`;
  return {
    ...reply,
    entities: { ...reply.entities, asOf },
    title: `As of ${asOf}: ${reply.title}`,
    text: `As the knowledge base stood on ${asOf} (${which}).\n${reply.text}`,
  };
}
