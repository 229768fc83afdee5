import type { GuestFacts, IoScheduler } from '../../guest-facts.ts';
import type * as z from 'zod';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import { loadedModules } from './modules.ts';
import { hasAny, keyValues, linesOf, observe, safeInt, sectionEvidence, unique, type Line } from './view.ts';

/** "noop deadline [cfq]": the bracketed word is the active scheduler. */
export function parseScheduler(device: string, list: string): z.infer<typeof IoScheduler> | undefined {
  const open = list.indexOf('[');
  const close = list.indexOf(']', open + 1);
  if (open === -1 || close === -1 || close - open > 40) return undefined;
  const active = list.slice(open + 1, close).trim();
  const available = list.replace(/[[\]]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 12);
  return active ? { device, active, available } : undefined;
}

export function schedulerFacts(sections: SectionMap): Pick<GuestFacts, 'ioSchedulers'> {
  const found: z.infer<typeof IoScheduler>[] = [];
  const ev: Line[] = [];
  for (const line of linesOf(sections, SECTION.schedulers)) {
    const withPath = /^\/sys\/block\/([\w.-]{1,40})\/queue\/scheduler:\s*(.*)$/.exec(line.text.trim());
    const parsed = withPath ? parseScheduler(withPath[1] ?? '?', withPath[2] ?? '') : parseScheduler('?', line.text);
    if (parsed && !/^(?:loop|ram|zram|sr)\d/.test(parsed.device)) {
      found.push(parsed);
      ev.push(line);
    }
  }
  return found.length > 0 ? { ioSchedulers: observe(found, ev) } : {};
}

const IDE_DRIVERS = /^(?:ata_piix|pata_\w+|ide_\w+|piix)$/;

