import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withSpelledNumbersAsDigits } from '../../../src/bot/entities/spelled-numbers.ts';

describe('withSpelledNumbersAsDigits', () => {
  test('versions spelt out become digits', () => {
    assert.equal(withSpelledNumbersAsDigits('rhel seven point four'), 'rhel 7.4');
    assert.equal(withSpelledNumbersAsDigits('ubuntu twenty two oh four'), 'ubuntu 22.04');
    assert.equal(withSpelledNumbersAsDigits('ubuntu thirteen ten'), 'ubuntu 13.10');
    assert.equal(withSpelledNumbersAsDigits('lis four point three point five'), 'lis 4.3.5');
    assert.equal(withSpelledNumbersAsDigits('sles eleven service pack four'), 'sles 11 sp4');
  });
  test('host years spelt out become digits', () => {
    assert.equal(withSpelledNumbersAsDigits('on server twenty nineteen?'), 'on server 2019');
    assert.equal(withSpelledNumbersAsDigits('hyper vee twenty twenty two'), 'hyper-v 2022');
    assert.equal(withSpelledNumbersAsDigits('server twenty twelve r two'), 'server 2012 r2');
    assert.equal(withSpelledNumbersAsDigits('two thousand and eight'), '2008');
  });
  test('dictation\'s "hyper vee" is Hyper-V', () => {
    assert.equal(withSpelledNumbersAsDigits('hyper vee sockets on ubuntu twenty oh four'), 'hyper-v sockets on ubuntu 20.04');
  });
  test('the vCPU count past 256 spelt out becomes 256', () => {
    assert.equal(withSpelledNumbersAsDigits('more than two hundred fifty six vcpus'), 'more than 256 vcpus');
    assert.equal(withSpelledNumbersAsDigits('more than two fifty six vcpus'), 'more than 256 vcpus');
  });
  test('number words that name no version stay words', () => {
    assert.equal(withSpelledNumbersAsDigits('one of my two vms'), 'one of my two vms');
    assert.equal(withSpelledNumbersAsDigits('it took twenty minutes'), 'it took twenty minutes');
  });
});

describe('"one" after a name', () => {
  test('is a pronoun, except in a service pack', () => {
    assert.equal(withSpelledNumbersAsDigits('why does only the centos one ignore it'), 'why does only the centos one ignore it');
    assert.equal(withSpelledNumbersAsDigits('the ubuntu one has it greyed out'), 'the ubuntu one has it greyed out');
    assert.equal(withSpelledNumbersAsDigits('sles twelve service pack one'), 'sles 12 sp1');
  });
});

test('a hyphenated year is read as its words', () => {
  assert.equal(withSpelledNumbersAsDigits('windows server twenty twenty-five host'), 'windows server 2025 host');
  assert.equal(withSpelledNumbersAsDigits('re-install'), 're-install');
});
