import type { DistroId } from '../../knowledge/schema/index.ts';

/**
 * How admins abbreviate a family when they glue or attach a version: "rh6.5", "co7", "deb9", "ubuntu1604",
 * "sles12sp3", "fbsd11". These letters name a family only next to a version, so "co" or "c" alone is never a distro.
 */
export const VERSIONED_SHORTHAND: Readonly<Record<string, DistroId>> = {
  rhel: 'rhel',
  rh: 'rhel',
  redhat: 'rhel',
  el: 'rhel',
  centos: 'centos',
  cent: 'centos',
  cos: 'centos',
  co: 'centos',
  c: 'centos',
  ol: 'oracle-linux',
  oel: 'oracle-linux',
  oracle: 'oracle-linux',
  orcl: 'oracle-linux',
  oraclelinux: 'oracle-linux',
  sles: 'sles',
  sle: 'sles',
  suse: 'sles',
  opensuse: 'opensuse',
  leap: 'opensuse',
  osuse: 'opensuse',
  ubuntu: 'ubuntu',
  ubu: 'ubuntu',
  ub: 'ubuntu',
  u: 'ubuntu',
  debian: 'debian',
  deb: 'debian',
  freebsd: 'freebsd',
  fbsd: 'freebsd',
  bsd: 'freebsd',
};

const HAS_DIGIT = /\d/;
const GLUED = /^([a-z]+)[-_]?(\d+(?:\.\d+)*(?:sp\d+|u\d+)?(?:\.x|\+)?)$/;
/** Red Hat's "update" numbering: "7u4", "7 u4" and "7 update 4" are 7.4. */
const GLUED_UPDATE = /^(\d{1,2})u(\d{1,2})$/;
const UPDATE = /^(?:u|update)(\d{1,2})$/;
const MAJOR = /^\d{1,2}$/;
const VERSION_LIKE = /^\d{1,4}(?:\.\d{1,2}){0,2}(?:sp\d+)?(?:\.x|\+)?$/;

/** The family name a shorthand token stands for when a version is glued to it or follows it. */
export function expandShorthand(
  tokens: readonly string[],
  familyName: (id: DistroId) => string,
  isName: (word: string) => boolean,
  misspeltFamily: (word: string) => DistroId | undefined = () => undefined,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Most words carry no digit and are no family shorthand: nothing below can apply to them.
    if (!HAS_DIGIT.test(token) && token !== 'update' && !Object.hasOwn(VERSIONED_SHORTHAND, token)) {
      out.push(token);
      continue;
    }
    const previous = out[out.length - 1];
    const update = UPDATE.exec(token) ?? (token === 'update' && MAJOR.test(tokens[i + 1] ?? '') ? [token, tokens[++i]!] : null);
    if (update && previous !== undefined && MAJOR.test(previous)) {
      out[out.length - 1] = `${previous}.${update[1]}`;
      continue;
    }
    if (GLUED_UPDATE.test(token)) {
      out.push(withUpdate(token));
      continue;
    }
    const glued = GLUED.exec(token);
    // "ubunto20.04", "centso7": a misspelt family name with its version glued on.
    const family = glued
      ? (VERSIONED_SHORTHAND[glued[1]!] ?? (glued[1]!.length >= 4 && !isName(token) ? misspeltFamily(glued[1]!) : undefined))
      : undefined;
    if (glued && family) {
      out.push(...familyName(family).toLowerCase().split(' '), withMinorGlued(family, withUpdate(glued[2]!)));
      continue;
    }
    const next = tokens[i + 1];
    // A word that is already a name ("suse" in "open suse 12.3") is left to the vocabulary.
    const spaced = token.length >= 2 && !isName(token) ? VERSIONED_SHORTHAND[token] : undefined;
    if (spaced && next && VERSION_LIKE.test(next)) {
      out.push(...familyName(spaced).toLowerCase().split(' '));
      continue;
    }
    out.push(token);
  }
  return out;
}

/** Red Hat-style families number majors 5 to 10, so a glued "65" or "610" ("cent65", "rhel610") is 6.5 or 6.10. */
const SINGLE_DIGIT_MAJORS: ReadonlySet<DistroId> = new Set(['rhel', 'centos', 'oracle-linux']);
const MAJOR_AND_MINOR = /^([5-9])(\d{1,2})$/;

function withMinorGlued(family: DistroId, version: string): string {
  const parts = SINGLE_DIGIT_MAJORS.has(family) ? MAJOR_AND_MINOR.exec(version) : null;
  return parts ? `${parts[1]}.${parts[2]}` : version;
}

function withUpdate(version: string): string {
  const update = GLUED_UPDATE.exec(version);
  return update ? `${update[1]}.${update[2]}` : version;
}
