import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { parseMatrixValue } from '../../../bot/actions.ts';
import { isDigestExpansion } from '../../../core/digest-commands.ts';
import type { Reply, ReplyAction, Verdict } from '../../../core/reply.ts';
import { quoteBack } from '../../../bot/text.ts';
import type { DistroId, HostId } from '../../../knowledge/schema/index.ts';
import type { ButtonState } from '../button-state.ts';
import { encodeButtonId, fitsInline } from './custom-ids.ts';
import { safeLink, safeMarkdown, safePlain, truncate } from './escape.ts';
import { COMPONENT_LIMITS, EMBED_LIMITS, embedLength } from './limits.ts';
import { rowFields, tableFields } from './table.ts';

/** Every message lisbot sends pings nobody. A fresh object each time, so nothing can mutate a shared one. */
export function noMentions(): { parse: [] } {
  return { parse: [] };
}

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** A message as discord.js takes it for reply, editReply, followUp, update and channel.send. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: ButtonRow[];
  readonly allowedMentions: { parse: [] };
  readonly flags?: MessageFlags.Ephemeral;
  /** Uploaded with the message (multipart); the embed may show one as its image via attachment://name. */
  readonly files?: ReadonlyArray<{ readonly attachment: Buffer; readonly name: string; readonly description?: string }>;
}

export interface RenderOptions {
  /** The user's question, quoted back (escaped) above the answer. */
  readonly question?: string;
  /** Where long button payloads and feedback context are kept; without it, such buttons are left out. */
  readonly state?: ButtonState;
  /** Add 👍/👎 buttons (needs state); the question is what the feedback records. */
  readonly feedback?: { readonly question: string };
  /** The matrix page to show (0-based; clamped). */
  readonly page?: number;
  /** Plain footer text, e.g. the KB version. */
  readonly footer?: string;
  readonly ephemeral?: boolean;
}

const COLORS: Record<Verdict, number> = { supported: 0x2e8b57, not_supported: 0xc0392b, unknown: 0x95a5a6 };
const NEUTRAL = 0x5865f2;
const FOOTER_RESERVE = 80;
/** Room kept for at least one full field when the description is long. */
const DESCRIPTION_WITH_FIELDS = 3000;

function field(name: string, value: string, inline = false): APIEmbedField {
  return {
    name: truncate(name || '\u200b', EMBED_LIMITS.fieldName),
    value: truncate(value || '\u200b', EMBED_LIMITS.fieldValue),
    ...(inline ? { inline: true } : {}),
  };
}

/** Lines packed into as few ≤1,024-character fields as possible, the first named `title`. */
function listFields(title: string, lines: readonly string[], maxFields: number): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) fields.push(field(fields.length ? `${title} (continued)` : title, current.join('\n')));
    current = [];
  };
  for (const line of lines) {
    const bounded = truncate(line, EMBED_LIMITS.fieldValue);
    if ([...current, bounded].join('\n').length > EMBED_LIMITS.fieldValue) flush();
    current.push(bounded);
  }
  flush();
  if (fields.length > maxFields) {
    const kept = fields.slice(0, maxFields);
    const last = kept[kept.length - 1]!;
    kept[kept.length - 1] = field(last.name, `${truncate(last.value, EMBED_LIMITS.fieldValue - 40)}\n… more not shown`);
    return kept;
  }
  return fields;
}

function sourcesField(reply: Reply): APIEmbedField | undefined {
  if (reply.sources.length === 0) return undefined;
  const lines: string[] = [];
  for (const source of reply.sources) {
    const line = `• ${safeLink(truncate(source.title, 200), source.url)}`;
    if ([...lines, line].join('\n').length > EMBED_LIMITS.fieldValue - 30) {
      lines.push(`… and ${reply.sources.length - lines.length} more`);
      break;
    }
    lines.push(line);
  }
  return field('Sources', lines.join('\n'));
}

/** The blocks that may flow across pages: the reply's fields, its table, its notes. */
function bodyFields(reply: Reply): APIEmbedField[] {
  const fields = reply.fields.map((f) => {
    const name = safeMarkdown(f.label, EMBED_LIMITS.fieldName);
    const value = safeMarkdown(f.value, EMBED_LIMITS.fieldValue);
    return field(name, value, name.length <= 60 && value.length <= 60);
  });
  if (reply.table) fields.push(...(matrixTarget(reply) ? tableFields(reply.table) : rowFields(reply.table)));
  if (reply.notes.length)
    fields.push(
      ...listFields(
        'Notes',
        reply.notes.slice(0, 100).map((n) => `• ${safeMarkdown(n, EMBED_LIMITS.fieldValue)}`),
        10,
      ),
    );
  return fields;
}

function matrixTarget(reply: Reply): { family: DistroId; host?: HostId } | undefined {
  const family = reply.entities.distro;
  // A matrix as of a date is not paged: the page buttons rebuild the current one. Its picture shows it whole.
  if (!reply.table || !family || reply.intent !== 'distro_support' || reply.entities.asOf) return undefined;
  return parseMatrixValue(`matrix:${family}${reply.entities.host ? `:${reply.entities.host}` : ''}`);
}

