/** Versions bound after every name is read: one a few words past its distro, VERSION_ID before ID, a point release past the major. */
import type { QuestionReading } from './reading.ts';
import { COUNTED } from './versions-in-text.ts';
import type { Vocabulary } from './vocabulary.ts';

export function bindLateVersion(reading: QuestionReading, vocabulary: Vocabulary): void {
  bindVersionPastDistro(reading, vocabulary);
  bindVersionIdBeforeId(reading);
  bindVersionAfterFor(reading);
  bindVersionJustBeforeDistro(reading);
  preferPointReleaseOfMajor(reading, vocabulary);
}

/** Words that may stand between a release and its family's name: "7.5 on a couple of centos vms", "6.8 our centos boxes". */
const BETWEEN_RELEASE_AND_NAME = new Set(['on', 'a', 'couple', 'of', 'our', 'the', 'few', 'some', 'all', 'both', 'my', 'these', 'those']);

/**
 * "14.04 ubuntu dynamic memory?", "went 7.4 -> 7.5 on a couple of centos vms": a dotted release typed before its
 * family's name, a few connecting words at most between them, none after it.
 */
function bindVersionJustBeforeDistro(reading: QuestionReading): void {
  const { tokens, used, kinds, distros } = reading;
  if (!distros[0] || reading.version || reading.distroEnd < 1) return;
  let start = reading.distroEnd - 1;
  while (start > 0 && kinds[start - 1] === 'distro') start--;
  let before = start - 1;
  for (let skipped = 0; before >= 0 && skipped < 4 && BETWEEN_RELEASE_AND_NAME.has(tokens[before]!); skipped++) before--;
  if (before >= 0 && !used[before] && /^\d{1,2}\.\d{1,2}$/.test(tokens[before]!) && tokens[before - 1] !== 'kernel')
    reading.bindVersion(distros[0], before);
}

/**
 * A version a word or two after the distro ("oracle linx 7.3", "rhel server 7"). A kernel's version is not the
 * distro's: "rhel with kernel 3.10", "debian with the 5.10 kernel". Words of distro names ("suse linux enterprize
 * server 15") do not count towards the two words.
 */
function bindVersionPastDistro(reading: QuestionReading, vocabulary: Vocabulary): void {
  const { tokens, used, distros } = reading;
  if (!distros[0] || reading.version || reading.distroEnd < 0) return;
  for (let k = reading.distroEnd, words = 0; k < tokens.length && words < 3 && !reading.version && tokens[k] !== 'kernel'; k++) {
    if (!used[k] && tokens[k + 1] !== 'kernel' && !COUNTED.has(tokens[k + 1] ?? '')) reading.bindVersion(distros[0], k);
    if (!vocabulary.distroWords.has(tokens[k]!)) words++;
  }
}

/** os-release may give VERSION_ID before ID="rhel". */
function bindVersionIdBeforeId(reading: QuestionReading): void {
  const { tokens, used, distros } = reading;
  if (!distros[0] || reading.version) return;
  for (let k = 2; k < tokens.length && !reading.version; k++)
    if (!used[k] && tokens[k - 1] === 'id' && tokens[k - 2] === 'version') reading.bindVersion(distros[0], k);
}

const INTRODUCES_RELEASE = new Set(['for', 'of', 'on']);

/**
 * "did the ubuntu page list hyper-v sockets for 16.04?": a dotted release introduced by "for", "of" or "on" ("the 2019
 * ubuntu docs: sockets on 18.04?"), anywhere after the distro, when nothing nearer named one ("for kernel 5.15" is no release).
 */
function bindVersionAfterFor(reading: QuestionReading): void {
  const { tokens, used, distros } = reading;
  if (!distros[0] || reading.version || reading.distroEnd < 0) return;
  for (let k = reading.distroEnd + 1; k < tokens.length && !reading.version; k++)
    if (!used[k] && INTRODUCES_RELEASE.has(tokens[k - 1] ?? '') && tokens[k]!.includes('.') && tokens[k + 1] !== 'kernel')
      reading.bindVersion(distros[0], k);
}

/**
 * "oel6 rhck 6.9": a point release of the bare major just named, past other names, is the version meant. So is one a
 * release line or the family's name again gives further on ("two centos 6 vms … CentOS release 6.5 (Final)"), and one
 * said to be what runs ("rhel 5 straggler is 5.9"); "off esxi 5.5" is another product's.
 */
function preferPointReleaseOfMajor(reading: QuestionReading, vocabulary: Vocabulary): void {
  const { tokens, used, distros, version: major } = reading;
  // A codename's major ("buster" is 10) is refined from where the codename ends.
  const from = reading.versionEnd >= 0 ? reading.versionEnd : reading.distroEnd;
  if (!distros[0] || !major || from < 0 || !/^\d+$/.test(major)) return;
  let next = from;
  while (next < tokens.length && used[next]) next++;
  const ofMajor = (k: number) => !used[k] && POINT_RELEASE.test(tokens[k] ?? '') && tokens[k]!.split('.')[0] === major;
  // "sles12-db-01 (SLES 12 SP5)": the family named again with a service pack of the major.
  const servicePackOfMajor = (k: number) => !used[k] && tokens[k] === major && /^sp\d{1,2}$/.test(tokens[k + 1] ?? '');
  let at = ofMajor(next) ? next : -1;
  for (let k = from; at < 0 && k < tokens.length; k++) {
    const previous = tokens[k - 1] ?? '';
    if ((ofMajor(k) || servicePackOfMajor(k)) && (previous === 'release' || vocabulary.distroWords.has(previous))) at = k;
  }
  for (let k = from; at < 0 && k < tokens.length; k++)
    if (ofMajor(k) && (!/^[a-z]+$/.test(tokens[k - 1] ?? '') || SAYS_IT_IS.has(tokens[k - 1] ?? ''))) at = k;
  if (at < 0) return;
  reading.version = undefined;
  if (!reading.bindVersion(distros[0], at)) reading.version = major;
}

const SAYS_IT_IS = new Set([
  'vm',
  'box',
  'guest',
  'is',
  'are',
  'have',
  'has',
  'run',
  'runs',
  'running',
  'on',
  'at',
  'specifically',
  'actually',
  'exactly',
  'version',
]);
const POINT_RELEASE = /^\d+\.\d+(?:\.\d+)?$/;
