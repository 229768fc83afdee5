import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyRowName, featureIdForName, FEATURE_ALIASES } from '../../../src/knowledge/import/feature-names.ts';
import { FEATURE_IDS } from '../../../src/knowledge/schema/ids.ts';

/** Every distinct feature-row name in the 21 saved matrix page versions (2015–2025), as written. */
const SEEN_ROW_NAMES: ReadonlyArray<[string, string]> = [
  ['Windows Server 2016 Accurate Time', 'accurate-time'],
  ['\\>256 vCPUs', 'vcpus-over-256'],
  ['Jumbo frames', 'jumbo-frames'],
  ['VLAN tagging and trunking', 'vlan'],
  ['Live Migration', 'live-migration'],
  ['Live migration', 'live-migration'],
  ['Static IP Injection', 'static-ip-injection'],
  ['Static IP injection', 'static-ip-injection'],
  ['vRSS', 'vrss'],
  ['TCP Segmentation and Checksum Offloads', 'tcp-offload'],
  ['Large Receive Offload (LRO)', 'lro'],
  ['SR-IOV', 'sr-iov'],
  ['VHDX resize', 'vhdx-resize'],
  ['Virtual Fibre Channel', 'fibre-channel'],
  ['Live virtual machine backup', 'live-backup'],
  ['TRIM support', 'trim'],
  ['SCSI WWN', 'scsi-wwn'],
  ['PAE Kernel Support', 'pae'],
  ['Configuration of MMIO gap', 'mmio-gap'],
  ['Dynamic Memory - Hot-Add', 'dm-hot-add'],
  ['Dynamic Memory - Hot Add', 'dm-hot-add'],
  ['Dynamic Memory – Hot Add', 'dm-hot-add'],
  ['Dynamic Memory Hot-Add', 'dm-hot-add'],
  ['Dynamic Memory - Ballooning', 'dm-ballooning'],
  ['Dynamic Memory – Ballooning', 'dm-ballooning'],
  ['Dynamic Memory Ballooning', 'dm-ballooning'],
  ['Runtime Memory Resize', 'runtime-memory-resize'],
  ['Manual Memory Hot Add', 'runtime-memory-resize'],
  ['Hyper-V-specific video device', 'video'],
  ['Hyper-V specific video device', 'video'],
  ['Hyper-V specific video', 'video'],
  ['Hyper-V-specificvideo device', 'video'],
  ['Hyper-V-specific  video device', 'video'],
  ['Hyper\\-V specific video device', 'video'],
  ['Key-Value Pair', 'kvp'],
  ['Key-value pair', 'kvp'],
  ['Key/value pair', 'kvp'],
  ['Key\\/value pair', 'kvp'],
  ['Non-Maskable Interrupt', 'nmi'],
  ['Non\\-Maskable Interrupt', 'nmi'],
  ['File copy from host to guest', 'file-copy'],
  ['lsvmbus command', 'lsvmbus'],
  ['Hyper-V Sockets', 'hv-sockets'],
  ['PCI Passthrough/DDA', 'pci-passthrough'],
  ['Boot using UEFI', 'uefi-boot'],
  ['Secure boot', 'secure-boot'],
  // Names from the Feature Descriptions page.
  ['KVP (Key-Value pair) exchange', 'kvp'],
  ['vRSS (Virtual Receive Side Scaling)', 'vrss'],
];

void describe('feature names: canonical alias map', () => {
  for (const [name, id] of SEEN_ROW_NAMES) {
    void test(`"${name}" → ${id}`, () => assert.equal(featureIdForName(name), id));
  }
  void test('"– Hot Add" (en dash, no "Dynamic Memory") → dm-hot-add', () => assert.equal(featureIdForName('– Hot Add'), 'dm-hot-add'));
  void test('every feature id has at least one alias', () => {
    for (const id of FEATURE_IDS) assert.ok(FEATURE_ALIASES[id].length > 0, id);
  });
});

void describe('feature names: category rows', () => {
  for (const [name, category] of [
    ['**[Networking](Feature-Descriptions.md#networking)**', 'networking'],
    ['[Storage](Feature-Descriptions.md#storage)', 'storage'],
    ['**[Memory](../Topic/Feature-Descriptions.md#BKMK_Memory)**', 'memory'],
    ['**[Video](Feature-Descriptions.md#video)**', 'video'],
    ['**[Miscellaneous](Feature-Descriptions.md#BKMK_Misc)**', 'miscellaneous'],
    ['**[Generation 2 virtual machines](Feature-Descriptions.md#generation-2-virtual-machines)**', 'generation-2'],
  ] as const) {
    void test(`${name.replace(/\(.*\)/, '')} is a category row`, () =>
      assert.deepEqual(classifyRowName(name), { kind: 'category', category }));
  }
  void test('the linked Core row is a real feature row, not a category', () => {
    assert.deepEqual(classifyRowName('**[Core](Feature-Descriptions.md#BKMK_core)**'), { kind: 'feature', feature: 'core' });
    assert.deepEqual(classifyRowName('[Core](Feature-Descriptions.md#core)'), { kind: 'feature', feature: 'core' });
  });
  void test('Availability and LIS Availability are the integration row', () => {
    assert.deepEqual(classifyRowName('**Availability**'), { kind: 'availability' });
    assert.deepEqual(classifyRowName('LIS Availability'), { kind: 'availability' });
  });
  void test('an unknown name comes back with its text so it can be reported', () => {
    assert.deepEqual(classifyRowName('**Teleportation**'), { kind: 'unknown', name: 'Teleportation' });
  });
});
