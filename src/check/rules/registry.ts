import type { Rule } from './define.ts';
import { hvAzureGuest } from './platform/hv-azure-guest.ts';
import { hvDeviceNoDriver } from './platform/hv-device-no-driver.ts';
import { hvHostIdentified } from './platform/hv-host-identified.ts';
import { hvNotDetected } from './platform/hv-not-detected.ts';
import { support32bitGuest } from './platform/support-32bit-guest.ts';
import { supportDistroEol } from './platform/support-distro-eol.ts';
import { supportHostEol } from './platform/support-host-eol.ts';
import { supportKernelDroppedHost } from './platform/support-kernel-dropped-host.ts';
import { supportMinorReleaseOld } from './platform/support-minor-release-old.ts';
import { supportNotInMatrix } from './platform/support-not-in-matrix.ts';
import { lisBuiltinVersionNote } from './lis/lis-builtin-version-note.ts';
import { lisDaemonConflict } from './lis/lis-daemon-conflict.ts';
import { lisInitrdMissingHv } from './lis/lis-initrd-missing-hv.ts';
import { lisKernelUnsupported } from './lis/lis-kernel-unsupported.ts';
import { lisKernelUpdateRisk } from './lis/lis-kernel-update-risk.ts';
import { lisModulesNotLoaded } from './lis/lis-modules-not-loaded.ts';
import { lisNotNeededBuiltin } from './lis/lis-not-needed-builtin.ts';
import { lisOutdated } from './lis/lis-outdated.ts';
import { lisRequiredMissing } from './lis/lis-required-missing.ts';
import { lisVmbusCapped } from './lis/lis-vmbus-capped.ts';
import { dm32bit } from './feature/dm-32bit.ts';
import { dmBalloonOnly } from './feature/dm-balloon-only.ts';
import { dmHostNoLinuxDm } from './feature/dm-host-no-linux-dm.ts';
import { dmHotaddFailed } from './feature/dm-hotadd-failed.ts';
import { dmHotaddNotOnlined } from './feature/dm-hotadd-not-onlined.ts';
import { dmSizingTip } from './feature/dm-sizing-tip.ts';
import { fcLun0 } from './feature/fc-lun0.ts';
import { fcopyNotAvailable } from './feature/fcopy-not-available.ts';
import { featureTable } from './feature/feature-table.ts';
import { gen2SecureBoot } from './feature/gen2-secure-boot.ts';
import { gen2Unsupported } from './feature/gen2-unsupported.ts';
import { kvpDaemonMissing } from './feature/kvp-daemon-missing.ts';
import { kvpDaemonNotRunning } from './feature/kvp-daemon-not-running.ts';
import { kvpPoolPerms } from './feature/kvp-pool-perms.ts';
import { kvpProtocolMismatch } from './feature/kvp-protocol-mismatch.ts';
import { kvpUbuntuToolsMismatch } from './feature/kvp-ubuntu-tools-mismatch.ts';
import { trimNotSupported } from './feature/trim-not-supported.ts';
import { trimNotUsed } from './feature/trim-not-used.ts';
import { vhdxResizeLimited } from './feature/vhdx-resize-limited.ts';
import { vrssSingleChannel } from './feature/vrss-single-channel.ts';
import { vssCaveats } from './feature/vss-caveats.ts';
import { vssDaemonMissing } from './feature/vss-daemon-missing.ts';
import { vssDaemonNotRunning } from './feature/vss-daemon-not-running.ts';
import { vssNotAvailable } from './feature/vss-not-available.ts';
import { vssTimeouts } from './feature/vss-timeouts.ts';
import { bpClocksource } from './best-practice/bp-clocksource.ts';
import { bpDynamicVhdxFs } from './best-practice/bp-dynamic-vhdx-fs.ts';
import { bpFreebsdDiskLabels } from './best-practice/bp-freebsd-disk-labels.ts';
import { bpFreebsdDvdAta } from './best-practice/bp-freebsd-dvd-ata.ts';
import { bpFreebsdMtu } from './best-practice/bp-freebsd-mtu.ts';
import { bpGen2GrubTimeout } from './best-practice/bp-gen2-grub-timeout.ts';
import { bpIoScheduler } from './best-practice/bp-io-scheduler.ts';
import { bpKdumpMemory } from './best-practice/bp-kdump-memory.ts';
import { bpLegacyNic } from './best-practice/bp-legacy-nic.ts';
import { bpNoSyntheticNic } from './best-practice/bp-no-synthetic-nic.ts';
import { bpNumaOldKernel } from './best-practice/bp-numa-old-kernel.ts';
import { bpStaticIpInjectionNm } from './best-practice/bp-static-ip-injection-nm.ts';
import { bpStaticMacHa } from './best-practice/bp-static-mac-ha.ts';
import { bpUbuntuKernelFlavour } from './best-practice/bp-ubuntu-kernel-flavour.ts';
import { hostIcDisabled } from './host-settings/host-ic-disabled.ts';
import { hostIcNoContact } from './host-settings/host-ic-no-contact.ts';
import { hostLegacyAdapter } from './host-settings/host-legacy-adapter.ts';
import { hostSecureBootTemplate } from './host-settings/host-secure-boot-template.ts';
import {
  kiCentos68Mtrr,
  kiKvpLogFlood,
  kiLisSymbolMismatch,
  kiNetvscErrors,
  kiSoftLockup,
  kiStorvscErrors,
  kiVmbusConnectFail,
} from './known-issue/signature-rules.ts';