interface Page {
  readonly fields: APIEmbedField[];
}

/** Packs the body fields into pages that each fit one embed next to the fixed parts. */
function paginate(body: readonly APIEmbedField[], fixedLength: number, maxFields: number): Page[] {
  const pages: Page[] = [];
  let current: APIEmbedField[] = [];
  let length = 0;
  const budget = EMBED_LIMITS.total - fixedLength;
  for (const f of body) {
    const size = f.name.length + f.value.length;
    if (current.length && (current.length >= maxFields || length + size > budget)) {
      pages.push({ fields: current });
      current = [];
      length = 0;
    }
    current.push(f);
    length += size;
  }
  if (current.length || pages.length === 0) pages.push({ fields: current });
  return pages;
}

type CustomIdStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

function button(
  customId: string,
  label: string,
  style: CustomIdStyle,
  options: { disabled?: boolean; emoji?: string } = {},
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label: truncate(safePlain(label.replace(/\s+/g, ' ').trim() || '…'), COMPONENT_LIMITS.buttonLabel),
    style,
    ...(options.disabled ? { disabled: true } : {}),
    ...(options.emoji ? { emoji: { name: options.emoji } } : {}),
  };
}

function actionButton(action: ReplyAction, state: ButtonState | undefined): APIButtonComponentWithCustomId | undefined {
  switch (action.kind) {
    case 'show-matrix': {
      const target = parseMatrixValue(action.value);
      return target ? button(encodeButtonId({ kind: 'matrix', ...target }), action.label, ButtonStyle.Primary) : undefined;
    }
    case 'check-vm':
      return button(encodeButtonId({ kind: 'check-vm' }), action.label, ButtonStyle.Secondary);
    case 'show-more': {
      // Paging is this renderer's own; only a digest's "show all" becomes a button.
      const id = encodeButtonId({ kind: 'digest', value: action.value });
      return isDigestExpansion(action.value) && id.length <= COMPONENT_LIMITS.customId
        ? button(id, action.label, ButtonStyle.Secondary)
        : undefined;
    }
    case 'choose': {
      const value = action.value.slice(0, 200);
      if (!value.trim()) return undefined;
      if (fitsInline(value)) return button(encodeButtonId({ kind: 'choose', value }), action.label, ButtonStyle.Secondary);
      return state
        ? button(encodeButtonId({ kind: 'choose-key', key: state.putChoice(value) }), action.label, ButtonStyle.Secondary)
        : undefined;
    }
    default:
      return undefined;
  }
}

function rows(buttons: readonly APIButtonComponentWithCustomId[], available: number): ButtonRow[] {
  const out: ButtonRow[] = [];
  for (let i = 0; i < buttons.length && out.length < available; i += COMPONENT_LIMITS.buttonsPerRow) {
    out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + COMPONENT_LIMITS.buttonsPerRow) });
  }
  return out;
}

function components(reply: Reply, options: RenderOptions, paging: ButtonRow | undefined): ButtonRow[] {
  const seen = new Set<string>();
  const actions: APIButtonComponentWithCustomId[] = [];
  for (const action of reply.actions) {
    const made = actionButton(action, options.state);
    if (made && !seen.has(made.custom_id)) {
      seen.add(made.custom_id);
      actions.push(made);
    }
  }
  const wantsFeedback = options.feedback !== undefined || reply.actions.some((a) => a.kind === 'feedback-up' || a.kind === 'feedback-down');
  const feedback: APIButtonComponentWithCustomId[] = [];
  if (wantsFeedback && options.state && reply.answered) {
    const key = options.state.putFeedback({
      question: quoteBack(options.feedback?.question ?? reply.title, 500),
      intent: reply.intent,
      sources: reply.sources.map((s) => s.id),
    });
    feedback.push(
      button(encodeButtonId({ kind: 'feedback', up: true, key }), 'Helpful', ButtonStyle.Secondary, { emoji: '👍' }),
      button(encodeButtonId({ kind: 'feedback', up: false, key }), 'Not helpful', ButtonStyle.Secondary, { emoji: '👎' }),
    );
  }
  const out: ButtonRow[] = paging ? [paging] : [];
  const feedbackRows = feedback.length ? 1 : 0;
  out.push(...rows(actions, COMPONENT_LIMITS.rows - out.length - feedbackRows));
  if (feedback.length && out.length < COMPONENT_LIMITS.rows) out.push({ type: ComponentType.ActionRow, components: feedback });
  return out;
}

