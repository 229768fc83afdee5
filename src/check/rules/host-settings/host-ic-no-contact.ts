import { installDaemonFix, type DaemonKind } from '../daemon-fixes.ts';
import { defineRule, fact } from '../define.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { listNames, named, noContact } from './integration-services.ts';

/** Services a user-space daemon in the guest answers, and what its silence costs. */
const DAEMON_SERVED: readonly {
  service: string;
  daemon: DaemonKind;
  severity: 'warning' | 'info';
  title: string;
  meaning: string;
}[] = [
  {
    service: 'Key-Value Pair Exchange',
    daemon: 'kvp',
    severity: 'warning',
    title: 'The KVP daemon in the guest is not answering the host',
    meaning:
      "the guest's KVP daemon (hv_kvp_daemon) is not installed or not running, so Hyper-V Manager shows no IP address for the VM and cannot inject one.",
  },
  {
    service: 'VSS',
    daemon: 'vss',
    severity: 'warning',
    title: 'The VSS daemon in the guest is not answering the host',
    meaning:
      "the guest's VSS daemon (hv_vss_daemon) is not installed or not running, so a live backup cannot freeze the guest's file systems and falls back to a saved-state (offline) backup.",
  },
  {
    service: 'Guest Service Interface',
    daemon: 'fcopy',
    severity: 'info',
    title: 'The file-copy daemon in the guest is not answering the host',
    meaning: "the guest's file-copy daemon (hv_fcopy_daemon) is not running, so Copy-VMFile cannot reach the VM.",
  },
];

/** Services answered by hv_utils in the kernel, not by a daemon. */
const KERNEL_SERVICES = ['Heartbeat', 'Shutdown', 'Time Synchronization'];

export const hostIcNoContact = defineRule({
  id: 'HOST_IC_NO_CONTACT',
  category: 'feature',
  severity: 'warning',
  title: 'The host gets no answer from the guest on an integration service',
  needs: ['vmSettings'],
  // The install advice names the Ubuntu tools package for the running kernel.
  uses: ['kernel'],
  withoutHyperV: true,
  evaluate(ctx) {
    const services = fact(ctx, 'vmSettings').value.integrationServices;
    const silent = services.filter(noContact);
    if (silent.length === 0) return services.length === 0 ? 'skip' : 'pass';
    const evidence = evidenceOf(ctx.facts.vmSettings);
    const heartbeat = named(silent, 'Heartbeat');
    if (heartbeat || silent.every((s) => KERNEL_SERVICES.includes(s.name))) {
      return finding(ctx, {
        detail: `The host reports "${heartbeat?.status ?? silent[0]!.status}" for ${listNames(silent.map((s) => s.name))}: the guest's Hyper-V utility driver (hv_utils) is not answering, so it runs without working integration services, or the guest has not finished booting.`,
        fix: 'In the guest, check lsmod | grep hv_ (hv_vmbus and hv_utils should be loaded). On a release without built-in drivers, install the LIS package for it; otherwise load the modules or rebuild the initramfs with them.',
        evidence,
        kbFix: false,
      });
    }
    const out = [];
    for (const served of DAEMON_SERVED) {
      const service = named(silent, served.service);
      if (!service) continue;
      out.push(
        finding(ctx, {
          severity: served.severity,
          title: served.title,
          detail: `${served.service} is on at the host but shows "${service.status}": ${served.meaning}`,
          fix: installDaemonFix(ctx, served.daemon),
          evidence,
          kbFix: false,
        }),
      );
    }
    return out.length > 0 ? out : 'pass';
  },
});
