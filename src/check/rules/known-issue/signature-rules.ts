import type { LogSignatureId } from '../../guest-facts.ts';
import { defineRule } from '../define.ts';
import { evidenceOf, finding, versionBetween } from '../helpers.ts';
import type { RuleContext } from '../types.ts';

/**
 * Known issues recognised by log signatures. They share all their logic: find the signature the
 * parser counted, apply a threshold and (for one of them) a release condition, report.
 */
interface SignatureRule<Id extends string> {
  readonly id: Id;
  readonly severity: 'critical' | 'warning' | 'info';
  readonly title: string;
  readonly signatures: readonly LogSignatureId[];
  readonly detail: string;
  readonly fix: string;
  /** Below this many log lines the finding is only informational (a single line is no burst). */
  readonly burst?: number;
  /** Lines needed before the rule reports anything at all. */
  readonly minimum?: number;
  /** The release the issue belongs to; other releases pass. */
  readonly applies?: (ctx: RuleContext) => boolean | undefined;
}

function signatureRule<const Id extends string>(spec: SignatureRule<Id>) {
  return defineRule({
    id: spec.id,
    category: 'known-issue',
    severity: spec.severity,
    title: spec.title,
    needs: ['logSignatures'],
    evaluate(ctx) {
      const hits = (ctx.facts.logSignatures ?? []).filter((s) => spec.signatures.includes(s.id));
      const count = hits.reduce((n, h) => n + h.count, 0);
      if (count === 0 || count < (spec.minimum ?? 1)) return 'pass';
      const applies = spec.applies?.(ctx);
      if (applies === false) return 'pass';
      const severity = spec.burst !== undefined && count < spec.burst ? 'info' : undefined;
      return finding(ctx, {
        ...(severity ? { severity } : {}),
        detail: `${spec.detail} (${count} log line${count === 1 ? '' : 's'}${applies === undefined && spec.applies ? '; release unknown' : ''}.)`,
        fix: spec.fix,
        evidence: evidenceOf(...hits.map((h) => h.evidence)),
      });
    },
  });
}

export const kiVmbusConnectFail = signatureRule({
  id: 'KI_VMBUS_CONNECT_FAIL',
  severity: 'critical',
  title: 'Guest and host cannot agree on a VMBus version',
  signatures: ['vmbus-connect-fail'],
  detail:
    'The guest kernel could not agree on a VMBus protocol with the host (or a VMBus device failed to probe): synthetic disks and network adapters may be missing.',
  fix: 'Compare kernel and host: kernels from 5.19 dropped the 2008/2008 R2 protocols. Boot an older kernel or move the VM to a newer host.',
});
export const kiLisSymbolMismatch = signatureRule({
  id: 'KI_LIS_SYMBOL_MISMATCH',
  severity: 'critical',
  title: 'Hyper-V modules rejected for symbol version mismatch',
  signatures: ['symbol-mismatch'],
  detail:
    'The kernel rejected Hyper-V modules because their symbol versions do not match it: typically LIS modules built for an older kernel. In Generation 2 VMs the console keyboard and mouse may stop working.',
  fix: 'Reinstall LIS for the running kernel (or the newest LIS), or boot the kernel the installed LIS was built for; on releases with built-in drivers, remove LIS.',
});
export const kiKvpLogFlood = signatureRule({
  id: 'KI_KVP_LOG_FLOOD',
  severity: 'warning',
  title: 'KVP daemon restart loop floods the log',
  signatures: ['kvp-register-flood'],
  minimum: 10,
  detail:
    'The log repeats "KVP: user-mode registering done" many times: the KVP daemon keeps restarting against an older kernel driver and fills /var/log.',
  fix: 'Use a KVP daemon that matches the kernel (update the kernel or the daemon package), or stop the daemon until they match.',
});
export const kiCentos68Mtrr = signatureRule({
  id: 'KI_CENTOS68_MTRR',
  severity: 'warning',
  title: 'Large VMs lose memory to an MTRR bug',
  signatures: ['mtrr-lost-memory'],
  applies: (ctx) =>
    ctx.guest.rhelLike ? versionBetween(ctx.guest.version, '6.8', '6.9') : ctx.guest.distro === undefined ? undefined : false,
  detail:
    'The kernel reports that MTRRs do not cover all memory and drops RAM: a known problem of the RHEL/CentOS 6.8 and 6.9 kernels on large VMs.',
  fix: 'Update to a newer kernel (or a LIS build that carries the fix), or give the VM less memory than the kernel drops.',
});
export const kiStorvscErrors = signatureRule({
  id: 'KI_STORVSC_ERRORS',
  severity: 'warning',
  title: 'Storage driver errors in the log',
  signatures: ['storvsc-errors'],
  burst: 3,
  detail: 'The storage driver logged errors, timeouts or aborts: slow or failing host storage, or an old storvsc driver.',
  fix: "Check the host's storage latency and event logs at the same times; update the guest kernel or LIS if the driver is old.",
});
export const kiNetvscErrors = signatureRule({
  id: 'KI_NETVSC_ERRORS',
  severity: 'warning',
  title: 'Network driver errors in the log',
  signatures: ['netvsc-errors'],
  burst: 3,
  detail: 'The synthetic network driver logged errors (send failures, ring buffer problems).',
  fix: 'Update the kernel or LIS; if errors come in bursts, check the host virtual switch and physical NIC at the same times.',
});
export const kiSoftLockup = signatureRule({
  id: 'KI_SOFT_LOCKUP',
  severity: 'info',
  title: 'Soft lockups or hung tasks in the log',
  signatures: ['soft-lockup'],
  detail: 'The kernel logged soft lockups or hung tasks: often host CPU or storage contention, sometimes old drivers.',
  fix: 'Correlate the times with host load and storage latency; update the kernel or LIS if the stack traces show Hyper-V drivers.',
});
