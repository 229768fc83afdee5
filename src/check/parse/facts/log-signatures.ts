import type { GuestFacts, LogSignatureId } from '../../guest-facts.ts';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { hasAny, linesOf, observe, type Line } from './view.ts';

/** Known kernel/daemon log lines; rules decide what a count means. */
const SIGNATURES: readonly (readonly [LogSignatureId, RegExp])[] = [
  ['vmbus-connect-fail', /hv_vmbus: (?:Unable to connect to host|probe failed)/],
  ['symbol-mismatch', /(?:hv_|hyperv|hid_hyperv|vmbus).{0,40}(?:disagrees about version of symbol|Unknown symbol)/],
  ['hot-add-failed', /hv_balloon: (?:Memory hot add failed|hot_add memory failed)/i],
  ['kvp-protocol-mismatch', /KVP: (?:IP injection functionality not available|Upgrade the KVP daemon|incompatible daemon)/],
  ['kvp-register-flood', /KVP: user-mode registering done/],
  ['vss-timeout', /VSS: timeout waiting for daemon to reply/],
  [
    'vss-freeze-fail',
    /(?:hv_vss_daemon|Hyper-V VSS|VSS:).{0,80}(?:freeze|thaw).{0,40}fail|(?:freeze|thaw).{0,40}fail.{0,80}(?:hv_vss|VSS)/i,
  ],
  ['fcopy-channel-absent', /open \/dev\/vmbus\/hv_fcopy failed/],
  ['vss-channel-absent', /open \/dev\/vmbus\/hv_vss failed/],
  ['mtrr-lost-memory', /MTRRs don't cover all of memory, losing/],
  ['storvsc-errors', /storvsc.{0,80}(?:timed out|error|abort)|hv_storvsc.{0,80}scsi status/i],
  ['netvsc-errors', /hv_netvsc.{0,80}(?:unable|fail|ring buffer)/i],
  ['soft-lockup', /soft lockup|hung_task|blocked for more than \d{1,6} seconds/],
  ['ubuntu-tools-missing', /WARNING: (?:hv_\w{1,30}|lsvmbus) not found for kernel/],
];

export function logSignatureFacts(sections: SectionMap): Pick<GuestFacts, 'logSignatures'> {
  if (!hasAny(sections, SECTION.dmesg, SECTION.bsdDmesg, SECTION.logs)) return {};
  const hits = new Map<LogSignatureId, Line[]>();
  for (const line of linesOf(sections, SECTION.dmesg, SECTION.bsdDmesg, SECTION.logs, SECTION.services)) {
    for (const [id, pattern] of SIGNATURES) {
      if (!pattern.test(line.text)) continue;
      const list = hits.get(id) ?? [];
      list.push(line);
      hits.set(id, list);
    }
  }
  const logSignatures = [...hits.entries()].map(([id, lines]) => ({
    id,
    count: lines.length,
    evidence: observe(null, lines.slice(0, 3)).evidence,
  }));
  return { logSignatures };
}
