import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { askedSentence } from '../../src/bot/intent/asked-sentence.ts';
import { answerQuestion } from '../../src/bot/answer.ts';
import { classify } from '../../src/bot/intent/classify.ts';
import { extractEntities } from '../../src/bot/entities/extract.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();

describe('askedSentence', () => {
  test('is undefined for a one-sentence message', () => {
    assert.equal(askedSentence('does debian 9 support secure boot?'), undefined);
  });
  test('is the last sentence with a question mark, after the context', () => {
    assert.equal(askedSentence('We run CentOS 7. Is TRIM supported on 2016? Thanks in advance.'), 'Is TRIM supported on 2016?');
  });
  test('is the last sentence when none asks with a question mark', () => {
    assert.equal(askedSentence('Our rhel boxes are fine.\nplease check kvp on rhel 7.2'), 'please check kvp on rhel 7.2');
  });
  test('a question of a few words keeps the sentence before it, which says what it asks about', () => {
    assert.equal(
      askedSentence('Our backups run nightly. The vendor says Linux guests get live backups on 2016. Do they?'),
      'The vendor says Linux guests get live backups on 2016. Do they?',
    );
  });
  test('never comes from pasted output', () => {
    assert.equal(askedSentence('what does this mean?\n```\nhv_vmbus: Vmbus version:4.0?\n```'), undefined);
    assert.equal(askedSentence('host is server 2016, supported combo\nVERSION_ID="12.5"\n$ uname -r'), undefined);
    assert.equal(
      askedSentence('is it healthy\n[    1.4] hv_vmbus: Vmbus version:5.0\nhn0: <Hyper-V Network Interface> on vmbus0'),
      undefined,
    );
  });
});

describe('a chat log or list pasted a line per message', () => {
  test('is answered for the line that asks, though no line ends with a full stop', () => {
    const { reply } = answerQuestion(
      kb,
      'lee: rhel 9 vms on the 2022 cluster all fine w/ accurate time\nlee: the rhel 6.10 boxes drift, chrony says 400ms\nlee: does accurate time even work for rhel 6.10 on 2016?',
    );
    assert.equal(reply.entities.version, '6.10');
    assert.equal(reply.entities.host, '2016');
  });
});

describe('a message whose context comes before its question', () => {
  test('is answered for the sentence that asks', () => {
    const { reply } = answerQuestion(kb, 'I pasted the dmesg below and the vm is up fine now. Does Debian 9 support Secure Boot?');
    assert.equal(reply.intent, 'feature_support');
    assert.equal(reply.entities.feature, 'secure-boot');
  });
});

/** What readQuestion hands classify for an in-scope question heard by the classifier, less its label. */
const HEARD_IN_SCOPE = { scope: { inScope: true, reason: 'entity' }, logLine: false, normalLogLine: false, byCue: false } as const;

describe('a message whose story names guests and whose question asks what a feature is', () => {
  test('is answered with what the feature is, not whether those guests have it', () => {
    const { reply } = answerQuestion(
      kb,
      "A developer proposes using 'Hyper-V sockets' for a host-to-guest agent instead of SSH. The VMs are RHEL 9 on Windows Server 2025. Security wants to understand what they're approving. I've only ever seen the term in a matrix. What are Hyper-V Sockets?",
    );
    assert.equal(reply.intent, 'feature_info');
    assert.equal(reply.entities.feature, 'hv-sockets');
  });
  test('the guests decide only when the asking sentence names one', () => {
    const heard = { ...HEARD_IN_SCOPE, label: 'feature_info', probability: 1 } as const;
    const extraction = extractEntities(kb, 'rhel 9 hyper-v sockets');
    const entities = { distro: 'rhel', version: '9', feature: 'hv-sockets' } as const;
    assert.equal(classify({ ...heard, askedOfFeatureAlone: true }, extraction, entities).intent, 'feature_info');
    assert.equal(classify(heard, extraction, entities).intent, 'feature_support');
  });
});

