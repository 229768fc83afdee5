import type { GuestFacts, ModuleInfo } from '../../guest-facts.ts';
import type * as z from 'zod';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import { hasAny, linesOf, observe, unique, type Line } from './view.ts';

type Module = z.infer<typeof ModuleInfo>;

/** Kernel config symbols whose =y means the driver is built in. */
const CONFIG_TO_MODULE: Record<string, string> = {
  CONFIG_HYPERV: 'hv_vmbus',
  CONFIG_HYPERV_STORAGE: 'hv_storvsc',
  CONFIG_HYPERV_NET: 'hv_netvsc',
  CONFIG_HYPERV_UTILS: 'hv_utils',
  CONFIG_HYPERV_BALLOON: 'hv_balloon',
  CONFIG_HID_HYPERV_MOUSE: 'hid_hyperv',
  CONFIG_HYPERV_KEYBOARD: 'hyperv_keyboard',
  CONFIG_FB_HYPERV: 'hyperv_fb',
  CONFIG_DRM_HYPERV: 'hyperv_drm',
  CONFIG_PCI_HYPERV: 'pci_hyperv',
  CONFIG_HYPERV_VSOCKETS: 'hv_sock',
};

export function normaliseModule(name: string): string {
  return name.trim().replace(/-/g, '_');
}

function isHvModule(name: string): boolean {
  return /^(?:hv_|hyperv|hid_hyperv|pci_hyperv)/.test(name);
}

/** Every module name listed by lsmod or /proc/modules (not only Hyper-V ones). */
// Five extractors ask for the loaded modules of the same upload: read them once.
const loadedCache = new WeakMap<SectionMap, { names: ReadonlySet<string>; lines: ReadonlyMap<string, Line> }>();

export function loadedModules(sections: SectionMap): { names: ReadonlySet<string>; lines: ReadonlyMap<string, Line> } {
  let loaded = loadedCache.get(sections);
  if (!loaded) {
    loaded = readLoadedModules(sections);
    loadedCache.set(sections, loaded);
  }
  return loaded;
}

function readLoadedModules(sections: SectionMap): { names: Set<string>; lines: Map<string, Line> } {
  const names = new Set<string>();
  const lines = new Map<string, Line>();
  for (const line of linesOf(sections, SECTION.lsmod)) {
    const m = /^([A-Za-z0-9_-]{1,64})\s+\d{1,12}\s/.exec(line.text);
    if (!m?.[1] || m[1] === 'Module') continue;
    const name = normaliseModule(m[1]);
    names.add(name);
    if (!lines.has(name)) lines.set(name, line);
  }
  // FreeBSD kldstat: file names (hv_vmbus.ko) and "module: ... vmbus/hv_vmbus" lines.
  for (const line of linesOf(sections, SECTION.bsdKldstat)) {
    for (const m of line.text.matchAll(/\b([a-z][a-z0-9_]{1,40})(?:\.ko)?\b/g)) {
      const name = m[1] ?? '';
      if (/^(?:hv_\w+|hyperv\w*|vmbus|storvsc|netvsc|hn|if_hn)$/.test(name)) {
        names.add(name);
        if (!lines.has(name)) lines.set(name, line);
      }
    }
  }
  return { names, lines };
}