function pagingRow(target: { family: DistroId; host?: HostId }, page: number, pages: number): ButtonRow {
  const at = (p: number) => encodeButtonId({ kind: 'matrix-page', ...target, page: p });
  return {
    type: ComponentType.ActionRow,
    components: [
      button(at(Math.max(0, page - 1)), '◀ Previous', ButtonStyle.Secondary, { disabled: page === 0 }),
      button(encodeButtonId({ kind: 'nop' }), `Page ${page + 1} of ${pages}`, ButtonStyle.Secondary, { disabled: true }),
      button(at(Math.min(pages - 1, page + 1)), 'Next ▶', ButtonStyle.Secondary, { disabled: page === pages - 1 }),
    ],
  };
}

/** How many pages a reply renders to (only matrices page; everything else is one message). */
export function pageCount(reply: Reply): number {
  return layout(reply, {}).pages.length;
}

interface Layout {
  readonly title: string;
  readonly description: string;
  readonly sources: APIEmbedField | undefined;
  readonly pages: readonly Page[];
}

/** Layouts are pure in (reply, question); turning pages of one reply object reuses the work. */
const layouts = new WeakMap<Reply, Map<string, Layout>>();

function layout(reply: Reply, options: RenderOptions): Layout {
  const key = options.question ?? '';
  const cached = layouts.get(reply)?.get(key);
  if (cached) return cached;
  const computed = computeLayout(reply, options);
  const forReply = layouts.get(reply) ?? new Map<string, Layout>();
  if (forReply.size < 4) forReply.set(key, computed);
  layouts.set(reply, forReply);
  return computed;
}

function computeLayout(reply: Reply, options: RenderOptions): Layout {
  const title = truncate(safeMarkdown(reply.title || 'lisbot', EMBED_LIMITS.title), EMBED_LIMITS.title);
  const body = bodyFields(reply);
  const sources = sourcesField(reply);
  const quote = options.question ? `> ${safeMarkdown(quoteBack(options.question, 200))}\n` : '';
  const descriptionLimit = body.length ? DESCRIPTION_WITH_FIELDS : EMBED_LIMITS.description;
  const description = truncate(`${quote}${safeMarkdown(reply.text, descriptionLimit)}`, descriptionLimit);
  const fixed = title.length + description.length + FOOTER_RESERVE + (sources ? sources.name.length + sources.value.length : 0);
  const pages = paginate(body, fixed, EMBED_LIMITS.fields - (sources ? 1 : 0));
  return { title, description, sources, pages };
}

/**
 * A Reply as one Discord message: one embed within every limit, buttons in at most five rows, no mentions.
 * Long matrices come out one page at a time with ◀ ▶ buttons; anything else that would not fit is cut,
 * and the footer says so.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  const { title, description, sources, pages } = layout(reply, options);
  const target = matrixTarget(reply);
  const paged = target !== undefined && pages.length > 1;
  const page = paged ? Math.min(Math.max(0, Math.trunc(options.page ?? 0)), pages.length - 1) : 0;
  const omitted = paged ? 0 : pages.slice(1).reduce((n, p) => n + p.fields.length, 0);
  const footerParts = [
    options.footer,
    paged ? `page ${page + 1} of ${pages.length}` : undefined,
    omitted ? `${omitted} more section${omitted === 1 ? '' : 's'} not shown` : undefined,
  ].filter((part): part is string => Boolean(part));
  const firstUrl = reply.sources.find((s) => s.url && /^https?:\/\/\S+$/i.test(s.url))?.url;
  const embed: APIEmbed = {
    title,
    ...(description ? { description } : {}),
    color: reply.verdict ? COLORS[reply.verdict] : NEUTRAL,
    ...(firstUrl && firstUrl.length <= 2048 ? { url: firstUrl } : {}),
    fields: [...pages[page]!.fields, ...(sources ? [sources] : [])],
    ...(footerParts.length
      ? { footer: { text: truncate(safePlain(footerParts.join(' · ')), Math.min(EMBED_LIMITS.footer, FOOTER_RESERVE)) } }
      : {}),
  };
  if (embed.fields?.length === 0) delete embed.fields;
  shrinkToFit(embed);
  return {
    embeds: [embed],
    components: components(reply, options, paged ? pagingRow(target, page, pages.length) : undefined),
    allowedMentions: noMentions(),
    ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** A last guard: should anything still exceed the total, drop trailing fields, then shorten the description. */
function shrinkToFit(embed: APIEmbed): void {
  while (embedLength(embed) > EMBED_LIMITS.total && embed.fields && embed.fields.length > 1)
    embed.fields.splice(embed.fields.length - 2, 1);
  const excess = embedLength(embed) - EMBED_LIMITS.total;
  if (excess > 0 && embed.description) embed.description = truncate(embed.description, Math.max(1, embed.description.length - excess));
}

/** A short plain message (errors, acknowledgements): still an embed-free, mention-free payload. */
export function plainMessage(text: string, options: { ephemeral?: boolean } = {}): DiscordMessage {
  return {
    content: truncate(safeMarkdown(text, 2000), 2000),
    embeds: [],
    components: [],
    allowedMentions: noMentions(),
    ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}
