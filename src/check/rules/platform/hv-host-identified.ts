import { hostName } from '../data/hosts.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

const SOURCE_WORDS: Record<string, string> = {
  dmesg: 'the host build in the kernel log',
  'freebsd-dmesg': 'the Hyper-V version in the FreeBSD boot log',
  kvp: 'the KVP data the host writes into the guest',
  inventory: 'the inventory row',
  user: 'the host you gave (--host)',
};

export const hvHostIdentified = defineRule({
  id: 'HV_HOST_IDENTIFIED',
  category: 'platform',
  severity: 'info',
  title: 'Which Hyper-V host the VM runs on, and how we know',
  needs: [],
  uses: ['host', 'vmbus'],
  evaluate(ctx) {
    const host = ctx.guest.host;
    const vmbus = ctx.facts.vmbus?.value;
    if (!host && !vmbus) return 'skip';
    const parts: string[] = [];
    if (host) {
      parts.push(
        `Host: ${host.label}${host.build !== undefined ? ` (build ${host.build})` : ''}, from ${SOURCE_WORDS[host.source] ?? host.source} (${host.confidence} confidence).`,
      );
      const seen = ctx.facts.host?.value.hostId;
      if (ctx.hostOverride && seen && seen !== ctx.hostOverride) parts.push(`The upload itself points to ${hostName(seen)}.`);
    } else {
      parts.push('The upload does not show which host release this is.');
    }
    if (vmbus) {
      parts.push(
        `VMBus protocol ${vmbus.version} was negotiated: the lower of what guest and host support, so it only says the host is at least ${vmbus.hostAtLeast ? hostName(vmbus.hostAtLeast) : 'as old as that protocol'}.`,
      );
    }
    return finding(ctx, {
      detail: parts.join(' '),
      evidence: evidenceOf(ctx.facts.host, ctx.facts.vmbus),
      kbFix: false,
    });
  },
});
