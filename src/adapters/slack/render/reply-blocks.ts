import type { types } from '@slack/bolt';
import { isDigestExpansion } from '../../../core/digest-commands.ts';
import type { Reply, ReplyAction, Verdict } from '../../../core/reply.ts';
import { ACTIONS_BLOCK_ID, FEEDBACK_BLOCK_ID, actionId } from './action-ids.ts';
import { escapeMrkdwn, escapePlain, sourceLink, truncate } from './escape.ts';
import { BLOCK_KIT_LIMITS as LIMITS } from './limits.ts';
import { renderTable } from './table.ts';
import { encodeFeedback, encodeMore, type MoreOrigin } from './values.ts';
import type { TextRefs } from '../../../state/text-refs.ts';

export type Block = types.KnownBlock;
type Button = types.Button;

/** A message ready for chat.postMessage, chat.update, respond() or ack(). */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

export interface RenderOptions {
  /** The question the reply answers; the 👍/👎 buttons carry it back for the feedback record. */
  readonly question?: string;
  /** Which page of a long reply, from 0. */
  readonly page?: number;
  /** How to rebuild the reply for the next page. Without it a long reply is cut, with a note saying so. */
  readonly more?: MoreOrigin;
  /** 👍/👎 buttons; on by default for answered replies. */
  readonly feedback?: boolean;
  /** Where a question too long for a button value is kept, by reference. */
  readonly refs?: TextRefs;
}

/** Section texts are kept a little below the hard limit. */
const SECTION_CHARS = LIMITS.sectionText - 100;
const TEXT_SECTIONS = 2;
const TEXT_CHUNK = 2000;
const FIELD_SECTIONS = 3;
/** All fields together; each gets an equal share, so a long list of fields cannot crowd out the rest. */
const FIELDS_CHARS = 2500;
const SOURCES_CHARS = 1200;
const NOTE_CHARS = 1000;
/** Reply buttons (did-you-mean, clarify, matrix, check) shown at most; their values are short ids or phrases. */
const REPLY_BUTTONS = 12;
const REPLY_VALUE_CHARS = 500;
const VERDICT_MARK: Record<Verdict, string> = { supported: '✅', not_supported: '❌', unknown: '❔' };

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(escapePlain(text.replace(/\s+/g, ' ').trim()) || ' ', max), emoji: true };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText), verbatim: true } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText), verbatim: true }] };
}

/** Splits plain text into chunks of about max characters, at a paragraph, sentence or word boundary. */
export function chunkText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : max;
    chunks.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function textSections(reply: Reply): Block[] {
  const mark = reply.verdict ? `${VERDICT_MARK[reply.verdict]} ` : '';
  const chunks = chunkText(reply.text, TEXT_CHUNK);
  const shown = chunks.slice(0, TEXT_SECTIONS);
  const blocks = shown.map((chunk, i) => section(`${i === 0 ? mark : ''}${escapeMrkdwn(chunk)}`));
  if (chunks.length > TEXT_SECTIONS && blocks.length > 0) {
    const last = shown[shown.length - 1] ?? '';
    blocks[blocks.length - 1] = section(`${escapeMrkdwn(truncate(last, TEXT_CHUNK - 100))} …`);
  }
  return blocks;
}

function fieldSections(reply: Reply): Block[] {
  const shown = reply.fields.slice(0, FIELD_SECTIONS * LIMITS.sectionFields);
  const share = Math.min(LIMITS.fieldText, Math.max(80, Math.floor(FIELDS_CHARS / Math.max(1, shown.length))));
  const fields = shown.map((f) => ({
    type: 'mrkdwn' as const,
    text: truncate(`*${escapeMrkdwn(truncate(f.label, 60))}*\n${escapeMrkdwn(truncate(f.value, share))}`, share + 80),
    verbatim: true,
  }));
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields)
    blocks.push({ type: 'section', fields: fields.slice(i, i + LIMITS.sectionFields) });
  return blocks;
}

function noteSections(notes: readonly string[]): string[] {
  const sections: string[] = [];
  let current = '*Notes*';
  for (const note of notes) {
    const line = `• ${escapeMrkdwn(truncate(note.replace(/\s+/g, ' '), NOTE_CHARS))}`;
    if (current.length + line.length + 1 > SECTION_CHARS) {
      sections.push(current);
      current = '*Notes (continued)*';
    }
    current += `\n${line}`;
  }
  if (notes.length > 0) sections.push(current);
  return sections;
}

function sourcesBlock(reply: Reply): Block | undefined {
  if (reply.sources.length === 0) return undefined;
  let text = reply.sources.length > 1 ? '*Sources:* ' : '*Source:* ';
  let shown = 0;
  for (const source of reply.sources) {
    const link = sourceLink(truncate(source.title, 200), source.url);
    if (shown > 0 && text.length + link.length + 40 > SOURCES_CHARS) break;
    text += `${shown > 0 ? ' · ' : ''}${link}`;
    shown++;
  }
  if (shown < reply.sources.length) text += ` · and ${reply.sources.length - shown} more`;
  return context(text);
}

function button(action: Pick<ReplyAction, 'kind' | 'label' | 'value'>, index: number, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    action_id: actionId(action.kind, index),
    text: plain(action.label, LIMITS.buttonText),
    value: action.value.slice(
      0,
      action.kind === 'feedback-up' || action.kind === 'feedback-down' || action.kind === 'show-more'
        ? LIMITS.actionValue
        : REPLY_VALUE_CHARS,
    ),
    ...(style ? { style } : {}),
  };
}

