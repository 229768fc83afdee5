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
