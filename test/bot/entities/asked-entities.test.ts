import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../../../src/bot/answer.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();
const entitiesOf = (q: string) => answerQuestion(kb, q).reply.entities;

describe('the names in the sentence a long message asks', () => {
  test('replace a guest and host the message named first (a VM name, the story so far)', () => {
    const entities = entitiesOf(
      'Migration freeze exception request. We need to leave one VM on the last 2008 R2 host for six more months because the vendor is slow and the dongle server runs there.\n\nVM: rhel74-dongle\n$ cat /etc/centos-release\nCentOS release 6.5 (Final)\n\nThe exception template asks whether the configuration is supported as it is. Is CentOS 6.5 supported on Windows Server 2012 R2?',
    );
    assert.equal(entities.distro, 'centos');
    assert.equal(entities.version, '6.5');
    assert.equal(entities.host, '2012 R2');
  });
  test('a release the message gives more precisely stays', () => {
    const entities = entitiesOf(
      'Please review this guest before we hand it to the application team next week, they want a clean bill of health and we promised them one. The template is RHEL 8.4 and was built last year by a contractor.\n\n$ uname -r\n4.18.0-305.el8.x86_64\n\nCan you check this RHEL 8 guest?',
    );
    assert.equal(entities.distro, 'rhel');
    assert.equal(entities.version, '8.4');
  });
  test('a feature only the story names is dropped when the asking sentence names the guest and no feature', () => {
    const reply = answerQuestion(
      kb,
      'Status update for the platform team. The new 2022 cluster is racked and SR-IOV is enabled on the external switch for the trading VMs, and the backup proxies are next. One open item from the migration list remains before we can sign off the wave. Is CentOS 7.9 supported on Windows Server 2022?',
    ).reply;
    assert.equal(reply.intent, 'distro_support');
    assert.equal(reply.entities.feature, undefined);
    assert.equal(reply.entities.version, '7.9');
  });
  test('a short message whose one question asks of another release is answered for that release', () => {
    const twin = entitiesOf('ubuntu 22.04 is fine on our 2022 hosts. is 24.04 noble on the same hosts a supported combination yet?');
    assert.equal(twin.distro, 'ubuntu');
    assert.equal(twin.version, '24.04');
    assert.equal(entitiesOf('everything here is centos 7.9 on 2016. can 6.2 live on those same 2016 hosts?').version, '6.2');
    assert.equal(entitiesOf('we run lis 3.4 on a few centos 5.7 guests. what would 3.5 give us on top?').version, '5.7');
  });
  test('a short message keeps its first names: its last sentence may be an aside', () => {
    assert.equal(entitiesOf('debian 11 on server 2019: secure boot supported? and uefi generally?').feature, 'secure-boot');
    assert.equal(entitiesOf('rhel 7.9 on 2019: kvp ok? what about centos 6.5?').version, '7.9');
  });
});

describe('which of several guests a message asks about', () => {
  test('a few asking words that name a release pick it over the one the sentence before names first', () => {
    const entities = entitiesOf(
      'the freebsd 10.3 guest sees the virtual dvd drive, but the freebsd 9.3 vm with the BIS ports installed does not see it at all. why the 9.3 one?',
    );
    assert.equal(entities.distro, 'freebsd');
    assert.equal(entities.version, '9.3');
  });
  test('a bare number beside a named LIS release, or far from the guest release, is not the guest release', () => {
    assert.equal(entitiesOf('OL 7.3 RHCK, customer only has LIS 4.1 approved. does 4.1 cover it?').version, '7.3');
    assert.equal(
      entitiesOf('monitoring flags `KVP LIC Version: 3.1` on a rhel 9 vm, we were told LIS should be 4.x. is 3.1 bad?').version,
      '9',
    );
  });
  test('a service pack asked without its family is a release of the family the message names', () => {
    const entities = entitiesOf(
      "we've got sles 12 sp3 on 2016 without trouble, plus one forgotten sles 11 sp2 vm nobody owns. does 11 sp2 count as a supported guest at all?",
    );
    assert.equal(entities.version, '11 SP2');
  });
  test('another family the asking sentence names is asked about, at the release the message gives it', () => {
    const entities = entitiesOf(
      'get-vmnetworkadapter shows ip addresses for all the ubuntu guests, but the column is empty for the debian 10 guests on the same host. why no ips from the debian side?',
    );
    assert.equal(entities.distro, 'debian');
    assert.equal(entities.version, '10');
  });
  test('the release given to that family in a list of guests or a clause after a comma', () => {
    const listed = entitiesOf('we have sles 15 sp4 and oracle linux 8.6 on 2019. for the oracle boxes, is trim supported?');
    assert.deepEqual([listed.distro, listed.version], ['oracle-linux', '8.6']);
    const contrasted = entitiesOf('the debian 11 vms mount the vfc luns, the sles 12 sp5 one sees nothing. what does the sles one need?');
    assert.deepEqual([contrasted.distro, contrasted.version], ['sles', '12 SP5']);
  });
});

describe('a guest moved from one release to another', () => {
  test('is asked about at the release it is on now, once the move is done', () => {
    assert.equal(entitiesOf("upgraded a vm from rhel 8.4 to 8.5 on our 2016 cluster and it's been acting up since").version, '8.5');
    assert.equal(entitiesOf('upgraded centos 7.2 -> 7.3, now eth0 is gone').version, '7.3');
  });
  test('keeps the release it runs while the move is planned or under way, and a range stays a range', () => {
    assert.equal(entitiesOf('leapp from rhel 7.9 to 8.8 stops with an inhibitor, how do I clear it?').version, '7.9');
    assert.equal(entitiesOf('is hot add supported on rhel from 6.4 to 6.8?').version, '6.4');
  });
});

