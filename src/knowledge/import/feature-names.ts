// The canonical map from the row names the matrix pages have used (2015–2025) to feature ids.
import type { FeatureCategory, FeatureId } from '../schema/ids.ts';
import { cleanInline } from './text.ts';

/** Every row name seen in the upstream pages, plus the names the Feature Descriptions page uses. */
export const FEATURE_ALIASES: Readonly<Record<FeatureId, readonly string[]>> = {
  core: ['Core'],
  'accurate-time': ['Windows Server 2016 Accurate Time', 'Accurate Time', 'Windows Server 2016 Accurate Time support'],
  'vcpus-over-256': ['>256 vCPUs', '\\>256 vCPUs', 'More than 256 vCPUs', 'Over 256 vCPUs'],
  'jumbo-frames': ['Jumbo frames'],
  vlan: ['VLAN tagging and trunking', 'VLAN tagging'],
  'live-migration': ['Live Migration', 'Live migration', 'Migration'],
  'static-ip-injection': ['Static IP Injection', 'Static IP injection'],
  vrss: ['vRSS', 'vRSS (Virtual Receive Side Scaling)', 'Virtual Receive Side Scaling'],
  'tcp-offload': ['TCP Segmentation and Checksum Offloads', 'TCP Segmentation and Checksum Offload'],
  lro: ['Large Receive Offload (LRO)', 'Large Receive Offload', 'LRO'],
  'sr-iov': ['SR-IOV'],
  'vhdx-resize': ['VHDX resize', 'Online VHDX resize'],
  'fibre-channel': ['Virtual Fibre Channel', 'Virtual Fiber Channel'],
  'live-backup': ['Live virtual machine backup', 'Live VM backup'],
  trim: ['TRIM support', 'TRIM'],
  'scsi-wwn': ['SCSI WWN'],
  pae: ['PAE Kernel Support', 'PAE kernel'],
  'mmio-gap': ['Configuration of MMIO gap', 'MMIO gap'],
  'dm-hot-add': [
    'Dynamic Memory - Hot-Add',
    'Dynamic Memory - Hot Add',
    'Dynamic Memory – Hot Add',
    'Dynamic Memory Hot-Add',
    'Hot-Add',
    'Hot Add',
    '– Hot Add',
  ],
  'dm-ballooning': [
    'Dynamic Memory - Ballooning',
    'Dynamic Memory – Ballooning',
    'Dynamic Memory Ballooning',
    'Ballooning',
    '– Ballooning',
  ],
  'runtime-memory-resize': ['Runtime Memory Resize', 'Manual Memory Hot Add', 'Manual Memory Hot-Add'],
  video: [
    'Hyper-V-specific video device',
    'Hyper-V specific video device',
    'Hyper-V specific video',
    'Hyper-V-specificvideo device',
    'Hyper-V-specific  video device',
    'Hyper\\-V specific video device',
    'Hyper-V video device',
  ],
  kvp: ['Key-Value Pair', 'Key/value pair', 'Key\\/value pair', 'Key-value pair', 'KVP (Key-Value pair) exchange', 'KVP'],
  nmi: ['Non-Maskable Interrupt', 'Non\\-Maskable Interrupt', 'NMI'],
  'file-copy': ['File copy from host to guest', 'File copy'],
  lsvmbus: ['lsvmbus command', 'lsvmbus'],
  'hv-sockets': ['Hyper-V Sockets', 'Hyper\\-V Sockets'],
  'pci-passthrough': ['PCI Passthrough/DDA', 'PCI Passthrough', 'Discrete Device Assignment', 'DDA'],
  'uefi-boot': ['Boot using UEFI', 'UEFI boot'],
  'secure-boot': ['Secure boot'],
};

/** Section rows that head a group of features. "Core" is not here: its row is a real feature row. */
export const CATEGORY_ALIASES: Readonly<Record<Exclude<FeatureCategory, 'core'>, readonly string[]>> = {
  networking: ['Networking'],
  storage: ['Storage'],
  memory: ['Memory'],
  video: ['Video'],
  miscellaneous: ['Miscellaneous', 'Misc'],
  'generation-2': ['Generation 2 virtual machines', 'Generation 2 VMs', 'Gen 2 virtual machines'],
};

/** Lower-case letters and digits only: "Hyper-V-specificvideo device" and "Hyper-V specific video device" meet. */
export function rowNameKey(name: string): string {
  return cleanInline(name)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const FEATURE_BY_KEY = new Map<string, FeatureId>();
for (const [id, aliases] of Object.entries(FEATURE_ALIASES) as [FeatureId, readonly string[]][]) {
  for (const alias of aliases) FEATURE_BY_KEY.set(rowNameKey(alias), id);
}
const CATEGORY_BY_KEY = new Map<string, FeatureCategory>();
for (const [category, aliases] of Object.entries(CATEGORY_ALIASES) as [FeatureCategory, readonly string[]][]) {
  for (const alias of aliases) CATEGORY_BY_KEY.set(rowNameKey(alias), category);
}
const AVAILABILITY_KEYS = new Set(['availability', 'lisavailability', 'bisavailability', 'integrationservices']);

export type RowKind =
  | { readonly kind: 'feature'; readonly feature: FeatureId }
  | { readonly kind: 'category'; readonly category: FeatureCategory }
  | { readonly kind: 'availability' }
  | { readonly kind: 'unknown'; readonly name: string };

/** What a row's first cell names: a feature, a category heading, the Availability row, or nothing known. */
export function classifyRowName(name: string): RowKind {
  const key = rowNameKey(name);
  if (AVAILABILITY_KEYS.has(key)) return { kind: 'availability' };
  const feature = FEATURE_BY_KEY.get(key);
  if (feature) return { kind: 'feature', feature };
  const category = CATEGORY_BY_KEY.get(key);
  if (category) return { kind: 'category', category };
  return { kind: 'unknown', name: cleanInline(name) };
}

/** The feature a name stands for, or undefined. */
export function featureIdForName(name: string): FeatureId | undefined {
  return FEATURE_BY_KEY.get(rowNameKey(name));
}
