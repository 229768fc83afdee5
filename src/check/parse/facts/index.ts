import type { GuestFacts } from '../../guest-facts.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import type { SectionMap } from '../section.ts';
import { daemonFacts } from './daemons.ts';
import { hostFacts } from './host.ts';
import { kernelFacts } from './kernel.ts';
import { lisFacts } from './lis.ts';
import { logSignatureFacts } from './log-signatures.ts';
import { memoryFacts, cmdlineFacts, cpuFacts } from './memory.ts';
import { collectorFacts, userContextFacts } from './meta.ts';
import { moduleFacts } from './modules.ts';
import { networkFacts } from './network.ts';
import { osFacts } from './os-release.ts';
import { installedPackages } from './packages.ts';
import { firmwareFacts, virtualizationFacts } from './platform.ts';
import { schedulerFacts, storageFacts } from './storage.ts';
import { systemFacts } from './system.ts';
import { timeFacts } from './time.ts';
import { vmbusDeviceFacts } from './vmbus-devices.ts';
import { vmSettingsFacts } from './vm-settings.ts';

/** Runs every fact extractor over the sections. Extractors are pure and skip what is missing. */
export function extractFacts(sections: SectionMap, diagnostics: DiagnosticSink): GuestFacts {
  const os = osFacts(sections);
  const distro = os.os?.value.distro;
  const kernel = kernelFacts(sections, distro);
  const modules = moduleFacts(sections);
  const packages = installedPackages(sections);
  // One Object.assign, not a literal of twenty spreads: V8 copies each spread through a slow path.
  const facts: GuestFacts = {};
  Object.assign(
    facts,
    collectorFacts(sections, diagnostics),
    os,
    kernel,
    virtualizationFacts(sections),
    firmwareFacts(sections),
    hostFacts(sections),
    vmbusDeviceFacts(sections),
    lisFacts(sections, packages, modules.hvModules),
    modules,
    daemonFacts(sections, packages, distro, kernel.kernel?.value.release),
    cpuFacts(sections),
    cmdlineFacts(sections),
    memoryFacts(sections, diagnostics),
    schedulerFacts(sections),
    storageFacts(sections),
    networkFacts(sections),
    timeFacts(sections),
    logSignatureFacts(sections),
    userContextFacts(sections),
    systemFacts(sections, packages),
    vmSettingsFacts(sections),
  );
  // The host's own record of the VM's generation stands in when the guest's output does not show it.
  const hostGeneration = facts.vmSettings?.value.generation;
  if (!facts.generation && hostGeneration) facts.generation = { ...facts.vmSettings!, value: hostGeneration };
  return facts;
}
