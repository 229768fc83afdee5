import type { HostId } from '../../knowledge/schema/index.ts';

interface HostPattern {
  readonly pattern: RegExp;
  readonly host: (match: RegExpExecArray) => HostId | undefined;
}

const SERVER_YEARS: Record<string, HostId> = {
  '2008': '2008 R2',
  '2012': '2012',
  '2016': '2016',
  '2019': '2019',
  '2022': '2022',
  '2025': '2025',
};
const SHORT_YEARS: Record<string, string> = {
  '8': '2008',
  '08': '2008',
  '12': '2012',
  '16': '2016',
  '19': '2019',
  '22': '2022',
  '25': '2025',
};
/** Client Hyper-V maps to the server release it shares a hypervisor with. */
const CLIENT_TWINS: Record<string, HostId> = { '8': '2012', '8.1': '2012 R2', '10': '2016', '11': '2022' };

function serverHost(year: string | undefined, r2: string | undefined): HostId | undefined {
  if (!year) return undefined;
  if (r2 && (year === '2012' || year === '2008')) return `${year} R2` as HostId;
  return SERVER_YEARS[year];
}

/** Ordered most specific first; each match is removed from the text before the next pattern runs. */
const HOST_PATTERNS: readonly HostPattern[] = [
  { pattern: /\b(?:(?:windows|win)\s*|w)(8\.1|8|10|11)\b(?!\s*\.\d)/g, host: (m) => CLIENT_TWINS[m[1]!] },
  // "w2k8r2", "2k12 r2", "win2k19": Windows 2000 shorthand with the year's last digits.
  {
    pattern: /\b(?:w|win|ws|server|srv|svr)?2k\s*-?(8|08|12|16|19|22|25)[\s-]*(r2)?\b/g,
    host: (m) => serverHost(SHORT_YEARS[m[1]!], m[2]),
  },
  // Not "SUSE Linux Enterprise Server 12": that server is the distro.
  {
    pattern: /\b(?<!enterprise\s+)(?:ws|srv|svr|server)\s*-?(08|12|16|19|22|25)[\s-]*(r2)?\b/g,
    host: (m) => serverHost(SHORT_YEARS[m[1]!], m[2]),
  },
  // Not "Exchange 2016" or "SQL Server 2019": other Microsoft products' releases are no Hyper-V host.
  {
    pattern:
      /(?<!\b(?:exchange|sql(?:\s*server)?|sharepoint|office|visual\s*studio|skype\s*for\s*business|dynamics|system\s*center|scvmm|sccm|ms\s*sql)\s*)\b(?:(?:microsoft\s+)?(?:windows\s*server|win\s*server|winsrv|windows|win|ws|w|server|srv|svr|hyper-?v(?:\s*server)?|hv)\s*-?)?(2008|2012|2016|2019|2022|2025)[\s-]*(r2)?\b/g,
    host: (m) => serverHost(m[1], m[2]),
  },
  // Hyper-V's own release numbers: 2.0 shipped with 2008 R2, 3.0 with 2012.
  { pattern: /\bhyper-?v\s*v?(2|3)\.0\b/g, host: (m) => (m[1] === '2' ? '2008 R2' : '2012') },
  // "r2 hosts" alone is 2012 R2; "non-R2 2012" and "not r2" say the opposite.
  { pattern: /(?<![\w.])(?<!\bno[nt][\s-])r2\b/g, host: () => '2012 R2' },
];

export interface HostMention {
  readonly host: HostId;
  readonly text: string;
}

/** "off the old 2012 cluster", "from 2012 r2": a host being left, when the question also names where it goes. */
const SOURCE_CUE = /\b(?:from|off|old|older|leaving|retiring)\s+(?:(?:the|our|an?|old|older)\s+)?$/;
/** "moving to 2019", "onto the new 2022 cluster": where the guests are going, which is what the question is about. */
const TARGET_CUE =
  /\b(?:onto|(?:move|moving|moved|migrate|migrating|migrated|upgrade|upgrading|upgraded|going|go)\s+(?:\w+\s+)?to)\s+(?:(?:the|our|an?|new|newer)\s+)*$/;

/** "supported on 2019 hosts or must they go to 2025?": the host a support question is asked of. */
const ASKED_OF_CUE = /\b(?:supported|support|works?|run|runs|ok|okay|fine)\s+(?:on|with|under)\s+(?:(?:the|our|an?|new|newer)\s+)*$/;

/**
 * Finds host versions and returns the text with them blanked out, so their digits are not read as distro versions.
 * Hosts come in the order the text names them, except that a host being moved to comes first and one being left last.
 */
export function extractHosts(text: string, marker = ' '): { hosts: HostMention[]; rest: string } {
  const found: Array<HostMention & { at: number; rank: number }> = [];
  let rest = text;
  for (const { pattern, host } of HOST_PATTERNS) {
    rest = rest.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const id = host(match);
      if (!id) return match[0];
      const at = text.indexOf(match[0]);
      const before = text.slice(Math.max(0, at - 32), Math.max(0, at));
      found.push({
        host: id,
        text: match[0],
        at,
        rank: TARGET_CUE.test(before) || ASKED_OF_CUE.test(before) ? 0 : SOURCE_CUE.test(before) ? 2 : 1,
      });
      return ` ${marker} `;
    });
  }
  found.sort((a, b) => a.rank - b.rank || a.at - b.at);
  return { hosts: found.map(({ host, text: mention }) => ({ host, text: mention })), rest };
}
