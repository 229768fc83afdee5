import type { GuestFacts } from '../../guest-facts.ts';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import { hasAny, linesOf, observe, safeInt, type Line } from './view.ts';

function serviceActive(sections: SectionMap, name: RegExp): { active?: boolean; line?: Line } {
  const unit = linesOf(sections, SECTION.services).find((l) => /^unit-active: /.test(l.text) && name.test(l.text));
  if (unit) return { active: /\sactive$/.test(unit.text.trim()), line: unit };
  const proc = linesOf(sections, SECTION.ps).find((l) => name.test(l.text));
  if (proc) return { active: true, line: proc };
  return sections.has(SECTION.ps) ? { active: false } : {};
}

export function timeFacts(sections: SectionMap): Pick<GuestFacts, 'timeSync' | 'kdump'> {
  const out: Pick<GuestFacts, 'timeSync' | 'kdump'> = {};
  const clock = linesOf(sections, SECTION.clocksource);
  const ev: Line[] = [];
  const current =
    clock.find((l) => l.text.startsWith('current=')) ??
    linesOf(sections, SECTION.bsdTimecounter).find((l) => /^[\w-]{1,40}$/.test(l.text.trim()));
  const available = clock.find((l) => l.text.startsWith('available='));
  const ptp = clock.filter((l) => /clock_name=hyperv\b|^ptp_hyperv=present/.test(l.text.trim()));
  const refclock = clock.filter((l) => /refclock\s+PHC\s+\/dev\/(?:ptp_hyperv|ptp\d)/.test(l.text));
  const ic = linesOf(sections, SECTION.dmesg).find((l) => /hv_utils: TimeSync IC version/.test(l.text));
  for (const l of [current, available, ...ptp, ...refclock, ic]) if (l) ev.push(l);
  if (clock.length > 0 || current || ic) {
    const chrony = serviceActive(sections, /chronyd?\b/);
    const ntpd = serviceActive(sections, /\bntpd?\b/);
    const timesyncd = serviceActive(sections, /systemd-timesyn/);
    for (const s of [chrony, ntpd, timesyncd]) if (s.line) ev.push(s.line);
    out.timeSync = observe(
      stripUndefined({
        clocksource: current ? current.text.replace(/^current=/, '').trim() || undefined : undefined,
        available: (available?.text.replace(/^available=/, '') ?? '').split(/\s+/).filter(Boolean).slice(0, 12),
        ptpHyperv: clock.length > 0 ? ptp.length > 0 : undefined,
        chronyActive: chrony.active,
        chronyRefclockPtp: clock.length > 0 ? refclock.length > 0 : undefined,
        ntpdActive: ntpd.active,
        timesyncdActive: timesyncd.active,
        hvTimesyncIc: ic ? /IC version (\d{1,2}\.\d{1,2})/.exec(ic.text)?.[1] : undefined,
      }),
      ev,
    );
  }

  if (hasAny(sections, SECTION.kdump)) {
    const k = linesOf(sections, SECTION.kdump);
    const crash = k.find((l) => l.text.startsWith('crashkernel='));
    const size = k.find((l) => l.text.startsWith('kexec_crash_size='));
    const loaded = k.find((l) => /^kexec_crash_loaded=[01]$/.test(l.text.trim()));
    const unit = linesOf(sections, SECTION.services).find(
      (l) => /^unit-file: kdump(?:-tools)?\.service /.test(l.text) || /^(?:chkconfig: )?kdump\s+0:/.test(l.text),
    );
    const enabled = unit ? /\benabled$|\b[23]:on\b/.test(unit.text.trim()) : undefined;
    const size0 = safeInt(size?.text.slice(17));
    if (!crash && size0 === undefined && !loaded && !unit) return out;
    out.kdump = observe(
      stripUndefined({
        crashkernel: crash?.text.slice(12).trim() || undefined,
        reservedBytes: size0,
        loaded: loaded ? loaded.text.trim().endsWith('1') : undefined,
        enabled,
      }),
      [crash, size, loaded, unit].filter((l): l is Line => l !== undefined),
    );
  }
  return out;
}
