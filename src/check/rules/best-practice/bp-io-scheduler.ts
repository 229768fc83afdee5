import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

const GOOD = new Set(['noop', 'none']);

export const bpIoScheduler = defineRule({
  id: 'BP_IO_SCHEDULER',
  category: 'best-practice',
  severity: 'tip',
  title: 'Let the host schedule disk I/O (noop or none)',
  needs: ['ioSchedulers'],
  evaluate(ctx) {
    const schedulers = fact(ctx, 'ioSchedulers');
    if (schedulers.value.length === 0) return 'skip';
    const other = schedulers.value.filter((s) => !GOOD.has(s.active));
    if (other.length === 0) return 'pass';
    const list = other
      .slice(0, 4)
      .map((s) => `${token(s.device, 16)}: ${token(s.active, 20)}`)
      .join(', ');
    const harmless = other.every((s) => /deadline/.test(s.active)) ? ' (deadline does little harm, but it is not the recommendation)' : '';
    return finding(ctx, {
      detail: `Virtual disks use a guest-side I/O scheduler (${list})${harmless}. The host schedules I/O for its physical disks; a second scheduler in the guest only adds latency.`,
      fix: 'Use noop (none on multi-queue kernels): add elevator=noop to the kernel command line on older kernels, or a udev rule such as ACTION=="add|change", KERNEL=="sd[a-z]", ATTR{queue/scheduler}="none".',
      evidence: evidenceOf(schedulers),
    });
  },
});
