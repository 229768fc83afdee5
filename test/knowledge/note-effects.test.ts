import { test } from 'node:test';
import assert from 'node:assert/strict';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();

test('every note on every page (209 of them) has a paraphrase with machine-readable effects', () => {
  let notes = 0;
  for (const snapshot of kb.snapshots.values()) {
    for (const note of snapshot.notes) {
      notes++;
      const paraphrase = kb.paraphrase(note.fingerprint);
      assert.ok(paraphrase, `${snapshot.id}#${note.position} has no paraphrase`);
      assert.ok(paraphrase.effects.length > 0, `${snapshot.id}#${note.position} has no effect`);
    }
  }
  assert.equal(notes, 209);
});

test('the notes with no effect on a verdict, and why each has none', (t) => {
  const informational = kb.data.notes.filter((n) => n.effects.every((e) => e.kind === 'informational'));
  for (const note of informational) {
    for (const effect of note.effects) assert.ok(effect.why.length > 10, `${note.fingerprint} gives no reason`);
    t.diagnostic(`${note.fingerprint} (${note.seenAt.join(', ')}): ${note.effects.map((e) => e.why).join('; ')}`);
  }
  const acting = kb.data.notes.length - informational.length;
  t.diagnostic(`${acting} of ${kb.data.notes.length} distinct notes change a verdict; ${informational.length} are informational`);
  assert.ok(acting > informational.length, 'most notes restrict or condition something');
});

test('scoped effects name real versions, hosts and features', () => {
  for (const note of kb.data.notes) {
    for (const effect of note.effects) {
      if (effect.kind === 'min-host') assert.ok(effect.minHost, note.fingerprint);
      if (effect.kind === 'requires') assert.ok(effect.requirement, note.fingerprint);
      for (const feature of effect.features ?? []) assert.ok(kb.features.has(feature), `${note.fingerprint}: ${feature}`);
    }
  }
});
