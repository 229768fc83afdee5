import type { GuestFacts } from '../../guest-facts.ts';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { loadedModules } from './modules.ts';
import { linesOf, observe, type Line } from './view.ts';

const AZURE_ASSET_TAG = '7783-7084-3265-9085-8269-3286-77';

export function virtualizationFacts(sections: SectionMap): Pick<GuestFacts, 'virtualization' | 'azure'> {
  const out: Pick<GuestFacts, 'virtualization' | 'azure'> = {};
  const detect = linesOf(sections, SECTION.detectVirt, SECTION.virtWhat, SECTION.bsdVmGuest).find((l) =>
    /^[a-z][\w-]{0,30}$/.test(l.text.trim()),
  );
  const word = detect?.text.trim();
  const hvLog = linesOf(sections, SECTION.dmesg, SECTION.bsdDmesg).find((l) =>
    /Hypervisor detected: Microsoft Hyper-?V|Hyper-V Host (?:OS )?Build|Hyper-V Version:|on vmbus\d/i.test(l.text),
  );
  const dmi = linesOf(sections, SECTION.dmiId, SECTION.dmidecode, SECTION.bsdKenv);
  const vendor = dmi.find((l) => /(?:sys_vendor=|Manufacturer:|smbios\.system\.maker=)\s*Microsoft Corporation/.test(l.text));
  const product = dmi.find((l) => /(?:product_name=|Product Name:|smbios\.system\.product=)\s*Virtual Machine/.test(l.text));
  const vmbus = loadedModules(sections).lines.get('hv_vmbus');
  if (word === 'microsoft' || word === 'hyperv' || word === 'hv' || word === 'virtualpc') {
    out.virtualization = observe({ hypervisor: 'hyperv' as const, detail: word }, detect ? [detect] : [], 'high');
  } else if (hvLog || vmbus) {
    out.virtualization = observe(
      { hypervisor: 'hyperv' as const },
      [hvLog ?? vmbus].filter((l): l is Line => l !== undefined),
      'high',
    );
  } else if (vendor && product) {
    out.virtualization = observe({ hypervisor: 'hyperv' as const }, [vendor, product], 'medium');
  } else if (detect && word === 'none') {
    out.virtualization = observe({ hypervisor: 'none' as const }, [detect], 'medium');
  } else if (detect && word) {
    out.virtualization = observe({ hypervisor: 'other' as const, detail: word }, [detect], 'medium');
  }

  const tag = dmi.find((l) => /(?:chassis_asset_tag=|Asset Tag:|smbios\.chassis\.tag=)/.test(l.text) && /\d/.test(l.text));
  const agent = [
    ...linesOf(sections, SECTION.lisFiles).filter((l) => /^present \/(?:var\/lib\/waagent|etc\/waagent\.conf)$/.test(l.text.trim())),
    ...linesOf(sections, SECTION.packages).filter((l) => /walinuxagent/i.test(l.text)),
  ];
  if (tag?.text.includes(AZURE_ASSET_TAG)) out.azure = observe(true, [tag], 'high');
  else if (agent.length > 0) out.azure = observe(true, agent, 'medium');
  else if (tag) out.azure = observe(false, [tag], 'high');
  return out;
}

export function firmwareFacts(sections: SectionMap): Pick<GuestFacts, 'generation' | 'secureBoot'> {
  const out: Pick<GuestFacts, 'generation' | 'secureBoot'> = {};
  const fw = linesOf(sections, SECTION.firmware, SECTION.bsdBootmethod);
  const boot = fw.find((l) => /^(?:boot=(?:uefi|bios)|UEFI|BIOS)$/.test(l.text.trim()));
  if (boot) {
    out.generation = observe(/uefi/i.test(boot.text) ? 2 : 1, [boot], 'high');
  } else {
    const dmi = linesOf(sections, SECTION.dmiId, SECTION.dmidecode, SECTION.bsdKenv);
    const uefi = dmi.find((l) => /Hyper-V UEFI Release/.test(l.text));
    const ami = dmi.find((l) => /(?:bios_version=|Version:\s|smbios\.bios\.version=)\s*0900\d\d\b/.test(l.text));
    const efiLog = linesOf(sections, SECTION.dmesg).find((l) => /\befi: EFI v\d/.test(l.text));
    const ide = linesOf(sections, SECTION.vmbusDevices, SECTION.lsvmbus).find((l) => /32412632-86cb-44a2-9b5c-50d1417354f5/i.test(l.text));
    if (uefi) out.generation = observe(2, [uefi], 'medium');
    else if (efiLog) out.generation = observe(2, [efiLog], 'medium');
    else if (ami) out.generation = observe(1, [ami], 'medium');
    else if (ide) out.generation = observe(1, [ide], 'medium');
  }
  const sb = [
    ...fw.filter((l) => /^secure_boot=(?:enabled|disabled)$/.test(l.text.trim()) || /SecureBoot (?:enabled|disabled)/.test(l.text)),
    ...linesOf(sections, SECTION.dmesg).filter((l) => /[Ss]ecure ?boot (?:enabled|disabled)/.test(l.text)),
  ][0];
  if (sb) out.secureBoot = observe(/enabled/.test(sb.text) ? 'enabled' : 'disabled', [sb], 'high');
  return out;
}