function parseModinfo(lines: Line[]): { modules: Map<string, Module>; evidence: Map<string, Line[]> } {
  const modules = new Map<string, Module>();
  const evidence = new Map<string, Line[]>();
  let current: Module | undefined;
  const start = (name: string, line: Line): Module => {
    const n = normaliseModule(name);
    let m = modules.get(n);
    if (!m) {
      m = { name: n, notFound: false, builtin: false, fromLis: false };
      modules.set(n, m);
      evidence.set(n, []);
    }
    evidence.get(n)?.push(line);
    return m;
  };
  for (const line of lines) {
    const text = line.text.trim();
    const notFound = /Module ([\w-]{1,64}) not found/.exec(text);
    if (notFound?.[1]) {
      start(notFound[1], line).notFound = true;
      current = undefined;
      continue;
    }
    const field = /^([a-z_]{2,20}):\s+(.*)$/.exec(text);
    if (!field) continue;
    const [, key, value = ''] = field;
    if (key === 'module') {
      current = start(value, line);
      continue;
    }
    if (key === 'filename') {
      const base = /([\w-]{1,64})\.ko(?:\.xz|\.gz|\.zst)?$/.exec(value)?.[1];
      if (base && (!current || normaliseModule(base) !== current.name)) current = start(base, line);
      if (!current) continue;
      current.filename = value;
      current.builtin = value === '(builtin)';
      current.fromLis = /\/(?:extra|weak-updates\/microsoft-hyper-v)\//.test(value);
      evidence.get(current.name)?.push(line);
      continue;
    }
    if (key === 'name' && !current) {
      current = start(value, line);
      continue;
    }
    if (!current) continue;
    if (key === 'version' && !current.version) {
      current.version = value.slice(0, 40);
      evidence.get(current.name)?.push(line);
    }
    if (key === 'vermagic') current.vermagic = value.split(/\s+/, 1)[0];
    if (key === 'srcversion') current.srcversion = value.slice(0, 40);
  }
  return { modules, evidence };
}

export function moduleFacts(sections: SectionMap): Pick<GuestFacts, 'hvModules'> {
  if (
    !hasAny(sections, SECTION.lsmod, SECTION.modinfo, SECTION.kernelConfig, SECTION.sysModule, SECTION.sysModuleVmbus, SECTION.bsdKldstat)
  )
    return {};
  const ev: Line[] = [];
  const loaded = loadedModules(sections);
  const hvLoaded = [...loaded.names].filter(isHvModule).sort();
  for (const name of hvLoaded) {
    const l = loaded.lines.get(name);
    if (l) ev.push(l);
  }

  const builtin = new Set<string>();
  for (const line of linesOf(sections, SECTION.kernelConfig)) {
    const cfg = /^(CONFIG_[A-Z0-9_]{1,60})=y\b/.exec(line.text.trim());
    const mod = cfg?.[1] ? CONFIG_TO_MODULE[cfg[1]] : undefined;
    if (mod) {
      builtin.add(mod);
      ev.push(line);
    }
    const mb = /^modules\.builtin:\s+\S*\/([\w-]{1,64})\.ko/.exec(line.text.trim());
    if (mb?.[1]) {
      builtin.add(normaliseModule(mb[1]));
      ev.push(line);
    }
  }

  const info = parseModinfo(linesOf(sections, SECTION.modinfo));
  for (const m of info.modules.values()) {
    if (m.builtin) builtin.add(m.name);
    if (m.version || m.fromLis || m.builtin) ev.push(...(info.evidence.get(m.name) ?? []).slice(0, 2));
  }

  const loadedVersions: Record<string, string> = {};
  for (const line of linesOf(sections, SECTION.sysModule)) {
    const m = /^([\w-]{1,64}) version=(\S{1,40})/.exec(line.text.trim());
    if (m?.[1] && m[2]) {
      loadedVersions[normaliseModule(m[1])] = m[2];
      ev.push(line);
    }
  }
  const vmbusVersion = linesOf(sections, SECTION.sysModuleVmbus).find((l) => /^\d{1,3}(?:\.\d{1,5}){0,3}$/.test(l.text.trim()));
  if (vmbusVersion && !loadedVersions.hv_vmbus) {
    loadedVersions.hv_vmbus = vmbusVersion.text.trim();
    ev.push(vmbusVersion);
  }

  const value = {
    loaded: hvLoaded,
    builtin: unique(builtin).sort(),
    info: [...info.modules.values()].map((m) => stripUndefined(m)),
    loadedVersions,
  };
  return { hvModules: observe(value, ev) };
}
