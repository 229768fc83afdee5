import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderReply, type SlackMessage } from '../../../src/adapters/slack/render/reply-blocks.ts';
import { escapeMrkdwn, slackTextToPlain, sourceLink, truncate } from '../../../src/adapters/slack/render/escape.ts';
import { decodeFeedback, decodeMore } from '../../../src/adapters/slack/render/values.ts';
import { answerQuestion } from '../../../src/bot/answer.ts';
import { matrixReply } from '../../../src/bot/handlers/matrix.ts';
import { reply, type Reply } from '../../../src/core/reply.ts';
import { DISTRO_IDS, HOST_IDS } from '../../../src/knowledge/schema/index.ts';
import { renderPlainText } from '../../../src/adapters/console/render-plain.ts';
import { propertyRuns, webUrl } from '../../helpers/property.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { blockKitProblems } from './block-limits.ts';
import { visibleText } from './harness.ts';

const kb = realKb();

/** Every page of a reply, following the "Show more" buttons the way a user would. */
function allPages(r: Reply, origin = { m: 'matrix:x' }): SlackMessage[] {
  const pages: SlackMessage[] = [];
  for (let page = 0; page < 200; page++) {
    const message = renderReply(r, { question: 'q', page, more: origin });
    pages.push(message);
    const more = message.blocks
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .find((e) => e.type === 'button' && e.action_id?.startsWith('lis:show-more:') === true);
    if (!more) break;
    const next = decodeMore(more.type === 'button' ? more.value : undefined);
    assert.equal(next?.p, page + 1, 'the button asks for the next page');
  }
  return pages;
}

function asBody(message: SlackMessage): Record<string, unknown> {
  return { text: message.text, blocks: message.blocks };
}

function tableRowsShown(pages: readonly SlackMessage[]): string {
  return pages.map((p) => JSON.stringify(p.blocks)).join('\n');
}