describe('a guest named after a turn', () => {
  test('is asked about when the message contrasts it with one that works', () => {
    const entities = entitiesOf(
      'live backups of our sles 15 guests on local vhdx work, but the sles 15 sp2 vm with an iscsi disk attached inside just produces nothing. why does that one go quiet?',
    );
    assert.equal(entities.version, '15 SP2');
    assert.equal(
      entitiesOf('big VMs on 2012 R2: our rhel 7.x guests are fine, but for the rhel 6.4 ones is there anything i need to set for NUMA?')
        .version,
      '6.4',
    );
  });
  test('is asked about when the message picks it among several', () => {
    assert.equal(
      entitiesOf('debian 10 vs debian 11 for trim on a 2016 host, how do they compare? really only asking about 11').version,
      '11',
    );
  });
  test('is not taken from a later sentence, nor from a kernel update of the same guest', () => {
    assert.equal(
      entitiesOf(
        'rhel 5.10 with the LIS 4.1 package and dynamic memory enabled. It hands memory back when idle, but never gets more than its startup value when busy. Our RHEL 7 VMs grow and shrink nicely. Is there a way around it?',
      ).version,
      '5.10',
    );
    const updated = entitiesOf(
      'centos 7.3 with LIS 4.1.3 boots fine on kernel 3.10.0-514.el7, but after updating to 3.10.0-514.10.2.el7 the vm does not start. why?',
    );
    assert.equal(updated.distro, 'centos');
    assert.equal(updated.version, '7.3');
  });
});

describe('the sentence that asks is found', () => {
  test('after a quoted sentence that closes with its full stop inside the quote', () => {
    const entities = entitiesOf(
      'Ticket relayed from the app team: "we are moving everything off CentOS 6.10 onto RHEL 8.6, hosts are WS2019." Is RHEL 8.6 itself a supported guest on 2019?',
    );
    assert.equal(entities.distro, 'rhel');
    assert.equal(entities.version, '8.6');
  });
  test('when it ends in doubled question marks', () => {
    const entities = entitiesOf('fbsd 10.3 n 10.4 on 2012r2 rn. once we go to ws2022 is freebsd 10.4 still ok??');
    assert.equal(entities.version, '10.4');
    assert.equal(entities.host, '2022');
  });
});

describe('a pointer at one of several guests named', () => {
  test('"the 6.8 one", "the sp2 one", "on the 12.04?", "the UEK5 ones" pick that guest', () => {
    assert.equal(entitiesOf('two boxes, centos 6.4 and centos 6.8, both on lis 4.3. for the 6.8 one, is DDA ok on 2016?').version, '6.8');
    assert.equal(entitiesOf('sles 12 sp5 / sles 12 sp2 on 2019 -- does kvp work on the sp2 one?').version, '12 SP2');
    assert.equal(entitiesOf('ubuntu 12.04 and 14.04 vms on 2012r2 -- is trim there on the 12.04?').version, '12.04');
    const uek = entitiesOf('oracle linux 7.6 guests: some on RHCK, some on UEK5. do the UEK5 ones need the LIS download?');
    assert.equal(uek.version, '7.6');
    assert.equal(uek.uek, 'R5');
  });
  test('a guest pointed at as working, or compared with, is the contrast', () => {
    assert.equal(
      entitiesOf(
        'our cluster runs ubuntu 20.04 and rhel 8.8. after failover the rhel 8.8 ones lose their ip, the ubuntu ones are fine. what do we check',
      ).distro,
      'rhel',
    );
    assert.equal(
      entitiesOf(
        'half our oracle linux 6.9 guests boot UEK4, half RHCK. for the UEK4 ones: is LIS built in, or do they need the download like the RHCK ones?',
      ).uek,
      'R4',
    );
  });
  test('a pointer in the story before the question does not decide', () => {
    assert.equal(
      entitiesOf('rhel 8.0 and 8.4 vms on one cluster, only the 8.4 one sees all 300 vcpus. does rhel 8.0 do more than 256?').version,
      '8.0',
    );
  });
});

describe('the clause a one-question message asks in', () => {
  test('names another family than the one told first: that family is asked about', () => {
    const debian = answerQuestion(kb, 'the ubuntu 22.04 vms on 2019 are fine with it -- does debian do secure boot?').reply;
    assert.equal(debian.entities.distro, 'debian');
    assert.equal(debian.entities.version, undefined);
    assert.equal(
      entitiesOf('AIX 7.1 and RHEL 7 are on the list too, but the HP-UX box -- could it be a hyper-v guest at all?').distro,
      'hp-ux',
    );
  });
  test('does not switch for a comparison, a guest told fine, or a family heard in another word', () => {
    assert.equal(entitiesOf('static mac addresses: needed for the sles 15 sp3 vms too, or just the old centos 6 ones?').distro, 'sles');
    assert.equal(entitiesOf('rhel 8 vms on 2019 hosts: trust hyper-v time sync, or is there anything more precise?').distro, 'rhel');
    assert.equal(entitiesOf('buenas, centos 7.1 con los drivers integrados, el TRIM funciona en 2016?').distro, 'centos');
  });
  test('"the 11 SP3 machine" is not the 15 SP3 one', () => {
    assert.equal(
      entitiesOf('We have SLES 15 SP3 and one old SLES 11 SP3 on 2016. For the 11 SP3 machine, is TRIM working?').version,
      '11 SP3',
    );
  });
});