export function storageFacts(sections: SectionMap): Pick<GuestFacts, 'storage' | 'trim' | 'fstab'> {
  const out: Pick<GuestFacts, 'storage' | 'trim' | 'fstab'> = {};
  const ev: Line[] = [];
  const adapters: string[] = [];
  const disks: { name: string; vendor?: string; model?: string }[] = [];
  for (const line of linesOf(sections, SECTION.blockDevices)) {
    const host = /^scsi_host \S+ proc_name=(\S{1,40})/.exec(line.text.trim());
    if (host?.[1]) {
      adapters.push(host[1]);
      ev.push(line);
      continue;
    }
    const name = /^([a-z][\w-]{0,30}) /.exec(line.text)?.[1];
    if (!name) continue;
    const kv = keyValues(line.text);
    disks.push(stripUndefined({ name, vendor: kv.vendor || undefined, model: kv.model || undefined }));
  }
  for (const line of linesOf(sections, SECTION.bsdCamcontrol)) {
    const m = /^<([^>]{1,80})>.*\((\w{1,20})/.exec(line.text.trim());
    if (m?.[2]) {
      disks.push({ name: m[2], model: m[1] });
      ev.push(line);
    }
  }
  const mods = loadedModules(sections);
  const storvscLine =
    mods.lines.get('hv_storvsc') ??
    mods.lines.get('storvsc') ??
    linesOf(sections, SECTION.dmesg, SECTION.bsdDmesg).find((l) => /storvsc\d?: <Hyper-V|scsi host\d+: storvsc/.test(l.text));
  const builtinStorvsc = linesOf(sections, SECTION.kernelConfig).find((l) => /^CONFIG_HYPERV_STORAGE=y/.test(l.text));
  const ideLine = [...mods.lines.entries()].find(([name]) => IDE_DRIVERS.test(name))?.[1];
  const storvsc = adapters.includes('storvsc') || storvscLine !== undefined || builtinStorvsc !== undefined;
  const ide = adapters.some((a) => IDE_DRIVERS.test(a)) || ideLine !== undefined;
  for (const l of [storvscLine, builtinStorvsc, ideLine]) if (l) ev.push(l);
  if (hasAny(sections, SECTION.blockDevices, SECTION.lsmod, SECTION.bsdCamcontrol) || storvscLine) {
    out.storage = observe({ hostAdapters: unique(adapters), storvsc, emulatedIde: ide && !storvsc, disks }, ev);
  }

  const discard = linesOf(sections, SECTION.discard);
  const devices: { device: string; discardMaxBytes: number }[] = [];
  let fstrimTimer: string | undefined;
  let cron = false;
  const tev: Line[] = [];
  for (const line of discard) {
    const d = /^\/sys\/block\/([\w.-]{1,40})\/queue\/discard_max_bytes:\s*(\d{1,20})$/.exec(line.text.trim());
    if (d?.[1]) {
      devices.push({ device: d[1], discardMaxBytes: safeInt(d[2]) ?? Number.MAX_SAFE_INTEGER });
      tev.push(line);
    }
    const t = /^fstrim\.timer enabled=(\S*)/.exec(line.text.trim());
    if (t) {
      fstrimTimer = t[1] || undefined;
      tev.push(line);
    }
    if (/^cron \S*fstrim/.test(line.text.trim())) {
      cron = true;
      tev.push(line);
    }
  }
  // The timer as systemctl prints it elsewhere in the upload (services section, sosreport, paste).
  for (const line of linesOf(sections, SECTION.services, SECTION.discard)) {
    const t = line.text.trim();
    const unit =
      /^(?:unit-file: )?fstrim\.timer\s+(enabled|enabled-runtime|static|disabled|masked|indirect)(?=\s|$)/.exec(t) ??
      /^fstrim\.timer\s+loaded\s+(active)\b/.exec(t) ??
      /^unit-active: fstrim\.timer (active)$/.exec(t);
    if (unit?.[1] && (fstrimTimer === undefined || fstrimTimer === '' || /^(?:disabled|masked)/.test(fstrimTimer))) {
      fstrimTimer = unit[1] === 'active' ? 'enabled' : unit[1];
      tev.push(line);
    }
  }
  // A crontab line or a cron script that runs fstrim (weekly cron.d entries, root's crontab).
  for (const line of linesOf(sections, SECTION.discard, SECTION.cron)) {
    const t = line.text.trim();
    if (t.startsWith('#')) continue;
    if (
      /(?:^|[\s/:])fstrim(?:\s|$)/.test(t) &&
      (/^(?:@(?:weekly|daily|monthly)|[\d*/,-]+\s+[\d*/,-]+\s+[\d*/,-]+\s+[\d*/,-]+\s+[\d*/,-]+)\s/.test(t) ||
        /cron[^:]*:/.test(t) ||
        /^(?:exec\s+)?\S*fstrim\s/.test(t))
    ) {
      cron = true;
      tev.push(line);
    }
  }
  const mountLines = linesOf(sections, SECTION.fstab, SECTION.mounts);
  // fstab and /proc/mounts put the options in field 4; `mount` prints "dev on /x type ext4 (rw,discard)".
  const optionsOf = (text: string) => /\btype \S+ \(([^)]{0,400})\)/.exec(text)?.[1] ?? text.trim().split(/\s+/)[3] ?? '';
  const discardMount = [...mountLines, ...linesOf(sections, SECTION.bsdMount)].filter((l) =>
    optionsOf(l.text)
      .split(',')
      .some((o) => o === 'discard' || o === 'trim'),
  );
  tev.push(...discardMount);
  if (discard.length > 0 || sections.has(SECTION.discard)) {
    out.trim = observe(
      stripUndefined({ devices, fstrimTimer, cron, discardMount: discardMount.length > 0 }),
      tev.length ? tev : sectionEvidence(sections, SECTION.discard),
    );
  }

  const fstab = linesOf(sections, SECTION.fstab).filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
  if (fstab.length > 0) {
    const specs = fstab.map((l) => ({ line: l, spec: l.text.trim().split(/\s+/)[0] ?? '' }));
    const rawDevice =
      /^\/dev\/(?:[shv]d[a-z]{1,2}\d{0,3}|xvd[a-z]{1,2}\d{0,3}|da\d{1,3}\w{0,8}|ada\d{1,3}\w{0,8}|nvme\d{1,2}n\d{1,2}(?:p\d{1,3})?)$/;
    const devicePaths = specs.filter((s) => rawDevice.test(s.spec));
    out.fstab = observe(
      {
        entries: fstab.length,
        byUuid: specs.filter((s) => /^(?:UUID=|PARTUUID=|\/dev\/disk\/by-(?:uuid|partuuid)\/)/.test(s.spec)).length,
        byLabel: specs.filter((s) =>
          /^(?:LABEL=|PARTLABEL=|\/dev\/(?:disk\/by-(?:label|id|path)|gpt|gptid|ufs|ufsid|label)\/)/.test(s.spec),
        ).length,
        byMapper: specs.filter(
          (s) =>
            /^\/dev\/(?:mapper\/|[\w-]{1,60}\/[\w-]{1,60}$)/.test(s.spec) && !/^\/dev\/(?:disk|gpt|gptid|ufs|ufsid|label)\//.test(s.spec),
        ).length,
        devicePaths: devicePaths.map((s) => s.spec),
      },
      devicePaths.length > 0 ? devicePaths.map((s) => s.line) : fstab.slice(0, 3),
    );
  }
  return out;
}
