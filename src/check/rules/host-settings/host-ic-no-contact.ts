import { installDaemonFix } from '../daemon-fixes.ts';
import { defineRule, fact } from '../define.ts';
import { evidenceOf, finding } from '../helpers.ts';
import { listNames, named, noContact } from './integration-services.ts';

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
    const kvp = named(silent, 'Key-Value Pair Exchange');
    if (kvp) {
      out.push(
        finding(ctx, {
          title: 'The KVP daemon in the guest is not answering the host',
          detail: `Key-Value Pair Exchange is on at the host but shows "${kvp.status}": the guest's KVP daemon (hv_kvp_daemon) is not installed or not running, so Hyper-V Manager shows no IP address for the VM and cannot inject one.`,
          fix: installDaemonFix(ctx, 'kvp'),
          evidence,
          kbFix: false,
        }),
      );
    }
    const vss = named(silent, 'VSS');
    if (vss) {
      out.push(
        finding(ctx, {
          title: 'The VSS daemon in the guest is not answering the host',
          detail: `VSS is on at the host but shows "${vss.status}": the guest's VSS daemon (hv_vss_daemon) is not installed or not running, so a live backup cannot freeze the guest's file systems and falls back to a saved-state (offline) backup.`,
          fix: installDaemonFix(ctx, 'vss'),
          evidence,
          kbFix: false,
        }),
      );
    }
    const gsi = named(silent, 'Guest Service Interface');
    if (gsi) {
      out.push(
        finding(ctx, {
          severity: 'info',
          title: 'The file-copy daemon in the guest is not answering the host',
          detail: `Guest Service Interface is on at the host but shows "${gsi.status}": the guest's file-copy daemon (hv_fcopy_daemon) is not running, so Copy-VMFile cannot reach the VM.`,
          fix: installDaemonFix(ctx, 'fcopy'),
          evidence,
          kbFix: false,
        }),
      );
    }
    return out.length > 0 ? out : 'pass';
  },
});
