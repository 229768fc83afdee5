import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { performAction } from '../../bot/actions.ts';
import { matrixReply } from '../../bot/handlers/matrix.ts';
import { hashUser } from '../../core/feedback-store.ts';
import { checkVmOnDiscord } from './commands/check.ts';
import type { DiscordContext } from './context.ts';
import { decodeButtonId } from './render/custom-ids.ts';
import { withPicture } from './picture.ts';
import { plainMessage, renderReply } from './render/embeds.ts';
import { conversationOf, footerFor, forEdit, forUpdate, replyPrivately, replyWithin } from './respond.ts';

const FEEDBACK_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Records a 👍/👎. Both stores may be Redis, so the acknowledgement goes through replyWithin (deferred if slow). */
async function recordFeedback(interaction: ButtonInteraction, context: DiscordContext, up: boolean, key: string): Promise<void> {
  await replyWithin(
    interaction,
    context,
    async () => {
      const first = await context.dedupe.claim(`discord:feedback:${interaction.message.id}:${interaction.user.id}`, FEEDBACK_TTL_MS);
      if (!first) return plainMessage('You already rated this answer. Thanks!', { ephemeral: true });
      // After a restart the stored question is gone; the answer's title still says what it was about.
      const stored = await context.state.feedback(key);
      const title = interaction.message.embeds[0]?.title ?? 'unknown question';
      await context.feedback.add({
        kind: up ? 'up' : 'down',
        question: stored?.question ?? title,
        intent: stored?.intent ?? 'unknown',
        sources: stored ? [...stored.sources] : [],
        platform: 'discord',
        userHash: hashUser('discord', interaction.user.id),
        at: new Date().toISOString(),
      });
      return plainMessage(up ? 'Thanks, glad it helped.' : 'Thanks. The answer is recorded for review.', { ephemeral: true });
    },
    { ephemeral: true },
  );
}

/** Handles a press on any lisbot button. Foreign, malformed or expired buttons get a short private answer. */
export async function handleButton(interaction: ButtonInteraction, context: DiscordContext): Promise<void> {
  const id = decodeButtonId(interaction.customId);
  const kb = context.bot.kb;
  const footer = footerFor(kb);
  if (!id) {
    await replyPrivately(interaction, 'That button is not one of mine any more. Ask again with /lis.');
    return;
  }
  switch (id.kind) {
    case 'matrix': {
      // A new message only the presser sees, so a long matrix does not flood the channel. The table goes at once;
      // the picture (a few hundred ms to draw) is added to the same message by an edit.
      const reply = matrixReply(kb, id.family, id.host);
      const message = renderReply(reply, { footer, ephemeral: true });
      await interaction.reply(message);
      const pictured = await withPicture(message, reply, kb, context.log);
      if (pictured.files) await interaction.editReply(forEdit(pictured));
      return;
    }
    case 'matrix-page': {
      // Turning a page edits the message the buttons are on (callback type 7).
      await interaction.update(forUpdate(renderReply(matrixReply(kb, id.family, id.host), { footer, page: id.page })));
      return;
    }
    case 'check-vm':
      await interaction.reply({ ...renderReply(checkVmOnDiscord(context), { footer }), flags: MessageFlags.Ephemeral });
      return;
    case 'choose':
    case 'choose-key': {
      const value = id.kind === 'choose' ? id.value : await context.state.choice(id.key);
      if (value === undefined) {
        await replyPrivately(interaction, 'That choice has expired. Ask again with /lis ask.');
        return;
      }
      await replyWithin(interaction, context, async () => {
        const reply = await performAction(
          context.bot,
          { kind: 'choose', value },
          { conversation: conversationOf(interaction), user: interaction.user.id, platform: 'discord' },
        );
        if (!reply) throw new Error('choose action gave no reply');
        return renderReply(reply, { question: value, state: context.state, feedback: { question: value }, footer });
      });
      return;
    }
    case 'feedback':
      await recordFeedback(interaction, context, id.up, id.key);
      return;
    case 'digest': {
      // Only the presser sees the whole digest, so the channel keeps the short one.
      const full = await context.digest?.expand?.(id.value);
      await interaction.reply(
        full
          ? renderReply(full, { footer, ephemeral: true })
          : {
              content: 'That digest is no longer available. Try /lis digest preview.',
              flags: MessageFlags.Ephemeral,
              allowedMentions: { parse: [] },
            },
      );
      return;
    }
    case 'nop':
      await interaction.deferUpdate();
      return;
  }
}
