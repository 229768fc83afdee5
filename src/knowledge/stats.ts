import type { KnowledgeBase } from './knowledge-base.ts';

export interface KbStats {
  readonly version: string;
  readonly families: number;
  readonly features: number;
  readonly snapshots: number;
  readonly columns: number;
  readonly currentColumns: number;
  readonly featureCells: number;
  readonly notes: number;
  readonly notesWithoutParaphrase: number;
  readonly knownIssues: number;
  readonly tips: number;
  readonly lisReleases: number;
  readonly otherOs: number;
  readonly sources: number;
  readonly unparsedTables: number;
  readonly newestEra: string;
}

export function kbStats(kb: KnowledgeBase): KbStats {
  const snapshots = [...kb.snapshots.values()];
  const current = new Set([...kb.families.keys()].map((f) => kb.snapshotAt(f)).filter((s) => s !== undefined));
  return {
    version: kb.version,
    families: kb.families.size,
    features: kb.features.size,
    snapshots: snapshots.length,
    columns: snapshots.reduce((n, s) => n + s.columns.length, 0),
    currentColumns: [...current].reduce((n, s) => n + s.columns.length, 0),
    featureCells: snapshots.reduce((n, s) => n + s.columns.reduce((m, c) => m + Object.keys(c.features).length, 0), 0),
    notes: snapshots.reduce((n, s) => n + s.notes.length, 0),
    notesWithoutParaphrase: kb.notesWithoutParaphrase().length,
    knownIssues: kb.knownIssues.length,
    tips: kb.tips.length,
    lisReleases: kb.lisReleases.length,
    otherOs: kb.otherOs.size,
    sources: kb.sources.size,
    unparsedTables: snapshots.reduce((n, s) => n + s.unparsed.length, 0),
    newestEra: kb.newestEra,
  };
}
