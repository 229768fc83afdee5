import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHosts } from '../../../src/bot/entities/hosts.ts';

const hostsIn = (text: string) => extractHosts(text.toLowerCase()).hosts.map((h) => h.host);

describe('host aliases', () => {
  const cases: Array<[string, string]> = [
    ['w2k8r2', '2008 R2'],
    ['2k8r2', '2008 R2'],
    ['win2k8r2', '2008 R2'],
    ['w2k8 r2', '2008 R2'],
    ['w2008r2', '2008 R2'],
    ['win2016', '2016'],
    ['hv2019', '2019'],
    ['svr2019', '2019'],
    ['w10', '2016'],
    ['w11', '2022'],
    ['2012-r2', '2012 R2'],
    ['server2k16', '2016'],
    ['hyper-v 3.0', '2012'],
    ['hyper-v 2.0', '2008 R2'],
  ];
  for (const [text, host] of cases) test(`"${text}" → ${host}`, () => assert.deepEqual(hostsIn(text), [host]));

  test('a host being moved to comes first', () => {
    assert.deepEqual(hostsIn('VMs on the 2012 R2 cluster that we are moving to 2019'), ['2019', '2012 R2']);
    assert.deepEqual(hostsIn('rhel 7 on 2016, can I move it to 2019?'), ['2019', '2016']);
  });
  test('hosts come in the order named, a host being moved off last', () => {
    assert.deepEqual(hostsIn('moving guests off the old 2012 cluster onto Windows Server 2022'), ['2022', '2012']);
    assert.deepEqual(hostsIn('moving from 2012 r2 to 2019'), ['2019', '2012 R2']);
    assert.deepEqual(hostsIn('2019 host, testing on my win10 laptop'), ['2019', '2016']);
  });
  test('the host a support question is asked of comes before a host the guests may move to', () => {
    assert.deepEqual(hostsIn('Are RHEL 10 guests supported on 2019 hosts or must the hosts go to 2025 first?'), ['2019', '2025']);
  });
  test('the host the guests run on comes before a host retired, planned or serving another role', () => {
    assert.deepEqual(hostsIn('we retired our 2008 R2 boxes and everything is on 2022 now. trim for ubuntu 22.04?'), ['2022', '2008 R2']);
    assert.deepEqual(hostsIn('old cluster was 2012, the new one is 2019'), ['2019', '2012']);
    assert.deepEqual(hostsIn('domain controllers are still 2012 R2 but the hyper-v hosts are 2022'), ['2022', '2012 R2']);
    assert.deepEqual(hostsIn('backup server runs 2022 but the hyper-v host is 2012'), ['2012', '2022']);
    assert.deepEqual(hostsIn('hyper-v 2025 is coming next quarter but today we are on 2019'), ['2019', '2025']);
    assert.deepEqual(hostsIn('our 2016 nodes get decommissioned and we move to s2025'), ['2025', '2016']);
  });
  test('a host the guest ran on or was built on before comes after the one it runs on now', () => {
    assert.deepEqual(hostsIn('a debian 7 template that worked fine on 2012 keeps crashing on the 2016 cluster'), ['2016', '2012']);
    assert.deepEqual(hostsIn('the sles image was built on our old 2012 r2 hosts, it hangs at boot on 2019'), ['2019', '2012 R2']);
    assert.deepEqual(hostsIn('centos 7 runs fine on 2019?'), ['2019']);
  });
  test('the server in "SUSE Linux Enterprise Server 12" is the distro, not a host', () => {
    assert.deepEqual(hostsIn('SUSE Linux Enterprise Server 12 SP4'), []);
    assert.deepEqual(hostsIn('server 12 r2'), ['2012 R2']);
  });
});

describe('Windows named as a guest', () => {
  test('is not the host, beside the host it runs on', () => {
    const first = (q: string) => extractHosts(q.toLowerCase()).hosts[0]?.host;
    assert.equal(first('windows server 2019 guest on a 2022 host, integration services say update required'), '2022');
    assert.equal(first('windows 10 guest on our 2019 host: enhanced session mode greyed out'), '2019');
    assert.equal(first('disk2vhd a physical windows 2008 box and run it on hyper-v 2016'), '2016');
    assert.equal(first('centos 7 on windows server 2019'), '2019');
  });
});
