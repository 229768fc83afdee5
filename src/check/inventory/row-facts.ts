import type { GuestDistro, GuestFacts, Observed } from '../guest-facts.ts';
import type { HostId } from '../../knowledge/schema/ids.ts';
import { HOST_IDS } from '../../knowledge/schema/ids.ts';
import { normaliseVersion } from '../../knowledge/version.ts';
import { hostForBuild } from '../parse/facts/host-builds.ts';
import { parseLinuxRelease } from '../parse/facts/kernel.ts';
import { stripUndefined, yesNo } from '../parse/facts/meta.ts';
import { safeInt } from '../parse/facts/view.ts';
import type { InventoryColumn, InventoryRow } from './columns.ts';

const DISTRO_ALIASES: Record<string, GuestDistro> = {
  rhel: 'rhel',
  redhat: 'rhel',
  'red hat': 'rhel',
  'red hat enterprise linux': 'rhel',
  centos: 'centos',
  oracle: 'oracle-linux',
  'oracle linux': 'oracle-linux',
  ol: 'oracle-linux',
  'oracle-linux': 'oracle-linux',
  sles: 'sles',
  suse: 'sles',
  'suse linux enterprise server': 'sles',
  opensuse: 'opensuse',
  'opensuse leap': 'opensuse',
  ubuntu: 'ubuntu',
  debian: 'debian',
  freebsd: 'freebsd',
};

export function distroFromText(text: string): GuestDistro | undefined {
  return DISTRO_ALIASES[text.trim().toLowerCase().replace(/\s+/g, ' ')];
}

/** "Windows Server 2012 R2", "2012r2", "WS2016" → a HostId. */
export function hostFromText(text: string): HostId | undefined {
  const t = text
    .toUpperCase()
    .replace(/WINDOWS|SERVER|WS|HYPER-V/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\d{4})\s?R2/, '$1 R2');
  return (HOST_IDS as readonly string[]).includes(t) ? (t as HostId) : undefined;
}

function ev<T>(value: T, row: number, column: InventoryColumn, cell: string): Observed<T> {
  return { value, evidence: [{ section: 'inventory', line: row, text: `${column}=${cell}`.slice(0, 200) }], confidence: 'low' };
}

/** Facts one inventory row states. Inventory values are what a person typed: low confidence. */
export function rowFacts(row: InventoryRow, rowNo: number): GuestFacts {
  const facts: GuestFacts = {};
  const cell = (c: InventoryColumn) => {
    const v = row[c]?.trim();
    return v === '' ? undefined : v;
  };

  const family = cell('os_family');
  const version = cell('os_version');
  if (family) {
    const distro = distroFromText(family);
    const normalised = version ? normaliseVersion(version) : undefined;
    facts.os = ev(
      stripUndefined({ distro, rawId: family.toLowerCase().slice(0, 40), version: normalised, like: [] as string[] }),
      rowNo,
      'os_family',
      `${family} ${version ?? ''}`.trim(),
    );
  }
  const kernel = cell('kernel');
  if (kernel && /^\d{1,3}\.\d{1,3}/.test(kernel)) {
    const osType = facts.os?.value.distro === 'freebsd' ? 'FreeBSD' : 'Linux';
    const parsed = osType === 'Linux' ? parseLinuxRelease(kernel, facts.os?.value.distro) : { upstream: [], vendorBuild: [], pae: false };
    facts.kernel = ev(stripUndefined({ osType, release: kernel.slice(0, 100), arch: cell('arch'), ...parsed }), rowNo, 'kernel', kernel);
  }
  const hostText = cell('host_os');
  const build = safeInt(cell('host_build'), 999_999);
  if (build !== undefined) {
    const known = hostForBuild(build);
    facts.host = ev(
      stripUndefined({ build, hostId: known?.hostId, product: known?.product, source: 'inventory' as const }),
      rowNo,
      'host_build',
      String(build),
    );
  } else if (hostText) {
    const hostId = hostFromText(hostText);
    if (hostId) facts.host = ev({ hostId, source: 'inventory' as const }, rowNo, 'host_os', hostText);
  }
  const gen = cell('generation');
  if (gen === '1' || gen === '2') facts.generation = ev(Number(gen) as 1 | 2, rowNo, 'generation', gen);

  const lis = cell('lis_package');
  if (lis) {
    const v = /(\d{1,2}\.\d{1,3}(?:\.\d{1,3})?)/.exec(lis)?.[1];
    const builtIn = /built.?in|none|no|inbox/i.test(lis);
    if (v || builtIn)
      facts.lis = ev(
        stripUndefined({ installed: !builtIn && v !== undefined, version: builtIn ? undefined : v, packages: [] as string[] }),
        rowNo,
        'lis_package',
        lis,
      );
  }
  const daemon = (column: 'kvp_daemon' | 'vss_daemon') => {
    const text = cell(column);
    if (!text) return undefined;
    const t = text.toLowerCase();
    const running = /running|active|^yes$|^y$|^true$/.test(t)
      ? true
      : /not running|stopped|inactive|^no$|missing|absent|not installed/.test(t)
        ? false
        : undefined;
    const installed = /not installed|missing|absent|^no$/.test(t) ? false : running !== undefined || /installed/.test(t) ? true : undefined;
    if (running === undefined && installed === undefined) return undefined;
    return ev(
      stripUndefined({
        installed,
        running: running === true && installed === false ? undefined : running,
        packages: [],
        units: [],
        processes: [],
      }),
      rowNo,
      column,
      text,
    );
  };
  const kvp = daemon('kvp_daemon');
  const vss = daemon('vss_daemon');
  if (kvp || vss) facts.daemons = stripUndefined({ kvp, vss });

  const sched = cell('io_scheduler');
  if (sched && /^[\w-]{1,20}$/.test(sched))
    facts.ioSchedulers = ev([{ device: '*', active: sched, available: [] }], rowNo, 'io_scheduler', sched);

  const mac = cell('mac_type')?.toLowerCase();
  const macType: 'static' | 'dynamic' | undefined = mac === 'static' || mac === 'dynamic' ? mac : undefined;
  const context = stripUndefined({
    dynamicMemory: yesNo(cell('dynamic_memory')),
    dmStartupMb: safeInt(cell('dm_startup_mb'), 64 * 1024 * 1024),
    dmMaxMb: safeInt(cell('dm_max_mb'), 64 * 1024 * 1024),
    clustered: yesNo(cell('clustered')),
    macType,
    notes: cell('notes')?.slice(0, 500),
  });
  if (Object.keys(context).length > 0) facts.userContext = ev(context, rowNo, 'notes', 'user-supplied columns');
  return facts;
}
