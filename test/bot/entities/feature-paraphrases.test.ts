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
  test('is not found from one group alone', () => {
    assert.equal(featureParaphrasedIn(kb, 'the disk is full'), undefined);
    assert.equal(featureParaphrasedIn(kb, 'replica failover test passed'), undefined);
  });
  test('is read only beside a named guest and when no feature is named', () => {
    assert.equal(extractEntities(kb, 'centos 5.10: will hyper-v manager list its ip?').entities.feature, 'kvp');
    assert.equal(extractEntities(kb, 'will hyper-v manager list its ip?').entities.feature, undefined);
    assert.equal(extractEntities(kb, 'ubuntu 20.04 trim: give back deleted blocks during live backup?').entities.feature, 'trim');
  });
});
