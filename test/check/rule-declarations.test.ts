// Rules declare the facts they read (insights-core style) and the runner holds them to it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactKey, GuestFacts } from '../../src/check/guest-facts.ts';
import { parseInventory } from '../../src/check/inventory/index.ts';
import { parseBundle } from '../../src/check/parse/index.ts';
import { checkBundle } from '../../src/check/report/index.ts';
import { RULE_CATALOGUE } from '../../src/check/rules/catalogue.ts';
import { buildContext } from '../../src/check/rules/context.ts';
import { declaredFacts, defineRule } from '../../src/check/rules/define.ts';
import { finding } from '../../src/check/rules/helpers.ts';
import { RULES, RULES_BY_ID } from '../../src/check/rules/registry.ts';
import { runRules } from '../../src/check/rules/run.ts';
import { realKb } from '../helpers/real-kb.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const AS_OF = '2025-06-01';

async function everyGuest(): Promise<{ name: string; facts: GuestFacts }[]> {
  const out: { name: string; facts: GuestFacts }[] = [];
  for (const dir of ['bundles', 'check-corpus']) {
    for (const file of readdirSync(join(FIXTURES, dir))
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      out.push({ name: `${dir}/${file}`, facts: parseBundle(readFileSync(join(FIXTURES, dir, file))).facts });
    }
  }
  for await (const record of parseInventory(readFileSync(join(FIXTURES, 'check-corpus', 'inventory.csv')))) {
    out.push({ name: `inventory row ${record.row}`, facts: record.facts });
  }
  return out;
}

describe('declared facts', () => {
  test('no rule reads a fact it did not declare (over every fixture bundle and inventory row)', async () => {
    const undeclared = new Map<string, Set<string>>();
    for (const guest of await everyGuest()) {
      runRules(buildContext(realKb(), guest.facts, { asOf: AS_OF }), RULES, {
        onRead(id, fact) {
          const rule = RULES_BY_ID.get(id);
          if (rule && !declaredFacts(rule).has(fact)) {
            const set = undeclared.get(id) ?? new Set<string>();
            set.add(`${fact} (${guest.name})`);
            undeclared.set(id, set);
          }
        },
      });
    }
    const report = [...undeclared].map(([id, reads]) => `${id} reads ${[...reads].slice(0, 3).join(', ')}`);
    assert.deepEqual(report, []);
  });

  test('the watch catches a rule that reads what it did not declare', () => {
    const sloppy = defineRule({
      id: 'TEST_SLOPPY',
      category: 'best-practice',
      severity: 'tip',
      title: 'reads too much',
      needs: ['os'],
      evaluate: (ctx) => (ctx.facts.kernel ? finding(ctx, { detail: 'kernel known' }) : 'pass'),
    });
    const facts = parseBundle(readFileSync(join(FIXTURES, 'bundles', 'rhel7.txt'))).facts;
    const reads: FactKey[] = [];
    const run = runRules(buildContext(realKb(), facts, { asOf: AS_OF }), [sloppy], { onRead: (_id, fact) => reads.push(fact) });
    assert.ok(reads.includes('kernel'));
    assert.ok(!declaredFacts(sloppy).has('kernel'));
    assert.equal(run.findings[0]?.id, 'TEST_SLOPPY', 'finding() takes the id from its rule');
    assert.equal(run.findings[0]?.title, 'reads too much');
  });

  test('a rule whose declared need is missing is not started and is reported as "not evaluated (needs X)"', () => {
    let started = false;
    const needy = defineRule({
      id: 'TEST_NEEDY',
      category: 'feature',
      severity: 'info',
      title: 'needs trim',
      needs: ['trim', ['fstab', 'mounts']],
      evaluate: () => {
        started = true;
        return 'pass';
      },
    });
    const run = runRules(
      buildContext(realKb(), { os: { value: { rawId: 'rhel', like: [], distro: 'rhel', version: '7.9' }, evidence: [] } }, { asOf: AS_OF }),
      [needy],
    );
    assert.equal(started, false);
    assert.deepEqual(run.notEvaluated.get('TEST_NEEDY' as never), ['trim', 'fstab|mounts']);
    assert.equal(run.states.get('TEST_NEEDY' as never), 'skip');
  });

  test('the report lists what was not evaluated and why', () => {
    const text = readFileSync(join(FIXTURES, 'bundles', 'paste-snippets.txt'));
    const report = checkBundle(realKb(), text, { asOf: AS_OF });
    assert.ok((report.not_evaluated ?? []).length > 0);
    for (const n of report.not_evaluated ?? []) assert.ok(n.needs.length > 0, n.id);
  });

  test('the catalogue is generated from the rules', () => {
    assert.deepEqual(
      RULE_CATALOGUE.map((e) => e.id),
      RULES.map((r) => r.id),
    );
    for (const rule of RULES) {
      const entry = RULE_CATALOGUE.find((e) => e.id === rule.id);
      assert.equal(entry?.title, rule.title);
      assert.deepEqual(new Set(entry?.needsFacts), declaredFacts(rule));
    }
  });

  test('BP_DYNAMIC_VHDX_FS declares the mounts it reads, not fstab', () => {
    const rule = RULES_BY_ID.get('BP_DYNAMIC_VHDX_FS');
    assert.ok(rule && declaredFacts(rule).has('mounts') && !declaredFacts(rule).has('fstab'));
  });
});
