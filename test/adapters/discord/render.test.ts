import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answerQuestion } from '../../../src/bot/answer.ts';
import { answerWithAdvice } from '../../../src/bot/handlers/advice.ts';
import { matrixReply } from '../../../src/bot/handlers/matrix.ts';
import { reply, type Reply, type ReplyAction } from '../../../src/core/reply.ts';
import { handlerReply } from '../../../src/adapters/discord/commands/direct.ts';
import { ButtonState } from '../../../src/adapters/discord/button-state.ts';
import { decodeButtonId, encodeButtonId } from '../../../src/adapters/discord/render/custom-ids.ts';
import { neutraliseMentions, safeMarkdown, truncate } from '../../../src/adapters/discord/render/escape.ts';
import { pageCount, renderReply, type DiscordMessage } from '../../../src/adapters/discord/render/embeds.ts';
import { EMBED_LIMITS, embedLength, limitViolations } from '../../../src/adapters/discord/render/limits.ts';
import { FEATURE_IDS, HOST_IDS } from '../../../src/knowledge/schema/index.ts';
import { propertyRuns, webUrl } from '../../helpers/property.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();

function assertWithinLimits(message: DiscordMessage, what: string): void {
  assert.deepEqual(limitViolations(message), [], what);
  assert.deepEqual(message.allowedMentions, { parse: [] }, what);
  for (const row of message.components)
    for (const button of row.components) assert.ok(decodeButtonId(button.custom_id), `${what}: ${button.custom_id} decodes`);
}

/** Every page of a reply, rendered as the adapter would, with all the options that add content. */
function allPages(r: Reply): DiscordMessage[] {
  const state = new ButtonState();
  const pages = pageCount(r);
  return Array.from({ length: pages }, (_, page) =>
    renderReply(r, {
      page,
      state,
      feedback: { question: 'q'.repeat(2000) },
      question: 'q'.repeat(2000),
      footer: `lisbot · knowledge base ${kb.version}`,
    }),
  );
}

