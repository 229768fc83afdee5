import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answerQuestion } from '../../src/bot/answer.ts';
import { renderPlainText } from '../../src/adapters/console/render-plain.ts';
import { realKb } from '../helpers/real-kb.ts';
import { propertyRuns } from '../helpers/property.ts';

const kb = realKb();
const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '@everyone',
  '@here',
  '<@U123ABC>',
  '<@&123456>',
  '```rm -rf /```',
  '`code`',
  '<script>alert(1)</script>',
  '[link](http://evil.example)',
  '*bold* _it_ ~strike~',
  '||spoiler||',
];

describe('hostile and odd questions', () => {
  test('empty, huge, binary, emoji-only and control characters: an answer, in bounded time', () => {
    answerQuestion(kb, 'warm up: the intent model is trained once per KB, at the first question');
    const inputs = [
      '',
      '   ',
      'x'.repeat(100_000),
      'ubuntu '.repeat(20_000),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)).toString('latin1'),
      '🙂🙃🔥💯',
      '\u0000\u0007\u001b[31mred\u001b[0m\u202e',
      'ubuntu 14.04\u0000 trim',
    ];
    for (const input of inputs) {
      const started = performance.now();
      const { reply } = answerQuestion(kb, input);
      assert.ok(performance.now() - started < 1000, 'bounded time');
      assert.equal(typeof reply.text, 'string');
      assert.ok(renderPlainText(reply).length < 20_000);
    }
  });
  test('markup and mentions in a question are never echoed back', () => {
    for (const token of HOSTILE) {
      const { reply } = answerQuestion(kb, `${token} does ubuntu 20.04 support kvp ${token}`);
      assert.ok(!renderPlainText(reply).includes(token), `echoed ${token}`);
      assert.equal(reply.entities.distro, 'ubuntu');
    }
  });
  test('fuzz: 10,000 random and hostile strings never throw or echo mentions', () => {
    const hostileText = fc
      .array(
        fc.oneof(
          fc.constantFrom(...HOSTILE, 'rhel', '6.4', 'trim', '2012 r2', 'sles 11 sp3', 'hv_balloon:', '[ 1.23]'),
          fc.string({ maxLength: 30 }),
          fc.string({ unit: 'binary', maxLength: 20 }),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(hostileText, (text) => {
        const { reply } = answerQuestion(kb, text);
        const rendered = renderPlainText(reply);
        return !rendered.includes('<!channel>') && !rendered.includes('@everyone') && !rendered.includes('<@U123ABC>');
      }),
      { numRuns: propertyRuns(10_000) },
    );
  });
});
