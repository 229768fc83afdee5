import {
  MessageFlags,
  type BaseInteraction,
  type InteractionEditReplyOptions,
  type InteractionUpdateOptions,
  type RepliableInteraction,
} from 'discord.js';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DiscordContext } from './context.ts';
import { plainMessage, type DiscordMessage } from './render/embeds.ts';

/** The conversation key the bot keeps context under: one per user per channel. */
export function conversationOf(interaction: Pick<BaseInteraction, 'guildId' | 'channelId' | 'user'>): string {
  return `discord:${interaction.guildId ?? 'dm'}:${interaction.channelId ?? 'unknown'}:${interaction.user.id}`;
}

export function footerFor(kb: KnowledgeBase): string {
  return `lisbot · knowledge base ${kb.version}`;
}

/**
 * An edit cannot change ephemerality, so the flag is dropped; everything else (and no mentions) goes as is.
 * Fits both editReply and a component's update (callback type 7), which edits the message the button is on.
 */
export function forEdit(message: DiscordMessage): InteractionEditReplyOptions & InteractionUpdateOptions {
  return {
    content: message.content ?? null,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowedMentions,
    ...(message.files ? { files: [...message.files] } : {}),
  };
}

export const forUpdate = forEdit;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Replies with the work's message. When the work is still running after deferAfterMs, defers first
 * (the 3-second rule) and then edits the original response. Work that certainly awaits slow I/O
 * should defer at once instead (deferAfterMs = 0).
 */
export async function replyWithin(
  interaction: RepliableInteraction,
  context: Pick<DiscordContext, 'deferAfterMs'>,
  work: () => Promise<DiscordMessage>,
  options: { ephemeral?: boolean } = {},
): Promise<void> {
  if (context.deferAfterMs <= 0) {
    await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    await interaction.editReply(forEdit(await work()));
    return;
  }
  const settled: Promise<Settled<DiscordMessage>> = work().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), context.deferAfterMs);
  });
  const first = await Promise.race([settled, slow]).finally(() => clearTimeout(timer));
  if (first !== 'slow') {
    if (!first.ok) throw first.error;
    await interaction.reply(options.ephemeral ? { ...first.value, flags: MessageFlags.Ephemeral } : first.value);
    return;
  }
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const result = await settled;
  if (!result.ok) throw result.error;
  await interaction.editReply(forEdit(result.value));
}

/** A short answer that only the user sees (validation errors, acknowledgements), whatever state the interaction is in. */
export async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const message = plainMessage(text, { ephemeral: true });
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(forEdit(message));
  } else if (interaction.replied) {
    await interaction.followUp(message);
  } else {
    await interaction.reply(message);
  }
}