describe('Block Kit limits (golden)', () => {
  test("every family's full matrix, on every host, renders within every limit on every page", () => {
    let rendered = 0;
    for (const family of DISTRO_IDS) {
      for (const host of [undefined, ...HOST_IDS]) {
        const r = matrixReply(kb, family, host);
        const pages = allPages(r);
        for (const page of pages) assert.deepEqual(blockKitProblems(asBody(page)), [], `${family} ${host ?? ''}`);
        if (r.table) {
          const shown = tableRowsShown(pages);
          for (const row of r.table.rows) assert.ok(shown.includes(row[0] ?? ''), `${family}: row ${row[0]} shown`);
        }
        rendered++;
      }
    }
    assert.equal(rendered, DISTRO_IDS.length * (HOST_IDS.length + 1));
  });

  test('the widest matrix (RHEL: ~30 features × 15 releases) is a numbered grid with a legend', () => {
    const r = matrixReply(kb, 'rhel');
    assert.ok((r.table?.columns.length ?? 0) >= 14 && (r.table?.rows.length ?? 0) >= 25, 'still the big one');
    const message = renderReply(r, { question: 'q', more: { m: 'matrix:rhel' } });
    const text = JSON.stringify(message.blocks);
    assert.match(text, /```\\nFeature +1 +2 +3/);
    assert.match(text, / 1 = /);
    assert.deepEqual(blockKitProblems(asBody(message)), []);
  });

  test('every known-issue answer, the longest included, stays within the limits', () => {
    let longest = 0;
    for (const issue of kb.data.knownIssues) {
      const { reply: r } = answerQuestion(kb, issue.title);
      longest = Math.max(longest, renderPlainText(r).length);
      for (const page of allPages(r, { m: 'x' })) assert.deepEqual(blockKitProblems(asBody(page)), [], issue.id);
    }
    assert.ok(longest > 500, `longest known-issue answer has ${longest} chars`);
  });

  test('an absurd reply (huge title, text, fields, table, notes, sources, actions) pages within the limits and loses no row', () => {
    const rows = Array.from({ length: 150 }, (_, i) => [
      `feature-${i} ${'x'.repeat(40)}`,
      ...Array.from({ length: 19 }, (_, j) => `${i}.${j} ${'y'.repeat(90)}`),
    ]);
    const huge = reply({
      intent: 'known_issue',
      title: `T${'i'.repeat(400)}`,
      text: 'Long text. '.repeat(3000),
      fields: Array.from({ length: 45 }, (_, i) => ({ label: `L${i} ${'l'.repeat(200)}`, value: 'v'.repeat(5000) })),
      table: { columns: ['Feature', ...Array.from({ length: 19 }, (_, j) => `column ${j} ${'c'.repeat(30)}`)], rows },
      notes: Array.from({ length: 300 }, (_, i) => `note ${i} ${'n'.repeat(2500)}`),
      sources: Array.from({ length: 80 }, (_, i) => ({
        id: `s${i}`,
        title: `Source ${i} ${'t'.repeat(300)}`,
        url: `https://example.org/${i}`,
      })),
      actions: Array.from({ length: 60 }, (_, i) => ({
        kind: 'choose' as const,
        label: `Choice ${i} ${'b'.repeat(100)}`,
        value: 'w'.repeat(3000),
      })),
      verdict: 'unknown',
    });
    const pages = allPages(huge, { m: 'matrix:x' });
    assert.ok(pages.length > 5, `${pages.length} pages`);
    for (const [i, page] of pages.entries()) assert.deepEqual(blockKitProblems(asBody(page)), [], `page ${i}`);
    const shown = tableRowsShown(pages);
    for (let i = 0; i < rows.length; i++) assert.ok(shown.includes(`feature-${i} `), `row ${i}`);
    for (let i = 0; i < 300; i++) assert.ok(shown.includes(`note ${i} `), `note ${i}`);
  });

  test('without a way to rebuild it, a long reply is cut with a note instead of a button', () => {
    const r = reply({
      intent: 'known_issue',
      title: 'Long',
      text: 'x',
      notes: Array.from({ length: 60 }, (_, i) => `note ${i} ${'n'.repeat(900)}`),
    });
    const message = renderReply(r);
    assert.deepEqual(blockKitProblems(asBody(message)), []);
    assert.doesNotMatch(JSON.stringify(message.blocks), /lis:show-more/);
    assert.match(JSON.stringify(message.blocks), /more parts? not shown/);
  });

  test('fuzz: any reply renders within the limits, on its first and last page', () => {
    const text = fc.string({ maxLength: 400, unit: 'grapheme' });
    const arbitraryReply = fc
      .record({
        title: text,
        text: fc.string({ maxLength: 8000 }),
        answered: fc.boolean(),
        fields: fc.array(fc.record({ label: text, value: fc.string({ maxLength: 3000 }) }), { maxLength: 40 }),
        columns: fc.integer({ min: 1, max: 22 }),
        rows: fc.array(fc.array(text, { maxLength: 22 }), { maxLength: 60 }),
        notes: fc.array(fc.string({ maxLength: 3000 }), { maxLength: 40 }),
        sources: fc.array(fc.record({ id: fc.string({ maxLength: 60 }), title: text, url: fc.option(webUrl(), { nil: undefined }) }), {
          maxLength: 30,
        }),
        actions: fc.array(
          fc.record({
            kind: fc.constantFrom('show-matrix' as const, 'check-vm' as const, 'choose' as const),
            label: text,
            value: fc.string({ maxLength: 2500 }),
          }),
          { maxLength: 40 },
        ),
      })
      .map((r) =>
        reply({
          intent: 'unknown',
          title: r.title,
          text: r.text,
          answered: r.answered,
          fields: r.fields,
          notes: r.notes,
          actions: r.actions,
          sources: r.sources.map((s) => (s.url ? { id: s.id, title: s.title, url: s.url } : { id: s.id, title: s.title })),
          table: { columns: Array.from({ length: r.columns }, (_, i) => `c${i}`), rows: r.rows },
        }),
      );
    fc.assert(
      fc.property(arbitraryReply, fc.boolean(), (r, rebuildable) => {
        const options = rebuildable ? { question: r.title, more: { q: r.text.slice(0, 2000) } } : { question: r.title };
        const first = renderReply(r, options);
        const last = renderReply(r, { ...options, page: 10_000 });
        return blockKitProblems(asBody(first)).length === 0 && blockKitProblems(asBody(last)).length === 0;
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe('escaping', () => {
  const HOSTILE = '<!channel> <!here> <!everyone> @everyone @here @channel <@U123> <#C123> <https://evil.example|click> & ``` `x`';

  test('user and KB text in every part of a reply is escaped: no pings, no links, no broken code blocks', () => {
    const r = reply({
      intent: 'known_issue',
      title: HOSTILE,
      text: HOSTILE,
      verdict: 'supported',
      fields: [{ label: HOSTILE, value: HOSTILE }],
      table: { columns: ['Feature', HOSTILE], rows: [[HOSTILE, HOSTILE]] },
      notes: [HOSTILE],
      sources: [{ id: 's', title: HOSTILE, url: 'https://learn.microsoft.com/x' }],
      actions: [{ kind: 'choose', label: HOSTILE, value: HOSTILE }],
    });
    const visible = visibleText(asBody(renderReply(r, { question: HOSTILE })));
    for (const raw of ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<#C123>', '<https://evil', '@everyone', '@here', '@channel']) {
      assert.ok(!visible.includes(raw), `leaked ${raw}`);
    }
    assert.ok(visible.includes('&lt;!channel&gt;'));
    assert.ok(visible.includes('@\u200deveryone'));
    assert.ok(visible.includes('<https://learn.microsoft.com/x|'), 'the trusted source is still a link');
  });

  test('fuzz: nothing a user types survives as a mention, broadcast or link', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<!channel>',
        '<!here>',
        '<@U1>',
        '<#C1|x>',
        '@everyone',
        '@here',
        '@channel',
        '<http://x|y>',
        '&',
        '<',
        '>',
        '`',
        '```',
      ),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
        (s) => {
          const out = escapeMrkdwn(s);
          return !/[<>]/.test(out) && !/@(everyone|here|channel)/i.test(out);
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });

  test('only http(s) URLs become source links', () => {
    assert.equal(sourceLink('Doc', 'https://learn.microsoft.com/a?b=1&c=2'), '<https://learn.microsoft.com/a?b=1&amp;c=2|Doc>');
    assert.equal(sourceLink('Doc', 'javascript:alert(1)'), 'Doc');
    assert.equal(sourceLink('Doc', 'https://x.example/a|<!channel>'), 'Doc');
    assert.equal(sourceLink('a|b <c>', undefined), 'a¦b &lt;c&gt;');
  });

  test('cutting never leaves half an entity, and keeps text after a plain ampersand', () => {
    assert.equal(truncate('Tips & tricks for Linux guests', 20), 'Tips & tricks for L…');
    assert.equal(truncate('a &amp; b', 5), 'a …');
    assert.equal(truncate('short', 10), 'short');
  });

  test('incoming Slack text loses mentions and markup and is unescaped once', () => {
    assert.equal(
      slackTextToPlain('<@U0LISBOT> is trim ok &amp; fast on &lt;sles&gt; <!here> <https://x.example/a|docs>'),
      'is trim ok & fast on <sles> docs',
    );
  });

  test('button values stay within 2,000 characters and round-trip', () => {
    const message = renderReply(
      reply({
        intent: 'known_issue',
        title: 't',
        text: 'x',
        sources: Array.from({ length: 200 }, (_, i) => ({ id: `source-${i}-${'z'.repeat(50)}`, title: 't' })),
      }),
      { question: 'q'.repeat(5000) },
    );
    const feedback = message.blocks
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .find((e) => e.type === 'button' && e.action_id === 'lis:feedback-up:0');
    const value = feedback?.type === 'button' ? feedback.value : undefined;
    assert.ok(value && value.length <= 2000);
    const decoded = decodeFeedback(value);
    assert.ok(decoded && decoded.q.length >= 700 && decoded.s.length > 0);
  });
});
