/** One question's words and what each has been read as so far: the state the passes of extractEntities fill in. */
import type { DistroId } from '../../knowledge/schema/index.ts';
import type { FeatureEntity } from '../../core/reply.ts';
import { PLACEHOLDERS, type EntityKind } from './shape.ts';
import { versionAt, versionStart } from './versions-in-text.ts';
import type { VocabularyEntry } from './vocabulary.ts';

/** A word we read as an entity only by fuzzy matching: worth saying back as "did you mean". */
export interface FuzzyReading {
  readonly typed: string;
  readonly phrase: string;
  readonly entry: VocabularyEntry;
  readonly score: number;
}

export class QuestionReading {
  readonly kinds: Array<EntityKind | undefined>;
  /** A typed array has one map whatever its length, so the optimised code never meets another (no deopt on it). */
  readonly used: Uint8Array;
  readonly distros: DistroId[] = [];
  readonly features: FeatureEntity[] = [];
  readonly namedBySetting = new Set<FeatureEntity>();
  readonly fuzzy: FuzzyReading[] = [];
  /** Words that matched nothing and are not stopwords. */
  readonly leftovers: string[] = [];
  version: string | undefined = undefined;
  /** The version came from a codename ("wheezy" is 7), so a point release named later may refine it. */
  private versionByCodename = false;
  kernel: 'rhck' | 'uek' | undefined = undefined;
  /** Where the first distro's name ends, and where its version ends: -1 until read. */
  distroEnd = -1;
  versionEnd = -1;

  constructor(readonly tokens: readonly string[]) {
    this.kinds = new Array<EntityKind | undefined>(tokens.length).fill(undefined);
    this.used = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const marker = tokens[i] === PLACEHOLDERS.host ? 'host' : tokens[i] === PLACEHOLDERS.lis ? 'lis' : undefined;
      this.kinds[i] = marker;
      if (marker !== undefined) this.used[i] = 1;
    }
  }

  /** The words from `from` up to `to` are read as one entity of this kind. */
  take(from: number, to: number, kind: EntityKind): void {
    for (let k = from; k < to; k++) {
      this.used[k] = 1;
      this.kinds[k] = kind;
    }
  }

  /** Reads the distro's version at a word, unless that word is read already. */
  bindVersion(distro: DistroId, start: number): boolean {
    const found = versionAt(this.tokens, start, distro);
    const versionFrom = versionStart(this.tokens, start);
    if (!found || this.used[versionFrom]) return false;
    this.version = found.version;
    this.versionEnd = versionFrom + found.used;
    this.take(start, this.versionEnd, 'version');
    return true;
  }

  /** The release at word `end`, when it is a point release of the major a codename gave. */
  private refineCodenameVersion(distro: DistroId, end: number): void {
    const explicit = versionAt(this.tokens, end, distro);
    if (explicit && this.version && explicit.version.split(/[. ]/)[0] === this.version.split(/[. ]/)[0] && this.bindVersion(distro, end))
      this.versionByCodename = false;
  }

  /** A name read that ends before word `end`: the first distro named binds the version after it. */
  accept(entry: VocabularyEntry, end: number): void {
    if (entry.kind === 'distro') {
      if (!this.distros.includes(entry.distro)) this.distros.push(entry.distro);
      if (this.distros[0] !== entry.distro) return;
      this.distroEnd = end;
      if (entry.version && !this.version) {
        this.version = entry.version;
        this.versionByCodename = true;
        // "wheezy 7.11": an explicit point release of the codename's major wins.
        this.refineCodenameVersion(entry.distro, end);
      } else if (!this.version) {
        this.bindVersion(entry.distro, end);
      } else if (this.versionByCodename && !entry.version) {
        // "an old wheezy box, debian 7.8": the family named again with the point release.
        this.refineCodenameVersion(entry.distro, end);
      }
    } else if (entry.kind === 'feature') {
      if (!this.features.includes(entry.feature)) {
        this.features.push(entry.feature);
        if (entry.setting) this.namedBySetting.add(entry.feature);
      } else if (!entry.setting) this.namedBySetting.delete(entry.feature);
    } else {
      this.kernel ??= entry.kernel;
    }
  }
}
