// Support facts come from the verdict engine: every dated page with its hosts, the guest's LIS and UEK
// release and its architecture (not the newest page's release list alone).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GuestFacts } from '../../src/check/guest-facts.ts';
import { checkFacts } from '../../src/check/report/index.ts';
import { buildContext } from '../../src/check/rules/context.ts';
import { uekReleaseOf } from '../../src/check/rules/data/uek.ts';
import { realKb } from '../helpers/real-kb.ts';
import { guestWith, hostId, kernel, lisFacts, os } from './guest-facts.ts';

const AS_OF = '2025-06-01';
const context = (facts: GuestFacts) => buildContext(realKb(), facts, { asOf: AS_OF });

function oracleUek(version: string, release: string, upstream: number[]): GuestFacts {
  return guestWith({
    os: os('oracle-linux', version),
    kernel: kernel(release, upstream, { flavour: 'uek', distTag: 'uek' }),
    host: hostId('2019', 17763),
    vmbus: undefined,
  });
}

describe('support verdicts from the verdict engine', () => {
  test('a UEK guest is held to its UEK release: UEK R6 on Oracle Linux 7.9 is listed by no page', () => {
    const facts = oracleUek('7.9', '5.4.17-2136.300.7.el7uek.x86_64', [5, 4, 17]);
    const ctx = context(facts);
    assert.equal(ctx.support?.verdict.query.uek, 'r6');
    assert.equal(ctx.support?.status, 'not-listed');
    const report = checkFacts(realKb(), facts, { asOf: AS_OF });
    assert.equal(report.status, 'not_supported');
    const finding = report.findings.find((f) => f.id === 'SUPPORT_NOT_IN_MATRIX');
    assert.match(finding?.detail ?? '', /Oracle Linux 7\.9 with UEK R6 is not listed/);
  });

  test('a UEK release a page lists stays supported (UEK R5 on Oracle Linux 7.6)', () => {
    const facts = oracleUek('7.6', '4.14.35-1818.3.3.el7uek.x86_64', [4, 14, 35]);
    assert.equal(context(facts).support?.verdict.query.uek, 'r5');
    const report = checkFacts(realKb(), facts, { asOf: AS_OF });
    assert.equal(report.status, 'supported');
    const finding = report.findings.find((f) => f.id === 'SUPPORT_NOT_IN_MATRIX');
    assert.equal(finding?.severity, 'info', 'listed by an earlier page only: information, not a warning');
    assert.match(finding?.detail ?? '', /with UEK R5 was listed in oracle-linux@2023/);
  });

  test('UEK R3, which the pages split by quarterly update, is not pinned to one the kernel cannot tell', () => {
    assert.equal(uekReleaseOf('3.8.13-16.2.1.el6uek.x86_64'), 'r3');
    const facts = oracleUek('6.5', '3.8.13-16.2.1.el6uek.x86_64', [3, 8, 13]);
    const ctx = context(facts);
    assert.equal(ctx.support?.verdict.query.uek, undefined);
    assert.notEqual(ctx.support?.status, 'not-listed');
  });

  test('a guest on a host only an older page lists is judged by that page', () => {
    const facts = guestWith({ os: os('sles', '11 SP4'), host: hostId('2008 R2', 7601), vmbus: undefined });
    const support = context(facts).support;
    assert.equal(support?.verdict.verdict, 'yes');
    assert.equal(support?.verdict.query.host, '2008 R2');
    assert.notEqual(support?.verdict.decidingEra?.id, support?.current?.id, 'decided by an older page than the newest');
    const report = checkFacts(realKb(), facts, { asOf: AS_OF });
    assert.ok(!report.findings.some((f) => f.id === 'SUPPORT_NOT_IN_MATRIX' && f.severity === 'warning'));
  });

  test('a host older than every page that lists the release is not a listed combination', () => {
    const facts = guestWith({ os: os('rhel', '7.2'), host: hostId('2008 R2', 7601), vmbus: undefined });
    const support = context(facts).support;
    assert.equal(support?.verdict.verdict, 'no');
    assert.equal(support?.verdict.reason, 'host-older-than-pages');
    const report = checkFacts(realKb(), facts, { asOf: AS_OF });
    assert.equal(report.status, 'not_supported');
    assert.ok(report.findings.some((f) => f.id === 'SUPPORT_NOT_IN_MATRIX' && f.severity === 'warning'));
  });

  test('the LIS release a guest runs is judged too: LIS 4.1.3 does not cover RHEL 7.5', () => {
    const facts = guestWith({ os: os('rhel', '7.5'), lis: lisFacts('4.1.3'), host: hostId('2016', 14393), vmbus: undefined });
    const support = context(facts).support;
    assert.equal(support?.lis?.verdict, 'no');
    assert.equal(support?.lis?.reason, 'lis-not-covering');
    assert.match(support?.lis?.headline ?? '', /LIS 4\.3 does \(the 4\.2\.6 repository tag listed it first\)/);
  });

  test('a LIS release that covers the guest is a yes', () => {
    const facts = guestWith({ os: os('centos', '7.5'), lis: lisFacts('4.2.6'), host: hostId('2012 R2', 9600), vmbus: undefined });
    assert.equal(context(facts).support?.lis?.verdict, 'yes');
  });

  test('the architecture reaches the engine', () => {
    const facts = guestWith({ os: os('rhel', '6.3'), kernel: kernel('2.6.32-279.el6.i686', [2, 6, 32], { arch: 'i686' }) });
    assert.equal(context(facts).support?.verdict.query.arch, '32-bit');
  });
});
