import type { GuestFacts, NetInterface } from '../../guest-facts.ts';
import type * as z from 'zod';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import { loadedModules } from './modules.ts';
import { hasAny, keyValues, linesOf, observe, safeInt, unique, type Line } from './view.ts';

const LEGACY = /^(?:tulip|de2104x|de4x5|dmfe|de)$/;
const SRIOV = /^(?:mlx4_en|mlx4_core|mlx5_core|mana|ixgbevf|i40evf|iavf|mce|mlx)$/;

export function networkFacts(sections: SectionMap): Pick<GuestFacts, 'network'> {
  // A pasted dmesg alone may show the emulated adapter ("de0: <Digital 21140A …>").
  if (
    !hasAny(sections, SECTION.net, SECTION.lsmod, SECTION.bsdIfconfig, SECTION.bsdDmesg, SECTION.dmesg, SECTION.lspci, SECTION.ethtoolInfo)
  )
    return {};
  const ev: Line[] = [];
  const interfaces: z.infer<typeof NetInterface>[] = [];
  for (const line of linesOf(sections, SECTION.net)) {
    const name = /^([\w.@-]{1,30})(?:\s|$)/.exec(line.text.trim())?.[1];
    if (!name) continue;
    const kv = keyValues(line.text);
    const oui = /^([0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}):/i.exec(kv.mac ?? '')?.[1]?.toLowerCase();
    interfaces.push(
      stripUndefined({
        name,
        driver: kv.driver || undefined,
        macOui: oui,
        mtu: safeInt(kv.mtu, 1_000_000),
        queues: safeInt(kv.queues, 4096),
      }),
    );
    ev.push(line);
  }
  // A pasted "ethtool -i eth0" names the driver only: "driver: tulip".
  for (const line of linesOf(sections, SECTION.ethtoolInfo)) {
    const driver = /^driver:\s*([\w-]{1,30})\s*$/.exec(line.text.trim())?.[1];
    if (!driver) continue;
    interfaces.push({ name: 'ethtool -i', driver });
    ev.push(line);
  }
  // FreeBSD: hn0 is synthetic, de0 the emulated 21140; ifconfig prints "hn0: flags=...".
  for (const line of linesOf(sections, SECTION.bsdIfconfig)) {
    const m = /^([a-z]{1,8})(\d{1,3}): flags=/.exec(line.text);
    if (!m?.[1]) continue;
    const driver = m[1] === 'hn' ? 'hn' : m[1];
    if (m[1] === 'lo') continue;
    interfaces.push(
      stripUndefined({ name: `${m[1]}${m[2] ?? ''}`, driver, mtu: safeInt(/ mtu (\d{1,7})\b/.exec(line.text)?.[1], 1_000_000) }),
    );
    ev.push(line);
  }
  const drivers = interfaces.map((i) => i.driver).filter((d): d is string => d !== undefined);
  const mods = loadedModules(sections);
  const logs = linesOf(sections, SECTION.dmesg, SECTION.bsdDmesg);
  const netvscLine =
    mods.lines.get('hv_netvsc') ??
    logs.find((l) => /hn\d{1,3}: <(?:Hyper-V|Synthetic) Network Interface>|hv_netvsc\b.*(?:eth\d|VF|registering|Hyper-V)/i.test(l.text));
  const legacyMods = [...mods.names].filter((n) => LEGACY.test(n));
  const legacyPci = linesOf(sections, SECTION.lspci).filter((l) => /DECchip 21140|\[1011:0009\]/.test(l.text));
  const legacyBsd = logs.filter((l) => /^de\d{1,3}: </.test(l.text.trim()));
  const legacy = unique([
    ...drivers.filter((d) => LEGACY.test(d)),
    ...legacyMods,
    ...(legacyPci.length > 0 ? ['tulip'] : []),
    ...(legacyBsd.length > 0 ? ['de'] : []),
  ]);
  const sriov = unique([...drivers.filter((d) => SRIOV.test(d)), ...[...mods.names].filter((n) => SRIOV.test(n))]);
  for (const l of [netvscLine, ...legacyPci, ...legacyBsd]) if (l) ev.push(l);
  for (const n of [...legacyMods, ...sriov]) {
    const l = mods.lines.get(n);
    if (l) ev.push(l);
  }

  const bindings = [
    ...linesOf(sections, SECTION.persistentNet).filter((l) => /ATTR\{address\}==/.test(l.text)),
    ...linesOf(sections, SECTION.ifcfg).filter((l) => /(?:^|\s)(?:HWADDR|MACADDR)=\S/.test(l.text)),
    ...linesOf(sections, SECTION.netplan, SECTION.interfaces).filter((l) => /macaddress|hwaddress/.test(l.text)),
  ];
  ev.push(...bindings.slice(0, 3));
  const bindingSections = hasAny(sections, SECTION.persistentNet, SECTION.ifcfg, SECTION.netplan, SECTION.interfaces);
  const nm =
    linesOf(sections, SECTION.networkManager).find((l) => /^NetworkManager active=/.test(l.text)) ??
    linesOf(sections, SECTION.ps).find((l) => /\bNetworkManager\b/.test(l.text));
  if (nm) ev.push(nm);
  const nmActive = nm ? (nm.text.startsWith('NetworkManager active=') ? /=active$/.test(nm.text.trim()) : true) : undefined;
  const value = stripUndefined({
    interfaces,
    synthetic: drivers.some((d) => d === 'hv_netvsc' || d === 'hn') || netvscLine !== undefined,
    legacy,
    sriov,
    macBound: bindingSections ? bindings.length > 0 : undefined,
    networkManagerActive: nmActive,
  });
  return { network: observe(value, ev) };
}
