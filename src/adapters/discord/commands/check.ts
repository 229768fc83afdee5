import { MessageFlags, SlashCommandSubcommandBuilder } from 'discord.js';
import { checkVmReply } from '../../../bot/handlers/guest-check.ts';
import { MAX_UPLOAD_BYTES } from '../../../check/parse/limits.ts';
import type { SubmitResult } from '../../../core/guest-check-requests.ts';
import { AttachmentError } from '../attachments.ts';
import type { Reply } from '../../../core/reply.ts';
import type { DiscordContext, LisSubcommand } from '../context.ts';
import { plainMessage, renderReply } from '../render/embeds.ts';
import { footerFor, forEdit, replyPrivately } from '../respond.ts';

const REFUSED_TYPES = /^(image|video|audio)\//i;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function outcome(result: SubmitResult, fileName: string): string {
  switch (result.status) {
    case 'queued':
      return `Checking ${fileName}… The report will appear here when it is ready.`;
    case 'duplicate':
      return `I'm already checking that file; the report will appear in this channel.`;
    case 'unavailable':
      return 'The guest check is unavailable right now. Try again shortly.';
    case 'rejected':
      return `I can't check that file: ${result.message}`;
  }
}

/** How to check a VM, told the Discord way: with /lis check when the guest check is wired, else locally. */
export function checkVmOnDiscord(context: Pick<DiscordContext, 'guestChecks'>): Reply {
  const reply = checkVmReply();
  const how = context.guestChecks
    ? 'Use /lis check and attach the collector output as the file option.'
    : 'This lisbot does not run VM checks on Discord; run "lisbot check FILE" on your machine.';
  return { ...reply, fields: [...reply.fields, { label: 'On Discord', value: how }] };
}

/**
 * `/lis check file:` — hands the collector output to the guest check. Size and type are checked from the
 * attachment's metadata before anything is downloaded; then the reply is deferred, the file fetched from
 * its CDN URL and submitted, and the deferred reply edited to say "checking…".
 */
export const checkCommand: LisSubcommand = {
  name: 'check',
  data: new SlashCommandSubcommandBuilder()
    .setName('check')
    .setDescription('Check a VM: upload the output of the lisbot collector')
    .addAttachmentOption((option) => option.setName('file').setDescription('The collector output (text, at most 5 MB)').setRequired(true)),
  async execute(interaction, context) {
    const kb = context.bot.kb;
    const attachment = interaction.options.getAttachment('file', true);
    if (!context.guestChecks) {
      await interaction.reply({ ...renderReply(checkVmOnDiscord(context), { footer: footerFor(kb) }), flags: MessageFlags.Ephemeral });
      return;
    }
    if (attachment.size > MAX_UPLOAD_BYTES) {
      await replyPrivately(
        interaction,
        `That file is ${megabytes(attachment.size)}; the limit is ${megabytes(MAX_UPLOAD_BYTES)}. Upload the collector output only.`,
      );
      return;
    }
    if (attachment.contentType && REFUSED_TYPES.test(attachment.contentType)) {
      await replyPrivately(interaction, 'That looks like a picture or media file. Upload the text the collector wrote.');
      return;
    }
    if (!interaction.channelId) {
      await replyPrivately(interaction, 'I can only check a VM from a channel or a DM with me.');
      return;
    }
    // Download and submit both wait on the network: defer now, well inside the 3 seconds.
    await interaction.deferReply();
    let content: Buffer;
    try {
      content = await context.download(attachment.url, MAX_UPLOAD_BYTES);
    } catch (error) {
      if (!(error instanceof AttachmentError)) throw error;
      await interaction.editReply(forEdit(plainMessage(`${error.message} Upload it again, or run "lisbot check FILE" yourself.`)));
      return;
    }
    const result = await context.guestChecks.submit(
      { fileName: attachment.name, content },
      // The report replaces this deferred reply in place (the worker edits @original with the interaction token).
      { platform: 'discord', channel: interaction.channelId, interaction: interaction.token },
      interaction.user.id,
    );
    await interaction.editReply(forEdit(plainMessage(outcome(result, attachment.name))));
  },
};
