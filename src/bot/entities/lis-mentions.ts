import type { KnowledgeBase } from '../../knowledge/index.ts';

/** The names of Microsoft's LIS download; the first downloads were called Linux Integration Components ("LinuxIC v2.1"). */
export const LIS_NAMES = String.raw`lis|linux\s?ic|linux\s+integration\s+(?:services|components)`;

/** "LIS 4.3.5", "lis4.1.3-2", "BIS 3.5", "linux integration services v4.2": a Microsoft LIS release named in a question. */
const LIS_RELEASE = new RegExp(
  String.raw`\b(?:${LIS_NAMES}|bis|integration (?:services|components))\s*(?:v|version|release)?\s*-?\s*(\d{1,2}\.\d{1,2}(?:\.\d{1,2}){0,2}(?:-\d{1,2})?)(?!\d|\.\d)`,
  'g',
);

/** A dotted number standing on its own: not inside "3.10.0-514", "v4.1", "hyper-v-4.2.4" or a path. */
const BARE_NUMBER = /(?<![\w./-])(\d\.\d{1,2}(?:\.\d{1,2}){0,2}(?:-\d{1,2})?)(?![\w/]|[.-]\d)/g;
/** Words that say a number is a release of a package: "the 4.1.2-2 hotfix", "4.1.3 added", "the 4.0 package". */
const RELEASE_CUE =
  /\b(?:hotfix(?:es)?|re-?released?|releases?|released|packages?|pkg|integration|changed?|changes|changelog|added|adds?|fix|fixe[sd]|downloads?|rpms?|tarball|iso|notes|modinfo|hv_vmbus|lis-next|diff(?:erence)?s?|compared?|newer|older|updates?|drop(?:ped)?|ship(?:ped)?|came out|come out|final|betas?|tag(?:ged)?)\b/;
/** Words that own a version number of something else: a kernel, a distribution, another product. */
const OTHER_OWNER =
  /\b(?:kernels?|linux|uname|el\d|rhel|centos|red\s*hat|redhat|oracle|ol|oel|uek|sles|suse|opensuse|leap|ubuntu|debian|freebsd|fedora|python\d?|php|java|node|nfs|smb|gcc|glibc|openssl|windows|powershell|bios|uefi|firmware|vmbus)\b/;
/**
 * The word right before a release typed alone: a function word, a verb that reports a value, or a release word.
 * Any other word is likely the product the number belongs to ("ruby 2.1 package").
 */
const LEADS_A_RELEASE =
  /^(?:the|a|an|in|of|to|from|on|for|with|vs|versus|and|or|than|is|was|are|were|be|did|does|do|about|at|since|between|still|version|ver|release|hotfix|package|download|build|says|said|shows|showed|gives|gave|reports|reads|latest|newest|old|older|new|newer|last|first|final|our|my|this|that|its|running|installed|using|after|before|into|upgraded?|updated?|whats|via|called|got|has|have|had|x?lis)$/;
/** Once one release is named, another joined to it is one too: "lis 3.5 vs 3.4", "from 4.2 to 4.3". */
const JOINED_TO_RELEASE = /\b(?:vs\.?|versus|or|and|than|to|from|over)\s*$/;
const JOINED_TO_NUMBER = /\d\S*\s+(?:vs\.?|versus|or|and|than|to|from|over)\s*$/;
const THREE_PARTS = /^\d+\.\d+\.\d+/;
/** How far either side of a bare number a cue word may stand. */
const CUE_REACH = 40;

/** An installed LIS package's name: "kmod-microsoft-hyper-v-4.1.3-2.x86_64", "microsoft-hyper-v-4.3.5-20200226". */
const PACKAGE_NAME = /\b(?:kmod-)?microsoft-hyper-v-(\d+\.\d+(?:\.\d+)?)(-\d+)?[\w.-]*/g;

/**
 * Each LIS package name written as the release it installs ("lis 4.1.3-2"), so the verdict and the classifier read
 * it as a named release: its build suffix counts only where the KB knows a hotfix by that name.
 */
