import type { GuestDistro, GuestFacts } from '../guest-facts.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { FeatureId, HostId } from '../../knowledge/schema/index.ts';
import { parseVersion } from '../../knowledge/version.ts';
import type { CheckOptions } from '../report/check-report.ts';
import { hostFloorForBuild, hostName, hostRank, type HostFamily } from './data/hosts.ts';
import type { FeatureStatus } from './features.ts';
import type { CheckContext, GuestView, HostView } from './types.ts';
import { cached } from './kb-cache.ts';
import { uekReleaseOf } from './data/uek.ts';
import { uekKey } from '../../knowledge/query/uek.ts';
import { featureVerdicts, supportVerdict, type GuestSupport, type VerdictQuery } from './verdicts.ts';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const NO_FEATURES: ReadonlyMap<FeatureId, FeatureStatus> = new Map();

/**
 * The UEK release to hold the guest to. Pages that split a release by quarterly update (R3 QU1…QU3)
 * cannot be matched from the kernel version alone: then any UEK column of the release's version is read.
 */
function uekPin(kb: KnowledgeBase, family: GuestDistro, key: string | undefined): string | undefined {
  if (!key) return undefined;
  const labels = kb
    .history(family)
    .flatMap((s) => s.columns.map((c) => (c.kernel?.label ? uekKey(c.kernel.label) : undefined)))
    .filter((k) => k !== undefined);
  return labels.some((k) => k !== key && k.startsWith(`${key}qu`)) && !labels.includes(key) ? undefined : key;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function hostView(facts: GuestFacts, override: HostId | undefined): HostView | undefined {
  if (override) return { family: override, floor: override, label: hostName(override), source: 'user', confidence: 'high' };
  const host = facts.host;
  if (!host) return undefined;
  const { hostId, build, product, osVersion, source } = host.value;
  const family: HostFamily | undefined =
    hostId ?? (build === 6001 || build === 6002 || (build === undefined && osVersion === '6.0') ? '2008' : undefined);
  const floor = family ?? (build !== undefined ? hostFloorForBuild(build) : undefined);
  const label = family
    ? hostName(family)
    : (product ?? (build !== undefined ? `Hyper-V host build ${build}` : 'an unidentified Hyper-V host'));
  // Built by assignment, not conditional spreads: this runs once per inventory row.
  const view: Mutable<HostView> = { label, source, confidence: host.confidence ?? 'high' };
  if (family) view.family = family;
  if (floor) view.floor = floor;
  if (build !== undefined) view.build = build;
  return view;
}

function hyperVState(facts: GuestFacts): GuestView['hyperV'] {
  const mods = facts.hvModules?.value;
  const drivers =
    (mods !== undefined && (mods.loaded.includes('hv_vmbus') || mods.builtin.includes('hv_vmbus'))) ||
    (facts.vmbusDevices?.value.length ?? 0) > 0 ||
    facts.vmbus !== undefined ||
    facts.network?.value.synthetic === true ||
    facts.storage?.value.storvsc === true ||
    facts.balloon?.value.driver === true;
  const hypervisor = facts.virtualization?.value.hypervisor;
  if (drivers) return 'yes';
  if (hypervisor === 'other' || hypervisor === 'none') return 'no';
  // A module list without any VMBus driver on a Hyper-V VM: it runs on emulated devices.
  if (hypervisor === 'hyperv' && mods !== undefined && facts.os?.value.distro !== 'freebsd') return 'no-drivers';
  if (hypervisor === 'hyperv' || facts.host !== undefined) return 'yes';
  return 'unknown';
}

function integrationOf(facts: GuestFacts, hyperV: GuestView['hyperV']): GuestView['integration'] {
  const lis = facts.lis?.value;
  if (lis?.installed) return lis.version ? { kind: 'download', package: `LIS ${lis.version}` } : { kind: 'download' };
  const daemonPackages = [facts.daemons?.kvp, facts.daemons?.vss].flatMap((d) => d?.value.packages ?? []);
  if (facts.os?.value.distro === 'freebsd' && daemonPackages.some((p) => p.startsWith('hyperv-is'))) return { kind: 'ports' };
  if (hyperV === 'no-drivers') return { kind: 'none' };
  if (hyperV === 'yes' || lis !== undefined) return { kind: 'built-in' };
  return null;
}

/** LIS releases whose drivers can give memory back but never take more (see the KB's dm-balloon-only-releases). */
export function lisIsBalloonOnly(version: string | undefined): boolean {
  return version !== undefined && /^(?:[0-3]\.|4\.0(?:\.|$)|4\.1(?:\.|$))/.test(version);
}

function adjustFeatures(
  facts: GuestFacts,
  table: ReadonlyMap<FeatureId, FeatureStatus>,
  is32bit: boolean | undefined,
): ReadonlyMap<FeatureId, FeatureStatus> {
  // The KB table is shared through the cache: copy it only when the guest changes an answer.
  let out: Map<FeatureId, FeatureStatus> | undefined;
  const withReason = (feature: FeatureId, reason: string) => {
    const kb = (out ?? table).get(feature);
    if (!kb?.available) return;
    out ??= new Map(table);
    out.set(feature, { ...kb, available: false, why: `${kb.why}; but ${reason}` });
  };
  const daemons = facts.daemons;
  if (daemons?.kvp?.value.installed === false) withReason('kvp', 'no KVP daemon is installed');
  if (daemons?.vss?.value.installed === false) withReason('live-backup', 'no VSS daemon is installed');
  if (daemons?.fcopy?.value.installed === false) withReason('file-copy', 'no file-copy daemon is installed');
  if (is32bit) {
    withReason('dm-hot-add', 'this is a 32-bit guest (Dynamic Memory needs 64-bit)');
    withReason('dm-ballooning', 'this is a 32-bit guest (Dynamic Memory needs 64-bit)');
  }
  const lis = facts.lis?.value;
  if (lis?.installed && lisIsBalloonOnly(lis.version)) withReason('dm-hot-add', `LIS ${lis.version ?? ''} only supports ballooning`);
  if (facts.memory?.value.hotplugConfig === false) withReason('dm-hot-add', 'the kernel is built without memory hot-plug');
  return out ?? table;
}

/** Works out once what many rules need: the host, the integration, the KB's support and feature answers. */
export function buildContext(kb: KnowledgeBase, facts: GuestFacts, options: CheckOptions = {}): CheckContext {
  const os = facts.os?.value;
  const parsed = os?.version ? parseVersion(os.version) : undefined;
  const distro = os?.distro;
  const flavour = facts.kernel?.value.flavour;
  const rhelLike = (distro === 'rhel' || distro === 'centos' || distro === 'oracle-linux') && flavour !== 'uek';
  const host = hostView(facts, options.host);
  const vmbusVersion = facts.vmbus?.value.version;
  const vmbusFloor: HostFamily | undefined = facts.vmbus?.value.hostAtLeast ?? (vmbusVersion === '0.13' ? '2008' : undefined);
  const hyperV = hyperVState(facts);
  const lis = facts.lis?.value;
  const arch = facts.kernel?.value.arch;
  const is32bit = arch === undefined ? undefined : /^(?:i[3-6]86|x86|armv\w+)$/.test(arch);
  const balloon = facts.balloon?.value;
  // The host's own settings (Get-VMMemory) outrank what the user says and what the guest's log suggests.
  const userDm = facts.vmSettings?.value.dynamicMemory ?? facts.userContext?.value.dynamicMemory;
  const dmInUse = userDm ?? (balloon?.dmOffered || balloon?.hotAddFailed ? true : undefined);

  const integration = integrationOf(facts, hyperV);
  const hostId = host?.family && host.family !== '2008' ? host.family : undefined;
  const key = `${distro ?? ''}|${os?.version ?? ''}|${flavour === 'uek' ? (facts.kernel?.value.release ?? '') : (flavour ?? '')}|${is32bit === undefined ? '' : is32bit ? '32' : '64'}|${integration?.kind ?? ''}|${lis?.installed ? (lis.version ?? '?') : ''}|${hostId ?? ''}|${hyperV}`;
  let support: GuestSupport | undefined;
  let features: ReadonlyMap<FeatureId, FeatureStatus> = NO_FEATURES;
  const version = os?.version;
  if (distro && version && parsed) {
    // Everything the KB is asked depends only on what the key holds: inventories repeat a few keys.
    const answers = cached(kb, 'guest-kb', key, () => {
      const kernel: 'rhck' | 'uek' | undefined = distro === 'oracle-linux' ? (flavour === 'uek' ? 'uek' : 'rhck') : undefined;
      const release = facts.kernel?.value.release;
      const query: VerdictQuery = {
        family: distro,
        version,
        integration: lis?.installed ? 'download' : 'built-in',
        kernel,
        uek: kernel === 'uek' && release ? uekPin(kb, distro, uekReleaseOf(release)) : undefined,
        arch: is32bit === undefined ? undefined : is32bit ? '32-bit' : '64-bit',
        lisPackage: lis?.installed && lis.version ? `LIS ${lis.version.split('.').slice(0, 2).join('.')}` : undefined,
        lisRelease: lis?.installed ? lis.version : undefined,
        host: hostId,
      };
      return { support: supportVerdict(kb, query), table: hyperV === 'no' ? NO_FEATURES : featureVerdicts(kb, query) };
    });
    support = answers.support;
    if (hyperV !== 'no') features = adjustFeatures(facts, answers.table, is32bit);
  }

  const guest: Mutable<GuestView> = { rhelLike, hyperV, integration, key, features };
  if (distro) guest.distro = distro;
  if (os?.version) guest.version = os.version;
  const major = parsed?.parts[0];
  if (major !== undefined) guest.major = major;
  const minor = parsed?.parts[1] ?? parsed?.servicePack;
  if (minor !== undefined) guest.minor = minor;
  if (host) guest.host = host;
  if (vmbusFloor) guest.vmbusFloor = vmbusFloor;
  if (lis) guest.lis = lis.version ? { installed: lis.installed, version: lis.version } : { installed: lis.installed };
  if (is32bit !== undefined) guest.is32bit = is32bit;
  if (dmInUse !== undefined) guest.dmInUse = dmInUse;
  return { facts, kb, support, asOf: options.asOf ?? today(), hostOverride: options.host, guest };
}

/** True when the host is known to be at least `target`; undefined when that cannot be told. */
export function hostAtLeast(ctx: CheckContext, target: HostFamily): boolean | undefined {
  const host = ctx.guest.host;
  if (host?.family) return hostRank(host.family) >= hostRank(target);
  const floors = [host?.floor, ctx.guest.vmbusFloor].filter((f): f is HostFamily => f !== undefined);
  if (floors.some((f) => hostRank(f) >= hostRank(target))) return true;
  return undefined;
}

/** True when the host is known to be older than `target`; undefined when that cannot be told. */
export function hostBelow(ctx: CheckContext, target: HostFamily): boolean | undefined {
  const atLeast = hostAtLeast(ctx, target);
  if (atLeast === true) return false;
  const family = ctx.guest.host?.family;
  return family ? hostRank(family) < hostRank(target) : undefined;
}
