import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { featureParaphrasedIn } from '../../../src/bot/entities/feature-paraphrases.ts';
import { extractEntities } from '../../../src/bot/entities/extract.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();

describe('a feature described rather than named', () => {
  test('is found when every group of one of its paraphrases occurs', () => {
    assert.equal(featureParaphrasedIn(kb, 'will hyper-v write the fixed address into the replica after failover'), 'static-ip-injection');
    assert.equal(featureParaphrasedIn(kb, 'does it give back deleted blocks to the host'), 'trim');
    assert.equal(featureParaphrasedIn(kb, 'can I grow the disk while it runs'), 'vhdx-resize');
    assert.equal(featureParaphrasedIn(kb, 'spread nic irqs over cores'), 'vrss');
    assert.equal(featureParaphrasedIn(kb, 'can we drain a node by moving them while they run'), 'live-migration');
    assert.equal(featureParaphrasedIn(kb, 'boot with the firmware verifying the signature of the loader'), 'secure-boot');
  });
  test('more ways of telling failover addresses, NMI dumps, host file copies and reclaimed memory', () => {
    assert.equal(featureParaphrasedIn(kb, "will hyper-v replica's static ip stick on failover"), 'static-ip-injection');
    assert.equal(featureParaphrasedIn(kb, 'can i make it panic from the host for a dump'), 'nmi');
    assert.equal(featureParaphrasedIn(kb, 'copy a file in from the host'), 'file-copy');
    assert.equal(featureParaphrasedIn(kb, 'can the host claw memory back from an idle guest'), 'dm-ballooning');
    assert.equal(extractEntities(kb, 'is hot memory supported on linux?').entities.feature, 'dm-hot-add');
  });
  test('a verb of a paraphrase counts in its other forms too', () => {
    assert.equal(featureParaphrasedIn(kb, 'we lowered the ram of the running vm'), 'runtime-memory-resize');
    assert.equal(featureParaphrasedIn(kb, 'adjusting memory while running'), 'runtime-memory-resize');
    assert.equal(featureParaphrasedIn(kb, 'ram prices lowered again'), undefined);
  });
  test('is not found from one group alone', () => {
    assert.equal(featureParaphrasedIn(kb, 'the disk is full'), undefined);
    assert.equal(featureParaphrasedIn(kb, 'replica failover test passed'), undefined);
  });
  test('is read only beside a guest, named or not, and when no feature is named', () => {
    assert.equal(extractEntities(kb, 'centos 5.10: will hyper-v manager list its ip?').entities.feature, 'kvp');
    assert.equal(extractEntities(kb, 'will hyper-v manager list its ip?').entities.feature, undefined);
    assert.equal(extractEntities(kb, 'will hyper-v manager list my linux vm ip?').entities.feature, 'kvp');
    assert.equal(
      extractEntities(kb, 'how do i copy a file from the host into a linux vm without using the network?').entities.feature,
      'file-copy',
    );
    assert.equal(extractEntities(kb, 'ubuntu 20.04 trim: give back deleted blocks during live backup?').entities.feature, 'trim');
  });
  test('is read without a guest when the question asks which feature it describes', () => {
    assert.equal(
      extractEntities(kb, "what's the feature that carries the vm's static ip over to its replica after a failover").entities.feature,
      'static-ip-injection',
    );
    assert.equal(extractEntities(kb, "which feature spreads one virtual nic's load over several vcpus?").entities.feature, 'vrss');
    assert.equal(extractEntities(kb, 'can the host spread the load over several vcpus?').entities.feature, undefined);
  });
  test('memory changed by hand with Dynamic Memory off is runtime memory resize', () => {
    assert.equal(
      extractEntities(kb, 'rhel 9.4 on server 2025: change assigned ram live with dynamic memory disabled?').entities.feature,
      'runtime-memory-resize',
    );
    assert.equal(extractEntities(kb, 'rhel 9.4 on server 2025: does dynamic memory work?').entities.feature, 'dynamic-memory');
    for (const question of [
      'almalinux... sorry, rhel 9.2: raise the memory of the running vm without switching on dynamic memory?',
      'debian 12 on 2022, resize ram live but without having dynamic memory enabled',
    ])
      assert.equal(extractEntities(kb, question).entities.feature, 'runtime-memory-resize', question);
  });
  test('memory moved both ways by itself is Dynamic Memory as a whole; moved by hand, runtime memory resize', () => {
    for (const question of [
      'sles 15 sp3 on hyper-v 2019: will the ram go up and down by itself based on load?',
      'rhel 6.10 guest on a 2025 host, will its memory grow and shrink automatically?',
      "what's the proper name for memory that grows and shrinks by itself while the vm is running?",
    ])
      assert.equal(extractEntities(kb, question).entities.feature, 'dynamic-memory', question);
    assert.equal(
      extractEntities(kb, 'sles 12 sp2 on 2022 - adjust memory of a running fixed-RAM guest up and down from the host').entities.feature,
      'runtime-memory-resize',
    );
  });
  test('a UEFI boot that checks signatures is Secure Boot', () => {
    assert.equal(extractEntities(kb, 'centos 8.1: can i leave the uefi signature check on when it boots?').entities.feature, 'secure-boot');
    assert.equal(extractEntities(kb, 'centos 8.1: can it boot uefi?').entities.feature, 'uefi-boot');
  });
  test('shorthand names of features are KB synonyms', () => {
    assert.equal(extractEntities(kb, 'el5.9 inbox + 2k19 live bkp?').entities.feature, 'live-backup');
    assert.equal(extractEntities(kb, 'debian 11 tcp seg offload, 2016 host').entities.feature, 'tcp-offload');
    assert.equal(extractEntities(kb, 'static ip inj deb11').entities.feature, 'static-ip-injection');
  });
  test('the PowerShell cmdlet that sets a feature up names it', () => {
    assert.equal(
      extractEntities(kb, 'Add-VMAssignableDevice of a GPU to a sles 12 sp1 guest on 2016?').entities.feature,
      'pci-passthrough',
    );
    assert.equal(extractEntities(kb, 'Set-VMNetworkAdapterVlan -Trunk on a rhel 9 vm, will trunking work?').entities.feature, 'vlan');
    assert.equal(extractEntities(kb, 'does Resize-VHD on a running ubuntu 20.04 vm reach the guest?').entities.feature, 'vhdx-resize');
    assert.equal(
      extractEntities(kb, 'Set-VMMemory -DynamicMemoryEnabled $true on rhel 9.2, supported?').entities.feature,
      'dynamic-memory',
    );
  });
  test('more features described in plain words', () => {
    const described: ReadonlyArray<readonly [string, string]> = [
      ['freebsd 13.0 on 2022 - will hn coalesce incoming packets into bigger buffers?', 'lro'],
      ['rhel 7.9 on 2022: a host-to-guest comms channel that does not need an ip address on the vm?', 'hv-sockets'],
      ['Can I back up an Oracle Linux 8.4 VM while it keeps running? Host is Windows Server 2025.', 'live-backup'],
      ['centos 6.5: backups keep falling back to saved state', 'live-backup'],
      ['freebsd 10.0 guest: the host never learns its ip', 'kvp'],
      ['freebsd 11.3 appliance: relocate the device memory window below 4G?', 'mmio-gap'],
      ['rhel 9 on 2016: several tagged networks on one adapter?', 'vlan'],
      ['ubuntu 12.04 on 2012 r2: do deletes inside the guest get passed to the vhdx so the space comes back?', 'trim'],
      ['ubuntu 18.04 on 2012 r2 — can incoming network load be split across all its virtual cpus?', 'vrss'],
      ['ubuntu 22.04: is there a tool inside the guest that lists the devices on the hyper-v bus?', 'lsvmbus'],
      ['freeze-the-filesystem backups on ubuntu 20.04 ok?', 'live-backup'],
      ['freebsd 12.3 guest, can the host reach it over an AF_HYPERV style socket with no nic?', 'hv-sockets'],
      ['rhel 5.8 on 2012 r2, will the host add RAM as demand goes up?', 'dm-hot-add'],
      ['oracle linux 8.3 on hyper-v 2019: will the vm pick up more memory by itself when it gets busy?', 'dm-hot-add'],
      ['can ubuntu 18.04 let the virtual switch do the checksum and segmentation work instead of burning guest cpu', 'tcp-offload'],
      ['freebsd 12.1: does it pick up the new ip address we configured for the replica side after failover?', 'static-ip-injection'],
    ];
    for (const [question, feature] of described) assert.equal(extractEntities(kb, question).entities.feature, feature, question);
  });
});