/** Every rule, in catalogue order. A test checks this covers the whole catalogue. */
export const RULES = [
  hvNotDetected,
  hvAzureGuest,
  hvHostIdentified,
  hvDeviceNoDriver,
  supportDistroEol,
  supportNotInMatrix,
  supportHostEol,
  supportKernelDroppedHost,
  supportMinorReleaseOld,
  support32bitGuest,
  lisRequiredMissing,
  lisNotNeededBuiltin,
  lisOutdated,
  lisModulesNotLoaded,
  lisKernelUnsupported,
  lisKernelUpdateRisk,
  lisDaemonConflict,
  lisBuiltinVersionNote,
  lisVmbusCapped,
  lisInitrdMissingHv,
  featureTable,
  dm32bit,
  dmHostNoLinuxDm,
  dmBalloonOnly,
  dmHotaddNotOnlined,
  dmHotaddFailed,
  dmSizingTip,
  kvpDaemonMissing,
  kvpDaemonNotRunning,
  kvpUbuntuToolsMismatch,
  kvpProtocolMismatch,
  kvpPoolPerms,
  vssDaemonMissing,
  vssDaemonNotRunning,
  vssNotAvailable,
  vssCaveats,
  vssTimeouts,
  fcopyNotAvailable,
  hostIcNoContact,
  hostIcDisabled,
  trimNotUsed,
  trimNotSupported,
  vrssSingleChannel,
  gen2Unsupported,
  gen2SecureBoot,
  hostSecureBootTemplate,
  vhdxResizeLimited,
  fcLun0,
  bpIoScheduler,
  bpLegacyNic,
  hostLegacyAdapter,
  bpNoSyntheticNic,
  bpStaticMacHa,
  bpStaticIpInjectionNm,
  bpNumaOldKernel,
  bpKdumpMemory,
  bpGen2GrubTimeout,
  bpClocksource,
  bpFreebsdDiskLabels,
  bpFreebsdDvdAta,
  bpFreebsdMtu,
  bpUbuntuKernelFlavour,
  bpDynamicVhdxFs,
  kiVmbusConnectFail,
  kiLisSymbolMismatch,
  kiKvpLogFlood,
  kiCentos68Mtrr,
  kiStorvscErrors,
  kiNetvscErrors,
  kiSoftLockup,
] as const;

export type RuleId = (typeof RULES)[number]['id'];

/** Catalogue ids with no rule module, and why. Empty: the catalogue is generated from the rules. */
export const NOT_IMPLEMENTED: ReadonlyMap<RuleId, string> = new Map();

export const RULES_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r as Rule]));