describe('golden: the largest replies stay within Discord limits', () => {
  test("every family's full matrix, on every host, every page", () => {
    let checked = 0;
    for (const family of kb.families.keys()) {
      for (const host of [undefined, ...HOST_IDS]) {
        const r = matrixReply(kb, family, host);
        for (const [i, message] of allPages(r).entries()) {
          assertWithinLimits(message, `${family}${host ? ` on ${host}` : ''} page ${i + 1}`);
          checked++;
        }
        // Every release column is on some page.
        if (r.table) {
          const shown = allPages(r).flatMap((m) => m.embeds[0]!.fields ?? []).length;
          assert.ok(shown >= r.table.columns.length - 1, `${family}: all ${r.table.columns.length - 1} columns shown`);
        }
      }
    }
    assert.ok(checked >= kb.families.size * (HOST_IDS.length + 1));
  });

  test('every known issue and tip answer, every feature with and without each family', () => {
    for (const issue of kb.knownIssues)
      assertWithinLimits(renderReply(answerWithAdvice(kb, 'known_issue', issue.title, {}, 'issue'), { question: issue.title }), issue.id);
    for (const tip of kb.tips) assertWithinLimits(renderReply(answerWithAdvice(kb, 'tip', tip.title, {}, 'tip')), tip.id);
    for (const feature of [...FEATURE_IDS, 'dynamic-memory' as const]) {
      assertWithinLimits(renderReply(handlerReply(kb, 'feature_info', feature, { feature })), `${feature} info`);
      for (const distro of kb.families.keys()) {
        assertWithinLimits(renderReply(handlerReply(kb, 'feature_support', feature, { feature, distro })), `${feature} for ${distro}`);
      }
    }
    for (const distro of kb.families.keys())
      assertWithinLimits(renderReply(handlerReply(kb, 'distro_support', distro, { distro })), `${distro} support`);
  });

  test('the help and clarifying replies, with their buttons', () => {
    for (const question of [
      'help',
      'is trim supported?',
      'ubnutu 20.04 kvp',
      'hv_balloon: Memory hot add failed',
      'which distros support secure boot?',
    ]) {
      assertWithinLimits(renderReply(answerQuestion(kb, question).reply, { state: new ButtonState(), feedback: { question } }), question);
    }
  });

  test('synthetic extremes: huge text, 100 fields, 200-column table, 500 notes, 50 sources, 30 actions', () => {
    const longLine = 'x'.repeat(5000);
    const actions: ReplyAction[] = Array.from({ length: 30 }, (_, i) => ({
      kind: i % 2 ? 'choose' : 'show-matrix',
      label: `action ${i} ${'l'.repeat(100)}`,
      value: i % 2 ? `choice ${i} ${'v'.repeat(300)}` : 'matrix:rhel',
    }));
    const huge = reply({
      intent: 'distro_support',
      entities: { distro: 'rhel' },
      title: 't'.repeat(1000),
      text: `${'**'.repeat(3000)}${longLine}`,
      fields: Array.from({ length: 100 }, (_, i) => ({ label: `label ${i} ${'_'.repeat(400)}`, value: `value ${i} ${'*'.repeat(2000)}` })),
      table: {
        columns: ['Feature', ...Array.from({ length: 200 }, (_, i) => `column ${i} ${'c'.repeat(300)}`)],
        rows: Array.from({ length: 40 }, (_, r) => [
          `row ${r} ${'r'.repeat(50)}`,
          ...Array.from({ length: 200 }, (_, c) => ((r + c) % 3 ? '✔' : '✖')),
        ]),
      },
      notes: Array.from({ length: 500 }, (_, i) => `note ${i} ${'n'.repeat(i % 2 ? 2000 : 50)}`),
      sources: Array.from({ length: 50 }, (_, i) => ({
        id: `s${i}`,
        title: `source ${i} ${'s'.repeat(300)}`,
        url: `https://example.com/${i}?q=(x)`,
      })),
      actions,
      verdict: 'supported',
    });
    const pages = allPages(huge);
    assert.ok(pages.length > 10, `paged (${pages.length})`);
    for (const [i, message] of pages.entries()) assertWithinLimits(message, `huge page ${i + 1}`);
    // Not a matrix (no distro): one message, cut, and the footer says so.
    const unpaged = renderReply({ ...huge, entities: {} }, { footer: 'f' });
    assertWithinLimits(unpaged, 'huge unpaged');
    assert.match(unpaged.embeds[0]!.footer!.text, /not shown/);
  });

  test('property: any reply renders within limits, with every mention neutralised', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 3000 }),
      fc.constantFrom('@everyone', '@here', '<@123>', '<@&456>', '<#789>', '**', '||', '`', '\\', '🔥'.repeat(600), ''),
    );
    const replies = fc.record({
      title: text,
      text,
      fields: fc.array(fc.record({ label: text, value: text }), { maxLength: 40 }),
      notes: fc.array(text, { maxLength: 30 }),
      sources: fc.array(fc.record({ id: fc.string({ maxLength: 20 }), title: text, url: fc.option(webUrl(), { nil: undefined }) }), {
        maxLength: 15,
      }),
      rows: fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { maxLength: 40 }),
      labels: fc.array(text, { maxLength: 12 }),
      matrix: fc.boolean(),
    });
    fc.assert(
      fc.property(replies, (r) => {
        const built = reply({
          intent: 'distro_support',
          entities: r.matrix ? { distro: 'ubuntu' } : {},
          title: r.title,
          text: r.text,
          fields: r.fields,
          notes: r.notes,
          sources: r.sources.map((s) => (s.url ? { id: s.id, title: s.title, url: s.url } : { id: s.id, title: s.title })),
          ...(r.rows.length ? { table: { columns: ['Feature', 'A', 'B'], rows: r.rows } } : {}),
          actions: r.labels.map((label, i) => ({ kind: 'choose' as const, label, value: `${label}${i}` })),
        });
        for (const message of allPages(built)) {
          if (limitViolations(message).length) return false;
          const json = JSON.stringify(message.embeds);
          if (/@everyone|@here|<@&?\d|<#\d/.test(json)) return false;
        }
        return true;
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe('render units', () => {
  test('escaping: markdown escaped, mentions made inert, truncation never splits a pair or leaves a dangling backslash', () => {
    assert.equal(safeMarkdown('**a** _b_ ||c|| `d`'), '\\*\\*a\\*\\* \\_b\\_ \\|\\|c\\|\\| \\`d\\`');
    assert.equal(neutraliseMentions('@everyone @here <@1> <@&2> <#3>'), '@\u200Deveryone @\u200Dhere <\u200D@1> <\u200D@&2> <\u200D#3>');
    assert.equal(truncate('abc', 3), 'abc');
    assert.equal(truncate('abcdef', 4), 'abc…');
    assert.equal(truncate('ab🔥cd', 4), 'ab…');
    assert.equal(truncate('ab\\*cd', 4), 'ab…');
  });

  test('custom ids round-trip, stay ≤ 100 characters, and refuse anything malformed', () => {
    for (const id of [
      { kind: 'matrix', family: 'sles', host: '2012 R2' },
      { kind: 'matrix-page', family: 'rhel', page: 12 },
      { kind: 'check-vm' },
      { kind: 'choose', value: 'sles' },
      { kind: 'choose-key', key: 'abcDEF123_-' },
      { kind: 'feedback', up: false, key: 'k' },
    ] as const) {
      const encoded = encodeButtonId(id);
      assert.ok(encoded.length <= 100);
      assert.deepEqual(decodeButtonId(encoded), id);
    }
    for (const bad of [
      'lis:mx:nope',
      'lis:mp:x:rhel',
      'lis:mp:1:rhel:1999',
      'lis:fb:up:',
      'lis:ch:',
      'other:mx:rhel',
      `lis:ch:v:${'x'.repeat(120)}`,
    ])
      assert.equal(decodeButtonId(bad), undefined, bad);
  });

  test('long choice values are kept server-side under a short key', async () => {
    const state = new ButtonState();
    const long = 'a known issue title that is far too long to fit into a Discord custom id of one hundred characters at most';
    const message = renderReply(
      reply({ intent: 'known_issue', title: 't', text: 'x', actions: [{ kind: 'choose', label: 'Did you mean', value: long }] }),
      { state },
    );
    const id = decodeButtonId(message.components[0]!.components[0]!.custom_id);
    assert.equal(id?.kind, 'choose-key');
    assert.equal(await state.choice((id as { key: string }).key), long);
    // Without state (a worker posting a job result) such a button is simply left out.
    assert.equal(
      renderReply(reply({ intent: 'known_issue', title: 't', text: 'x', actions: [{ kind: 'choose', label: 'x', value: long }] }))
        .components.length,
      0,
    );
  });

  test("an embed's counted length includes title, description, fields and footer", () => {
    assert.equal(embedLength({ title: 'ab', description: 'cde', fields: [{ name: 'f', value: 'gh' }], footer: { text: 'i' } }), 9);
    assert.equal(EMBED_LIMITS.total, 6000);
  });
});
