import type { GuestFacts, HostInfo } from '../../guest-facts.ts';
import type * as z from 'zod';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { hostAtLeastForVmbus, hostForBuild, hostForOsVersion } from './host-builds.ts';
import { stripUndefined } from './meta.ts';
import { linesOf, observe, safeInt, type Line } from './view.ts';

type Host = z.infer<typeof HostInfo>;

const HOST_BUILD = /Hyper-V Host (?:OS )?Build:\s?(\d{4,6})-(\d{1,2}\.\d{1,2})-(\d{1,3})-(\d{1,3})\.(\d{1,6})/;
const HOST_BUILD_ARM = /Hyper-V: Host Build (\d{1,2}\.\d{1,2})\.(\d{4,6})\.(\d{1,6})/;
const VMBUS_VERSION = /Vmbus version:\s?(\d{1,2})\.(\d{1,2})/;
// FreeBSD's vmbus driver line; its exact wording is unconfirmed, so it only feeds the lower bound.
const VMBUS_VERSION_BSD = /^vmbus\d{1,2}: version (\d{1,2})\.(\d{1,2})$/;
const FREEBSD_VERSION = /Hyper-V Version: (\d{1,2}\.\d{1,2})\.(\d{4,6})(?: \[SP(\d{1,2})\])?/;

/** Keys of KVP pool 3 that the host writes. */
const KVP_KEYS = new Set([
  'HostName',
  'HostingSystemEditionId',
  'HostingSystemNestedLevel',
  'HostingSystemOsMajor',
  'HostingSystemOsMinor',
  'HostingSystemProcessorArchitecture',
  'HostingSystemSpMajor',
  'HostingSystemSpMinor',
  'PhysicalHostName',
  'PhysicalHostNameFullyQualified',
  'VirtualMachineDynamicMemoryBalancingEnabled',
  'VirtualMachineId',
  'VirtualMachineName',
]);
/** Only these leave the parser: numbers about the host, nothing that names it. */
const KVP_KEPT = /^(?:HostingSystem\w+|VirtualMachineDynamicMemoryBalancingEnabled)$/;

/** Pool 3 as key/value lines; an empty value makes two keys follow each other. */
export function kvpPairs(lines: Line[]): { pairs: Record<string, string>; evidence: Line[] } {
  const pairs: Record<string, string> = {};
  const evidence: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = lines[i]?.text.trim() ?? '';
    if (!KVP_KEYS.has(key)) continue;
    const next = lines[i + 1];
    const value = next && !KVP_KEYS.has(next.text.trim()) ? next.text.trim() : '';
    if (KVP_KEPT.test(key) && value.length <= 64) {
      pairs[key] = value;
      if (next) evidence.push(next);
    }
    if (value) i++;
  }
  return { pairs, evidence };
}

export function hostFacts(sections: SectionMap): Pick<GuestFacts, 'host' | 'vmbus' | 'kvpHost'> {
  const out: Pick<GuestFacts, 'host' | 'vmbus' | 'kvpHost'> = {};
  const logs = linesOf(sections, SECTION.dmesg, SECTION.bsdDmesg, SECTION.logs);
  const kvp = kvpPairs(linesOf(sections, SECTION.kvpPool));
  if (Object.keys(kvp.pairs).length > 0) out.kvpHost = observe(kvp.pairs, kvp.evidence);

  let host: { value: Host; line: Line[]; confidence: 'high' | 'medium' | 'low' } | undefined;
  for (const line of logs) {
    if (host) break;
    const m = HOST_BUILD.exec(line.text);
    const arm = m ? undefined : HOST_BUILD_ARM.exec(line.text);
    const bsd = m || arm ? undefined : FREEBSD_VERSION.exec(line.text);
    const build = safeInt(m?.[1] ?? arm?.[2] ?? bsd?.[2], 999_999);
    if (build === undefined) continue;
    const known = hostForBuild(build);
    const buildText = m ? m[0].slice(m[0].indexOf(':') + 1).trim() : (arm ?? bsd)?.[0].replace(/^.*?(?:Build|Version:)\s?/, '');
    host = {
      value: stripUndefined({
        build,
        buildText,
        hostId: known?.hostId,
        product: known?.product,
        osVersion: m?.[2] ?? arm?.[1] ?? bsd?.[1],
        source: bsd ? 'freebsd-dmesg' : 'dmesg',
      } as const),
      line: [line],
      confidence: known?.confidence ?? 'high',
    };
  }
  if (!host) {
    const major = kvp.pairs.HostingSystemOsMajor;
    const minor = kvp.pairs.HostingSystemOsMinor;
    if (major && minor && /^\d{1,2}$/.test(major) && /^\d{1,2}$/.test(minor)) {
      const osVersion = `${major}.${minor}`;
      const known = hostForOsVersion(osVersion);
      host = {
        value: stripUndefined({ hostId: known?.hostId, product: known?.product, osVersion, source: 'kvp' } as const),
        line: kvp.evidence,
        confidence: known?.confidence ?? 'medium',
      };
    }
  }
  if (host) out.host = observe(host.value, host.line, host.confidence);

  for (const line of logs) {
    const m = VMBUS_VERSION.exec(line.text) ?? VMBUS_VERSION_BSD.exec(line.text.trim());
    if (!m) continue;
    const version = `${Number(m[1])}.${Number(m[2])}`;
    out.vmbus = observe(stripUndefined({ version, hostAtLeast: hostAtLeastForVmbus(version) }), [line]);
    break;
  }
  return out;
}