function feedbackBlock(reply: Reply, question: string, refs: TextRefs | undefined): Block {
  const value = encodeFeedback({ q: question, i: reply.intent, s: reply.sources.map((s) => s.id) }, refs);
  return {
    type: 'actions',
    block_id: FEEDBACK_BLOCK_ID,
    elements: [
      button({ kind: 'feedback-up', label: '👍 Helpful', value }, 0),
      button({ kind: 'feedback-down', label: '👎 Not helpful', value }, 0),
    ],
  };
}

/** The table and notes as self-contained sections, in reading order; these are what pages split. */
function bodySections(reply: Reply): string[] {
  const table = reply.table ? renderTable(reply.table, SECTION_CHARS).sections : [];
  return [...table, ...noteSections(reply.notes)];
}

function measure(blocks: readonly unknown[]): number {
  return JSON.stringify(blocks).length;
}

/**
 * Greedy pages of whole sections, within the block count and the character budget per message. A page takes at
 * least one section, except the first, whose own content (text, fields, buttons) may leave no room for any.
 */
function paginate(
  sections: readonly string[],
  firstFixed: { blocks: number; chars: number },
  restFixed: { blocks: number; chars: number },
): string[][] {
  const pages: string[][] = [];
  let current: string[] = [];
  let fixed = firstFixed;
  let chars = 0;
  for (const text of sections) {
    const size = text.length + 60;
    const fits = fixed.blocks + current.length + 1 <= LIMITS.blocksPerMessage && fixed.chars + chars + size <= LIMITS.messageChars;
    if (!fits && (current.length > 0 || pages.length === 0)) {
      pages.push(current);
      current = [];
      chars = 0;
      fixed = restFixed;
    }
    current.push(text);
    chars += size;
  }
  pages.push(current);
  return pages;
}

/**
 * Renders a reply as Block Kit, always with a plain `text` fallback, within every Block Kit limit: long text is
 * split and cut, tables and notes are paged (a "Show more" button when the reply can be rebuilt, else a note).
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const question = options.question ?? reply.title;
  const withFeedback = options.feedback ?? reply.answered;
  const header: Block = { type: 'header', text: plain(reply.title, LIMITS.headerText) };
  const intro = [...textSections(reply), ...fieldSections(reply)];
  const sources = sourcesBlock(reply);
  // Paging is this renderer's own; a digest's "show all" (a show-more with a digest: value) stays a button.
  const actions = reply.actions
    .filter((a) => a.kind !== 'feedback-up' && a.kind !== 'feedback-down' && (a.kind !== 'show-more' || isDigestExpansion(a.value)))
    .slice(0, REPLY_BUTTONS)
    .map((a, i) => button(a, i, a.kind === 'show-matrix' ? 'primary' : undefined));
  const feedback = withFeedback ? feedbackBlock(reply, question, options.refs) : undefined;

  const fixedFirst = [header, ...intro, ...(sources ? [sources] : []), ...(feedback ? [feedback] : [])];
  const firstFixed = { blocks: fixedFirst.length + 2, chars: measure(fixedFirst) + (actions.length ? measure(actions) + 200 : 300) };
  const fixedRest = [header, ...(sources ? [sources] : []), ...(feedback ? [feedback] : [])];
  const restFixed = { blocks: fixedRest.length + 2, chars: measure(fixedRest) + 400 };
  const pages = paginate(bodySections(reply), firstFixed, restFixed);
  const pageCount = pages.length;
  const page = Math.min(Math.max(0, options.page ?? 0), pageCount - 1);
  const body = pages[page] ?? [];

  const blocks: Block[] = [];
  if (page === 0) {
    blocks.push(header, ...intro);
  } else {
    blocks.push({ type: 'header', text: plain(`${truncate(reply.title, 110)} (page ${page + 1} of ${pageCount})`, LIMITS.headerText) });
  }
  blocks.push(...body.map(section));

  const buttons: Button[] = page === 0 ? [...actions] : [];
  const hasMore = page + 1 < pageCount;
  if (hasMore && options.more) {
    buttons.push(
      button(
        {
          kind: 'show-more',
          label: `Show more (page ${page + 2} of ${pageCount})`,
          value: encodeMore({ p: page + 1, o: options.more }, options.refs),
        },
        0,
      ),
    );
  } else if (hasMore) {
    blocks.push(
      context(`_${pageCount - page - 1} more part${pageCount - page - 1 === 1 ? '' : 's'} not shown: see the source for the full table._`),
    );
  }
  if (sources) blocks.push(sources);
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: ACTIONS_BLOCK_ID, elements: buttons });
  if (feedback) blocks.push(feedback);

  const pageNote = pageCount > 1 ? ` (page ${page + 1} of ${pageCount})` : '';
  const text = truncate(escapeMrkdwn(`${reply.title}${pageNote}: ${reply.text}`.replace(/\s+/g, ' ')), LIMITS.fallbackText);
  return { text, blocks: blocks.slice(0, LIMITS.blocksPerMessage) };
}

/** A short notice (errors, "checking…"): one escaped section and the same text as fallback. */
export function renderNotice(text: string): SlackMessage {
  return renderMrkdwn(escapeMrkdwn(text), text);
}

/** A notice lisbot wrote itself in mrkdwn; anything quoted into it must already be escaped. */
export function renderMrkdwn(mrkdwn: string, plainFallback?: string): SlackMessage {
  const sections = chunkText(mrkdwn, SECTION_CHARS).slice(0, 10).map(section);
  const text = plainFallback === undefined ? mrkdwn.replace(/[*`]/g, '') : escapeMrkdwn(plainFallback);
  return { text: truncate(text, LIMITS.fallbackText), blocks: sections };
}
