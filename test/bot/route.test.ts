import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { route, routeUnheard } from '../../src/bot/intent/route.ts';

describe('routing by what the question names', () => {
  test('a support question goes where its entities say', () => {
    assert.deepEqual(route('support', { distro: 'rhel', feature: 'trim' }), { intent: 'feature_support', missing: [] });
    assert.deepEqual(route('support', { distro: 'rhel' }), { intent: 'distro_support', missing: [] });
    assert.deepEqual(route('support', { feature: 'trim' }), { intent: 'feature_support', missing: ['distro'] });
    assert.deepEqual(route('feature_info', { distro: 'rhel', feature: 'trim' }), { intent: 'feature_support', missing: [] });
  });
  test('an unheard question naming a guest and a feature outright is a support question; other names do not decide', () => {
    assert.equal(routeUnheard({ distro: 'rhel', feature: 'trim' })?.label, 'support');
    assert.equal(routeUnheard({ distro: 'rhel' }), undefined);
    assert.equal(routeUnheard({ feature: 'trim' }), undefined);
    assert.equal(routeUnheard({}), undefined);
  });
});