describe('a question asking which guests have a feature', () => {
  test('heard unsure of support, is answered with the guests that have it, not with a question back', () => {
    const heard = { ...HEARD_IN_SCOPE, label: 'support' } as const;
    const extraction = extractEntities(kb, 'which distros support secure boot?');
    const entities = { feature: 'secure-boot' } as const;
    assert.equal(classify({ ...heard, probability: 0.45, asksWhichGuests: true }, extraction, entities).intent, 'feature_info');
    assert.equal(classify({ ...heard, probability: 0.9, asksWhichGuests: true }, extraction, entities).intent, 'feature_support');
    assert.equal(classify({ ...heard, probability: 0.45 }, extraction, entities).intent, 'feature_support');
  });
});

describe('a long ticket whose question comes after a paragraph of context', () => {
  test('is answered as the question it ends with, not as the trouble its context tells', () => {
    const ticket = [
      'Ticket INC0077731',
      'Requester: Marta Ruiz (Payments)',
      '',
      'Background: the payments batch VMs were moved last month from the old cluster to new hosts. They run CentOS 7.6 with the',
      'built-in drivers, nothing extra installed. During the move the team noticed that the nightly job slowed down and memory',
      'pressure alarms fired twice, which they fixed by raising the startup memory by hand on every VM.',
      '',
      'They would now like to let the host handle it instead: on Windows Server 2019, does CentOS 7.6 support dynamic memory hot-add?',
      '',
      'Thanks,',
      'Marta',
    ].join('\n');
    const { reply } = answerQuestion(kb, ticket);
    assert.equal(reply.intent, 'feature_support');
    assert.equal(reply.entities.feature, 'dm-hot-add');
    assert.equal(reply.verdict, 'supported');
  });
});

describe('a long ticket whose story names other products', () => {
  const story =
    'I inherited a small site with one ancient host running the Hyper-V role and two guests. One is a Windows 2008 file ' +
    'server, which is not my problem today; the other runs the door badge system and the vendor says their appliance ' +
    'needs a supported hypervisor, so the facilities manager wants an answer in writing before the audit next month.';
  test('is answered when the sentence that asks names a guest', () => {
    const { reply } = answerQuestion(kb, `${story} Is Debian 9 supported as a guest on a 2008 R2 host?`);
    assert.equal(reply.intent, 'distro_support');
    assert.equal(reply.answered, true);
    assert.equal(reply.entities.distro, 'debian');
  });
  test('is declined when the sentence that asks is about another product', () => {
    const ticket =
      'Our Exchange 2016 DAG runs on Hyper-V 2019 next to a dozen CentOS 7 utility VMs, which came back fine after the ' +
      'host reboot on Sunday, and the Linux side has had no trouble at all since we moved them last spring. One of the ' +
      'DAG members shows its database copy as failed and suspended. How do I reseed a failed Exchange database copy?';
    const { reply } = answerQuestion(kb, ticket);
    assert.equal(reply.intent, 'unknown');
    assert.equal(reply.answered, false);
  });
});

describe('a long message whose story names one feature and whose question another', () => {
  test('is answered for the feature asked about', () => {
    const message =
      'Our platform team wants a monitoring agent to talk to a service inside our Ubuntu Focal VMs without going through ' +
      'the network, because the VMs sit in an isolated VLAN and opening firewall ports for the fallback is a long ' +
      'change process. Our architect suggested AF_VSOCK. The hosts are Windows Server 2019 and the rollout is next ' +
      'month. Before they spend a sprint on this: are Hyper-V Sockets supported for Ubuntu 20.04 guests on Hyper-V 2019?';
    const { reply } = answerQuestion(kb, message);
    assert.equal(reply.entities.feature, 'hv-sockets');
    assert.equal(reply.intent, 'feature_support');
  });
});

describe('a message that tells of one guest working and then of another', () => {
  test('is about the other guest, without a "but" between them', () => {
    const reply = answerQuestion(
      kb,
      'Lab on my laptop, hyper-v with an external switch on the wifi card. The ubuntu vm on it is fine all day. The freebsd 13.2 vm loses its network after a few minutes. what should i change?',
    ).reply;
    assert.equal(reply.entities.distro, 'freebsd');
    assert.equal(reply.entities.version, '13.2');
  });
  test('stays with the guest that does not work when the other is told of first', () => {
    const reply = answerQuestion(
      kb,
      'our debian 10 vm never gets its ip shown in hyper-v manager. the ubuntu 20.04 ones are fine. why?',
    ).reply;
    assert.equal(reply.entities.distro, 'debian');
  });
});
