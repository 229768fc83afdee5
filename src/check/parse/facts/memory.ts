import type { GuestFacts } from '../../guest-facts.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import { loadedModules } from './modules.ts';
import { hasAny, linesOf, observe, safeInt, type Line } from './view.ts';

const MAX_DM_MB = 64 * 1024 * 1024;

export function cmdlineFacts(sections: SectionMap): Pick<GuestFacts, 'cmdline'> {
  const line = linesOf(sections, SECTION.cmdline).find((l) => l.text.trim() !== '');
  if (!line) return {};
  const words = line.text.trim().split(/\s+/);
  const opt = (key: string) => words.find((w) => w.startsWith(`${key}=`))?.slice(key.length + 1);
  const value = stripUndefined({
    raw: line.text.trim().slice(0, 1000),
    numaOff: words.includes('numa=off'),
    crashkernel: opt('crashkernel'),
    elevator: opt('elevator'),
    clocksource: opt('clocksource'),
  });
  return { cmdline: observe(value, [line]) };
}

export function cpuFacts(sections: SectionMap): Pick<GuestFacts, 'cpu' | 'numa'> {
  const out: Pick<GuestFacts, 'cpu' | 'numa'> = {};
  const lines = linesOf(sections, SECTION.cpuinfo, SECTION.bsdHw);
  const count = lines.find((l) => /^(?:processors=|hw\.ncpu: )\d/.test(l.text));
  const hv = lines.find((l) => l.text.startsWith('flags_hypervisor='));
  const pae = lines.find((l) => l.text.startsWith('flags_pae='));
  if (count || hv || pae) {
    out.cpu = observe(
      stripUndefined({
        count: safeInt(count?.text.replace(/^\D*/, ''), 100_000),
        hypervisorFlag: hv ? hv.text.endsWith('=yes') : undefined,
        pae: pae ? pae.text.endsWith('=yes') : undefined,
      }),
      [count, hv, pae].filter((l): l is Line => l !== undefined),
    );
  }
  // The last count: a pasted "ls -d …/node*" listing one node a line counts up as it goes.
  const nodes =
    linesOf(sections, SECTION.numa).findLast((l) => /^nodes=\d/.test(l.text)) ?? lines.find((l) => /^NUMA node\(s\):\s+\d/.test(l.text));
  const cmd = linesOf(sections, SECTION.cmdline)[0];
  if (nodes || cmd) {
    const ev = [nodes, cmd].filter((l): l is Line => l !== undefined);
    const numaOff = cmd ? /(?:^|\s)numa=off(?:\s|$)/.test(cmd.text) : false;
    out.numa = observe(stripUndefined({ nodes: safeInt(nodes?.text.replace(/^\D*/, ''), 4096), numaOff }), ev);
  }
  return out;
}

export function memoryFacts(sections: SectionMap, diagnostics: DiagnosticSink): Pick<GuestFacts, 'memory' | 'balloon'> {
  const out: Pick<GuestFacts, 'memory' | 'balloon'> = {};
  const ev: Line[] = [];
  const total = linesOf(sections, SECTION.meminfo).find((l) => l.text.startsWith('MemTotal:'));
  if (total) ev.push(total);
  const hp = linesOf(sections, SECTION.memHotplug);
  const field = (key: string) => {
    const l = hp.find((x) => x.text.startsWith(`${key}=`));
    if (l) ev.push(l);
    return l?.text.slice(key.length + 1).trim();
  };
  const blockHex = field('block_size_bytes');
  const autoOnline = field('auto_online_blocks');
  // The collector prints one states line; a paste of "… | uniq -c" gives one per state.
  const stateLines = hp.filter((l) => l.text.startsWith('states:'));
  const states = stateLines.length > 0 ? { ...stateLines[0]!, text: stateLines.map((l) => l.text).join(' ') } : undefined;
  ev.push(...stateLines);
  const rules = hp.filter((l) => l.text.startsWith('udev memory rule:'));
  ev.push(...rules);
  const config = linesOf(sections, SECTION.kernelConfig);
  const hotplug = config.find((l) => /^(?:# )?CONFIG_MEMORY_HOTPLUG(?:=| is not set)/.test(l.text));
  const defOnline = config.find((l) => /^(?:# )?CONFIG_MEMORY_HOTPLUG_DEFAULT_ONLINE(?:=| is not set)/.test(l.text));
  for (const l of [hotplug, defOnline]) if (l) ev.push(l);
  if (ev.length > 0) {
    out.memory = observe(
      stripUndefined({
        totalKb: safeInt(/(\d{1,16})\s*kB/.exec(total?.text ?? '')?.[1]),
        blockSizeBytes: blockHex && /^[0-9a-f]{1,15}$/i.test(blockHex) ? parseInt(blockHex, 16) : undefined,
        autoOnline: autoOnline || undefined,
        offlineBlocks: states ? (safeInt(/\boffline=(\d{1,9})/.exec(states.text)?.[1]) ?? 0) : undefined,
        onlineRule: sections.has(SECTION.memHotplug) ? rules.some((l) => /ATTR\{state\}\s*=\s*"online"/.test(l.text)) : undefined,
        hotplugConfig: hotplug ? /=y$/.test(hotplug.text.trim()) : undefined,
        hotplugDefaultOnline: defOnline ? /=y$/.test(defOnline.text.trim()) : undefined,
      }),
      ev,
    );
  }

  const logs = linesOf(sections, SECTION.dmesg, SECTION.logs);
  const balloonLines = logs.filter((l) => /hv_balloon/.test(l.text));
  const loaded = loadedModules(sections).lines.get('hv_balloon');
  const dmDevice = linesOf(sections, SECTION.vmbusDevices, SECTION.lsvmbus).find((l) =>
    /525074dc-8985-46e2-8057-a307dc18a502/i.test(l.text),
  );
  if (balloonLines.length === 0 && !loaded && !dmDevice && !hasAny(sections, SECTION.dmesg, SECTION.lsmod)) return out;
  const protocol = balloonLines.map((l) => /Dynamic Memory protocol version (\d{1,2}\.\d{1,2})/.exec(l.text)).find(Boolean);
  const maxLine = balloonLines.find((l) => /Max\. dynamic memory size: /.test(l.text));
  let maxMb: number | 'invalid' | undefined;
  if (maxLine) {
    const raw = /Max\. dynamic memory size: (\S{1,40}) MB/.exec(maxLine.text)?.[1];
    const n = safeInt(raw, MAX_DM_MB);
    maxMb = n ?? 'invalid';
    if (n === undefined)
      diagnostics.add('INPUT_VALUE_INVALID', 'A Dynamic Memory size in the kernel log is not a believable number.', {
        line: maxLine.line,
        section: maxLine.section,
      });
  }
  const failed = balloonLines.filter((l) => /Memory hot add failed|hot_add memory failed/i.test(l.text));
  const builtin = linesOf(sections, SECTION.kernelConfig).find((l) => /^CONFIG_HYPERV_BALLOON=y/.test(l.text));
  const driver =
    balloonLines.length > 0 || loaded !== undefined || builtin !== undefined ? true : sections.has(SECTION.lsmod) ? false : undefined;
  const dmOffered = protocol || maxLine || dmDevice ? true : undefined;
  const bev = [loaded, builtin, dmDevice, ...balloonLines.slice(0, 4), ...failed.slice(0, 2)].filter((l): l is Line => l !== undefined);
  out.balloon = observe(stripUndefined({ driver, dmOffered, protocol: protocol?.[1], maxMb, hotAddFailed: failed.length > 0 }), bev);
  return out;
}
