// Facts read in full: trim timers and cron jobs, LIS kmod build targets, GRUB timeout, iSCSI sessions,
// update services, and an inventory's notes. Each case failed on the code before issue 15.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInventory } from '../../src/check/inventory/index.ts';
import { parseBundle } from '../../src/check/parse/index.ts';
import { checkBundle, checkFacts } from '../../src/check/report/index.ts';
import { realKb } from '../helpers/real-kb.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'check-corpus');
const AS_OF = '2025-06-01';
const bundle = (prefix: string) => {
  const name = [
    '05-rhel75-lis426-2016-gen2-weakupdates.txt',
    '06-rhel72-lis413-2012r2-gen2-symbols.txt',
    '11-rhel82-builtin-2019-gen2-sb-trim-unused.txt',
    '18-ol86-rhck-2022-gen2-sb-iscsi.txt',
    '04-centos610-lis435-2016-gen1-weakupdates.txt',
  ].find((f) => f.startsWith(prefix));
  assert.ok(name);
  return readFileSync(join(CORPUS, name), 'utf8');
};
const ids = (text: string) => checkBundle(realKb(), text, { asOf: AS_OF }).findings.map((f) => f.id);

describe('trim is recognised in the shapes guests show it', () => {
  const untrimmed = bundle('11');
  test('baseline: nothing trims, TRIM_NOT_USED fires', () => assert.ok(ids(untrimmed).includes('TRIM_NOT_USED')));
  const shapes: [string, string][] = [
    [
      'systemctl list-unit-files in the services section',
      '### services (hv daemons)\nfstrim.timer                  enabled         enabled\n',
    ],
    ['unit-file line', '### services (hv daemons)\nunit-file: fstrim.timer enabled\n'],
    ['a weekly crontab entry', '### cron (fstrim)\n0 3 * * 0 root /sbin/fstrim -av\n'],
    ['mount(8) output with discard', '### mounts (filtered)\n/dev/sda2 on / type xfs (rw,relatime,discard)\n'],
  ];
  for (const [label, extra] of shapes) {
    test(`${label}: TRIM_NOT_USED stays silent`, () => {
      const header = extra.slice(0, extra.indexOf('\n') + 1);
      const text = untrimmed.includes(header)
        ? untrimmed.replace(header, extra)
        : untrimmed.replace('### lischeck-end', `${extra}### lischeck-end`);
      assert.ok(!ids(text).includes('TRIM_NOT_USED'), label);
    });
  }
});

describe('LIS kmod build targets', () => {
  test('weak-updates modules built for 862.11.6 on a running 862.14.4 kernel raise LIS_KERNEL_UPDATE_RISK', () => {
    const text = bundle('05');
    assert.deepEqual(parseBundle(text).facts.lisBuildTargets?.value, ['3.10.0-862.11.6.el7']);
    const f = checkBundle(realKb(), text, { asOf: AS_OF }).findings.find((x) => x.id === 'LIS_KERNEL_UPDATE_RISK');
    assert.match(f?.detail ?? '', /built for 3\.10\.0-862\.11\.6\.el7.*running kernel is 3\.10\.0-862\.14\.4\.el7/);
  });
  test('the CentOS 6.10 weak-updates bundle raises it too', () => assert.ok(ids(bundle('04')).includes('LIS_KERNEL_UPDATE_RISK')));
});

describe('new collector sections', () => {
  test('### update services: yum-cron on with LIS installed raises LIS_KERNEL_UPDATE_RISK', () => {
    const text = bundle('06');
    assert.deepEqual(parseBundle(text).facts.autoUpdates?.value, ['yum-cron']);
    assert.ok(ids(text).includes('LIS_KERNEL_UPDATE_RISK'));
  });
  test('### update services: apply_updates = no means updates are only downloaded', () => {
    const text = bundle('06').replace('apply_updates = yes', 'apply_updates = no');
    assert.deepEqual(parseBundle(text).facts.autoUpdates?.value, []);
  });
  test('### grub timeout: 5 s on RHEL 7 Gen2 warns as a tip; 10 s passes', () => {
    const text = bundle('05');
    assert.equal(parseBundle(text).facts.grubTimeout?.value, 5);
    const f = checkBundle(realKb(), text, { asOf: AS_OF }).findings.find((x) => x.id === 'BP_GEN2_GRUB_TIMEOUT');
    assert.match(f?.detail ?? '', /GRUB timeout is 5 s/);
    const longer = text.replace('GRUB_TIMEOUT=5', 'GRUB_TIMEOUT=10').replace('set timeout=5', 'set timeout=10');
    assert.ok(!ids(longer).includes('BP_GEN2_GRUB_TIMEOUT'));
  });
  test("### iscsi sessions: the guest's own iSCSI sessions raise VSS_CAVEATS", () => {
    const text = bundle('18');
    assert.deepEqual(parseBundle(text).facts.iscsi?.value, { sessions: 2, fcHosts: 0 });
    const f = checkBundle(realKb(), text, { asOf: AS_OF }).findings.find((x) => x.id === 'VSS_CAVEATS');
    assert.match(f?.detail ?? '', /2 iSCSI sessions/);
  });
  test('the new sections are no longer reported as unknown', () => {
    const diagnostics = checkBundle(realKb(), bundle('18'), { asOf: AS_OF }).input.diagnostics;
    assert.ok(!diagnostics.some((d) => d.startsWith('INPUT_UNKNOWN_FORMAT')), diagnostics.join('\n'));
  });
});

describe('inventory notes', () => {
  test('a note that hot-added memory stays offline raises DM_HOTADD_NOT_ONLINED', async () => {
    const csv = readFileSync(join(CORPUS, 'inventory.csv'));
    const found = new Map<string, string[]>();
    for await (const record of parseInventory(csv)) {
      if (record.vmId)
        found.set(
          record.vmId,
          checkFacts(realKb(), record.facts, { asOf: AS_OF }).findings.map((f) => f.id),
        );
    }
    assert.ok(found.get('inv-01')?.includes('DM_HOTADD_NOT_ONLINED'));
    assert.ok(!found.get('inv-02')?.includes('DM_HOTADD_NOT_ONLINED'));
    assert.ok(!found.get('inv-11')?.includes('DM_HOTADD_NOT_ONLINED'));
  });
});
