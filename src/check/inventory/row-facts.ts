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

/** A cell's text, or undefined when it is empty. */
function cellOf(row: InventoryRow, column: InventoryColumn): string | undefined {
  const v = row[column]?.trim();
  return v === '' ? undefined : v;
}

function osFromRow(row: InventoryRow, rowNo: number): GuestFacts['os'] {
  const family = cellOf(row, 'os_family');
  if (!family) return undefined;
  const version = cellOf(row, 'os_version');
  const distro = distroFromText(family);
  const normalised = version ? normaliseVersion(version) : undefined;
  return ev(
    stripUndefined({ distro, rawId: family.toLowerCase().slice(0, 40), version: normalised, like: [] as string[] }),
    rowNo,
    'os_family',
    `${family} ${version ?? ''}`.trim(),
  );
}

function kernelFromRow(row: InventoryRow, rowNo: number, distro: GuestDistro | undefined): GuestFacts['kernel'] {
  const kernel = cellOf(row, 'kernel');
  if (!kernel || !/^\d{1,3}\.\d{1,3}/.test(kernel)) return undefined;
  const osType = distro === 'freebsd' ? 'FreeBSD' : 'Linux';
  const parsed = osType === 'Linux' ? parseLinuxRelease(kernel, distro) : { upstream: [], vendorBuild: [], pae: false };
  return ev(stripUndefined({ osType, release: kernel.slice(0, 100), arch: cellOf(row, 'arch'), ...parsed }), rowNo, 'kernel', kernel);
}

/** The host from its build number when given (more precise), else from its name. */
function hostFromRow(row: InventoryRow, rowNo: number): GuestFacts['host'] {
  const build = safeInt(cellOf(row, 'host_build'), 999_999);
  if (build !== undefined) {
    const known = hostForBuild(build);
    return ev(
      stripUndefined({ build, hostId: known?.hostId, product: known?.product, source: 'inventory' as const }),
      rowNo,
      'host_build',
      String(build),
    );
  }
  const hostText = cellOf(row, 'host_os');
  const hostId = hostText ? hostFromText(hostText) : undefined;
  return hostId && hostText ? ev({ hostId, source: 'inventory' as const }, rowNo, 'host_os', hostText) : undefined;
}

function lisFromRow(row: InventoryRow, rowNo: number): GuestFacts['lis'] {
  const lis = cellOf(row, 'lis_package');
  if (!lis) return undefined;
  const v = /(\d{1,2}\.\d{1,3}(?:\.\d{1,3})?)/.exec(lis)?.[1];
  const builtIn = /built.?in|none|no|inbox/i.test(lis);
  if (!v && !builtIn) return undefined;
  return ev(
    stripUndefined({ installed: !builtIn && v !== undefined, version: builtIn ? undefined : v, packages: [] as string[] }),
    rowNo,
    'lis_package',
    lis,
  );
}

/** "running", "stopped", "missing", "not installed", yes/no… as the daemon's state. */
function daemonFromRow(row: InventoryRow, rowNo: number, column: 'kvp_daemon' | 'vss_daemon') {
  const text = cellOf(row, column);
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
}

/** The columns only a person can tell: Dynamic Memory settings, clustering, MAC type and notes. */
function userContextFromRow(row: InventoryRow, rowNo: number): GuestFacts['userContext'] {
  const mac = cellOf(row, 'mac_type')?.toLowerCase();
  const macType: 'static' | 'dynamic' | undefined = mac === 'static' || mac === 'dynamic' ? mac : undefined;
  const context = stripUndefined({
    dynamicMemory: yesNo(cellOf(row, 'dynamic_memory')),
    dmStartupMb: safeInt(cellOf(row, 'dm_startup_mb'), 64 * 1024 * 1024),
    dmMaxMb: safeInt(cellOf(row, 'dm_max_mb'), 64 * 1024 * 1024),
    clustered: yesNo(cellOf(row, 'clustered')),
    macType,
    notes: cellOf(row, 'notes')?.slice(0, 500),
  });
  return Object.keys(context).length > 0 ? ev(context, rowNo, 'notes', 'user-supplied columns') : undefined;
}

/** Facts one inventory row states. Inventory values are what a person typed: low confidence. */
export function rowFacts(row: InventoryRow, rowNo: number): GuestFacts {
  const facts: GuestFacts = {};
  const os = osFromRow(row, rowNo);
  if (os) facts.os = os;
  const kernel = kernelFromRow(row, rowNo, os?.value.distro);
  if (kernel) facts.kernel = kernel;
  const host = hostFromRow(row, rowNo);
  if (host) facts.host = host;
  const gen = cellOf(row, 'generation');
  if (gen === '1' || gen === '2') facts.generation = ev(Number(gen) as 1 | 2, rowNo, 'generation', gen);
  const lis = lisFromRow(row, rowNo);
  if (lis) facts.lis = lis;
  const kvp = daemonFromRow(row, rowNo, 'kvp_daemon');
  const vss = daemonFromRow(row, rowNo, 'vss_daemon');
  if (kvp || vss) facts.daemons = stripUndefined({ kvp, vss });
  const sched = cellOf(row, 'io_scheduler');
  if (sched && /^[\w-]{1,20}$/.test(sched))
    facts.ioSchedulers = ev([{ device: '*', active: sched, available: [] }], rowNo, 'io_scheduler', sched);
  const context = userContextFromRow(row, rowNo);
  if (context) facts.userContext = context;
  return facts;
}
