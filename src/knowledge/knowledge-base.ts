import { createHash } from 'node:crypto';
import type { KbData } from './load.ts';
import type {
  DistroId,
  Family,
  Feature,
  FeatureId,
  KnownIssue,
  LisRelease,
  MatrixSnapshot,
  NoteParaphrase,
  NoteRef,
  OtherOs,
  Source,
  Tip,
} from './schema/index.ts';

export interface ResolvedNote {
  readonly snapshot: string;
  readonly position: number;
  readonly fingerprint: string;
  readonly summary: string | undefined;
  readonly scope: string | undefined;
  /** "ubuntu@2023-09-27#5": the page version and note position upstream. */
  readonly citation: string;
}

function newestFirst(a: MatrixSnapshot, b: MatrixSnapshot): number {
  return b.era.localeCompare(a.era) || b.order - a.order;
}

/** The validated KB with the lookups every query needs. Immutable once built. */
export class KnowledgeBase {
  readonly version: string;
  readonly builtAt = new Date();
  readonly families = new Map<DistroId, Family>();
  readonly features = new Map<FeatureId, Feature>();
  readonly sources = new Map<string, Source>();
  readonly otherOs = new Map<DistroId, OtherOs>();
  readonly snapshots = new Map<string, MatrixSnapshot>();
  readonly knownIssues: readonly KnownIssue[];
  readonly tips: readonly Tip[];
  readonly lisReleases: readonly LisRelease[];
  private readonly paraphrases = new Map<string, NoteParaphrase>();
  private readonly historyByFamily = new Map<DistroId, MatrixSnapshot[]>();

  constructor(readonly data: KbData) {
    for (const family of data.families) this.families.set(family.id, family);
    for (const feature of data.features) this.features.set(feature.id, feature);
    for (const source of data.sources) this.sources.set(source.id, source);
    for (const os of data.otherOs) this.otherOs.set(os.id, os);
    for (const note of data.notes) this.paraphrases.set(note.fingerprint, note);
    for (const snapshot of [...data.snapshots].sort(newestFirst)) {
      this.snapshots.set(snapshot.id, snapshot);
      for (const family of snapshot.families) {
        const history = this.historyByFamily.get(family) ?? [];
        history.push(snapshot);
        this.historyByFamily.set(family, history);
      }
    }
    this.knownIssues = data.knownIssues;
    this.tips = data.tips;
    this.lisReleases = data.lisReleases;
    this.version = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 12);
  }

  /** Every snapshot that lists the family, newest first. */
  history(family: DistroId): readonly MatrixSnapshot[] {
    return this.historyByFamily.get(family) ?? [];
  }

  /** The newest snapshot listing the family whose era is on or before asOf. */
  snapshotAt(family: DistroId, asOf?: string): MatrixSnapshot | undefined {
    return this.history(family).find((snapshot) => asOf === undefined || snapshot.era <= asOf);
  }

  /** The newest era of any snapshot: the date the KB describes. */
  get newestEra(): string {
    return [...this.snapshots.values()][0]?.era ?? '1970-01-01';
  }

  resolveNote(snapshot: MatrixSnapshot, ref: NoteRef): ResolvedNote | undefined {
    const owner = ref.resolvedFrom ? this.snapshots.get(ref.resolvedFrom.snapshot) : snapshot;
    const position = ref.resolvedFrom?.position ?? ref.position;
    const note = owner?.notes.find((n) => n.position === position);
    if (!owner || !note || note.placeholder) return undefined;
    return {
      snapshot: owner.id,
      position,
      fingerprint: note.fingerprint,
      summary: this.paraphrases.get(note.fingerprint)?.summary ?? note.upstreamText,
      scope: ref.scope,
      citation: `${owner.id}#${position}`,
    };
  }

  /** Our paraphrase of a note, with its features and machine-readable effects. */
  paraphrase(fingerprint: string): NoteParaphrase | undefined {
    return this.paraphrases.get(fingerprint);
  }

  /** Fingerprints of notes that no curated paraphrase covers. */
  notesWithoutParaphrase(): string[] {
    const missing = new Set<string>();
    for (const snapshot of this.snapshots.values()) {
      for (const note of snapshot.notes)
        if (!note.placeholder && !this.paraphrases.has(note.fingerprint)) missing.add(`${snapshot.id}#${note.position}`);
    }
    return [...missing];
  }

  familyName(id: DistroId): string {
    return this.families.get(id)?.name ?? id;
  }

  featureName(id: FeatureId): string {
    return this.features.get(id)?.name ?? id;
  }
}
