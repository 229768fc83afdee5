import type { KnowledgeBase } from '../knowledge/index.ts';
import type { ResolvedNote } from '../knowledge/knowledge-base.ts';
import type { Source, SourceRef } from '../knowledge/schema/index.ts';
import type { ReplyAction, ReplySource } from './reply.ts';
import { KbMemo } from '../knowledge/kb-memo.ts';

// A citation is a pure function of the KB and the source id: worked out once per source. Ids may come from outside
// the KB (a user's import), so the memo is bounded.
const citations = new KbMemo<ReplySource>(1024);

export function sourceById(kb: KnowledgeBase, id: string): ReplySource {
  return citations.get(kb, id, () => citationOf(kb, id));
}

function hasTwin(kb: KnowledgeBase, source: Source): boolean {
  for (const s of kb.sources.values()) if (s.id !== source.id && s.page === source.page && s.era === source.era) return true;
  return false;
}

function citationOf(kb: KnowledgeBase, id: string): ReplySource {
  const source = kb.sources.get(id);
  // Two versions of a page can share a date (RHEL, 2025-06-19): then the id tells them apart.
  const twin = source && hasTwin(kb, source);
  const dated = source ? `${source.title} (${source.era}${twin ? `, ${id}` : ''})` : id;
  // The project's own study is no public source: say so, rather than cite it as if a reader could look it up.
  if (source?.kind === 'study') return { id, title: `lisbot's own guidance (no public source): ${dated}` };
  return source?.url ? { id, title: dated, url: source.url } : { id, title: dated };
}

export function sourcesOf(kb: KnowledgeBase, ids: Iterable<string>): ReplySource[] {
  return [...new Set(ids)].map((id) => sourceById(kb, id));
}

export function refSources(kb: KnowledgeBase, refs: readonly SourceRef[]): ReplySource[] {
  return sourcesOf(
    kb,
    refs.map((r) => r.source),
  );
}

export function noteLines(notes: readonly ResolvedNote[]): string[] {
  const seen = new Map<string, string>();
  for (const note of notes) {
    if (!note.summary || seen.has(note.fingerprint)) continue;
    seen.set(note.fingerprint, `${note.summary}${note.scope ? ` (${note.scope})` : ''} [${note.citation}]`);
  }
  return [...seen.values()];
}

export const CHECK_VM_ACTION: ReplyAction = { kind: 'check-vm', label: 'Check my VM', value: 'check-vm' };

export function matrixAction(kb: KnowledgeBase, family: string): ReplyAction {
  return { kind: 'show-matrix', label: `Show full ${kb.familyName(family as never)} matrix`, value: `matrix:${family}` };
}