export function withPackageReleasesNamed(lowered: string, known: ReadonlySet<string>): string {
  if (!lowered.includes('microsoft-hyper-v-')) return lowered;
  return lowered.replace(PACKAGE_NAME, (_name, base: string, suffix: string | undefined) => {
    const release = suffix && known.has(`${base}${suffix}`) ? `${base}${suffix}` : base.replace(/\.0$/, '');
    return `lis ${release}`;
  });
}

export interface LisMentions {
  readonly releases: readonly string[];
  /** The text with each release replaced by a marker word. */
  readonly rest: string;
}

const namesByKb = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/** The release numbers the KB knows ("4.1.2-2", "4.3.5"): only these are read without the word LIS. */
export function knownLisNames(kb: KnowledgeBase): ReadonlySet<string> {
  let names = namesByKb.get(kb);
  // A series record ("4.2") is also typed as its first tag ("4.2.0").
  if (!names)
    namesByKb.set(
      kb,
      (names = new Set(kb.lisReleases.flatMap((r) => (/^\d+\.\d+$/.test(r.version) ? [r.version, `${r.version}.0`] : [r.version])))),
    );
  return names;
}

/**
 * A known release number typed without the word LIS, where the words around it say it is a release: a hotfix
 * suffix ("4.1.3-2"), or a release word near it ("the 4.0 package", "what changed in 4.1.3"). A number a kernel,
 * a distribution or another product owns ("kernel 4.1", "rhel 4.3", "ruby 2.1") is never one. `before` is the
 * text before it with earlier releases already replaced by a marker word.
 */
function bareLisRelease(before: string, after: string, version: string, known: ReadonlySet<string>, afterRelease: boolean): boolean {
  if (!known.has(version)) return false;
  const near = before.slice(-CUE_REACH);
  const lastWords = near.trim().split(/\s+/).slice(-2);
  if (OTHER_OWNER.test(lastWords.join(' '))) return false;
  // "kernel 4.1 vs 4.0": a number joined to a number that is no release is no release either.
  if (JOINED_TO_NUMBER.test(near)) return false;
  const previous = (lastWords.at(-1) ?? '').replace(/[^a-z]/g, '');
  if (previous && !LEADS_A_RELEASE.test(previous)) return false;
  // A hotfix suffix or a known point release of three parts ("4.3.4", "4.1.3-2") names the release by itself.
  if (version.includes('-') || THREE_PARTS.test(version) || (afterRelease && JOINED_TO_RELEASE.test(near))) return true;
  return RELEASE_CUE.test(near) || RELEASE_CUE.test(after.slice(0, CUE_REACH));
}

/** The known releases typed without the word LIS, each replaced by the marker, reading left to right. */
function replaceBareReleases(text: string, marker: string, known: ReadonlySet<string>, releases: string[]): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(BARE_NUMBER)) {
    const version = match[1]!;
    const before = out + text.slice(from, match.index);
    const after = text.slice(match.index + version.length);
    if (!bareLisRelease(before, after, version, known, releases.length > 0)) continue;
    releases.push(version);
    out = `${before} ${marker} `;
    from = match.index + version.length;
  }
  return out + text.slice(from);
}

export function extractLisMentions(lowered: string, marker: string, known: ReadonlySet<string> = new Set()): LisMentions {
  const releases: string[] = [];
  const named = lowered.replace(LIS_RELEASE, (_match, version: string) => {
    releases.push(version);
    return ` ${marker} `;
  });
  const rest = replaceBareReleases(named, marker, known, releases);
  return { releases: [...new Set(releases)], rest };
}

/** The first known release typed without the word LIS, as extractLisMentions reads it. */
export function firstBareLisRelease(lowered: string, known: ReadonlySet<string>): { version: string; index: number } | undefined {
  for (const match of lowered.matchAll(BARE_NUMBER)) {
    const version = match[1]!;
    if (bareLisRelease(lowered.slice(0, match.index), lowered.slice(match.index + version.length), version, known, false))
      return { version, index: match.index };
  }
  return undefined;
}
