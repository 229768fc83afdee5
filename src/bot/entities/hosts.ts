import type { ClientHostId, HostId } from '../../knowledge/schema/index.ts';

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
const CLIENT_TWINS: Record<ClientHostId, HostId> = { '8': '2012', '8.1': '2012 R2', '10': '2016', '11': '2022' };
const CLIENT_HOST = /\b(?:(?:windows|win)\s*|w)(8\.1|8|10|11)\b(?!\s*\.\d)/g;

/**
 * The desktop Windows a question names as its Hyper-V host, when it stands for `host` (its server twin): release notes
 * that list "Windows 10" beside the servers say so of the client itself. Undefined when it names several.
 */
export function clientHostNamed(question: string, host: HostId): ClientHostId | undefined {
  const named = new Set([...question.toLowerCase().matchAll(CLIENT_HOST)].map((m) => m[1] as ClientHostId));
  const [client] = named;
  return named.size === 1 && CLIENT_TWINS[client!] === host ? client : undefined;
}

function serverHost(year: string | undefined, r2: string | undefined): HostId | undefined {
  if (!year) return undefined;
  if (r2 && (year === '2012' || year === '2008')) return `${year} R2` as HostId;
  return SERVER_YEARS[year];
}

/** Ordered most specific first; each match is removed from the text before the next pattern runs. */
const HOST_PATTERNS: readonly HostPattern[] = [
  { pattern: CLIENT_HOST, host: (m) => CLIENT_TWINS[m[1] as ClientHostId] },
  // "w2k8r2", "2k12 r2", "win2k19": Windows 2000 shorthand with the year's last digits.
  {
    pattern: /\b(?:w|win|ws|server|srv|svr)?2k\s*-?(8|08|12|16|19|22|25)[\s-]*(r2)?\b/g,
    host: (m) => serverHost(SHORT_YEARS[m[1]!], m[2]),
  },
  // Not "SUSE Linux Enterprise Server 12" or "Ubuntu Server 22.04": that server is the distro.
  {
    pattern: /\b(?<!(?:enterprise|ubuntu)\s+)(?:ws|srv|svr|server)\s*-?(08|12|16|19|22|25)(?![.\d])[\s-]*(r2)?\b/g,
    host: (m) => serverHost(SHORT_YEARS[m[1]!], m[2]),
  },
  // Not "Exchange 2016" or "SQL Server 2019": other Microsoft products' releases are no Hyper-V host.
  {
    pattern:
      /(?<!\b(?:exchange|sql(?:\s*server)?|sharepoint|office|visual\s*studio|skype\s*for\s*business|dynamics|system\s*center|scvmm|sccm|ms\s*sql)\s*)\b(?:(?:microsoft\s+)?(?:windows\s*server|win\s*server|winsrv|windows|win|ws|w|s|server|srv|svr|hyper-?v(?:\s*server)?|hv)\s*-?)?(2008|2012|2016|2019|2022|2025)[\s-]*(r2)?\b/g,
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
 * "the hyper-v hosts are 2022", "prod is ws2025", "the new one is 2019", "today we're on 2019": the host the guests
 * run on now, beside another Windows Server the message names for something else.
 */
const RUNS_ON_CUE =
  /\b(?:(?:hyper-?v|hypervisor|virtualization|virtualisation)(?:\s+(?:hosts?|nodes?|servers?|cluster))?\s+(?:is|are|runs?|run)|(?:hosts?|nodes?|cluster|prod(?:uction)?(?:\s+hyper-?v)?)\s+(?:is|are)(?:\s+(?:all|now|on))?|new\s+one\s+is|(?:is|it'?s|we'?re|are)\s+(?:all\s+)?(?:on\s+)?(?:now\s+)?(?:on\s+)?|now\s+(?:on|runs?|is|are))\s+(?:(?:the|our|an?|new|newer|all)\s+)*$/;
/**
 * "the domain controllers are 2012 R2", "WSUS lives on a 2012 R2 box", "the backup server runs 2022", "forest functional
 * level is 2008 R2", "dev box is windows 11": a Windows Server that is not the guests' host.
 */
const OTHER_ROLE_CUE =
  /\b(?:domain controllers?|dcs?|wsus|forest(?:\s+functional)?(?:\s+level)?|domain functional level|backup server|file server|sql server|exchange|dev box|lab|laptop|desktop|workstation)\b[^.;,]{0,24}$/;
/** "our 2012 R2 boxes are gone", "the 2016 nodes get decommissioned", "2025 is coming next quarter": not the host asked of. */
const NOT_THE_HOST_AFTER =
  /^\s*(?:r2\s+)?(?:\w+\s+){0,2}(?:(?:is|are|were|was|get|got|getting|being)\s+)?(?:gone|retired|decommission\w*|coming|next\s+(?:quarter|month|year)|planned|eol|end of life)\b/;
/** "we retired our 2008 R2 boxes", "old cluster was 2012", "upgrade of the 2019 cluster to 2022": a host being left. */
const LEFT_CUE =
  /\b(?:(?:retired|decommissioned)(?:\s+(?:the|our|all|old))*|old\s+(?:cluster|hosts?|nodes?)\s+(?:was|were|is|are)|upgrade\s+of\s+(?:the|our)?|upgraded\s+(?:the|our)?|exported\s+from\s+(?:a|the|our)?)\s*$/;

/** "an image that ran fine on 2008 R2", "templates we built back on 2012": the host a guest ran on before it moved. */
const RAN_BEFORE_CUE =
  /\b(?:ran|worked|was running|were running|used to run|lived|built|made|created|installed)\s+(?:\w+\s+){0,3}?(?:on|under)\s+(?:(?:the|our|an?|old|older)\s+)*$/;

/** "windows server 2012 r2 guests", "a windows 10 vm", "a physical windows 2008 box": Windows as a guest, not the host. */
const WINDOWS_NAMED = /\b(?:windows|win|server)\b/i;
const AS_A_MACHINE_AFTER =
  /^\s*(?:r2\s+)?(?:(?:datacenter|standard|pro|enterprise|core)\s+)?(?:guests?|vms?|virtual machines?|box|boxes|machines?)\b/;

/** 0: the host asked of or moved to; 1: a host named; 2: a host left, or another machine's Windows Server. */
function rankOf(before: string, after: string, mention: string): number {
  if (RAN_BEFORE_CUE.test(before)) return 2;
  if (WINDOWS_NAMED.test(mention) && AS_A_MACHINE_AFTER.test(after)) return 2;
  if (TARGET_CUE.test(before) || ASKED_OF_CUE.test(before) || RUNS_ON_CUE.test(before)) return 0;
  if (SOURCE_CUE.test(before) || LEFT_CUE.test(before) || OTHER_ROLE_CUE.test(before) || NOT_THE_HOST_AFTER.test(after)) return 2;
  return 1;
}

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
        rank: rankOf(before, text.slice(at + match[0].length, at + match[0].length + 48), match[0]),
      });
      return ` ${marker} `;
    });
  }
  found.sort((a, b) => a.rank - b.rank || a.at - b.at);
  return { hosts: found.map(({ host, text: mention }) => ({ host, text: mention })), rest };
}
