import { SlashCommandSubcommandBuilder } from 'discord.js';
import { answerQuestion } from '../../../bot/answer.ts';
import type { LisSubcommand } from '../context.ts';
import { renderReply } from '../render/embeds.ts';
import { footerFor } from '../respond.ts';

const USAGE = [
  { label: '/lis ask question:', value: 'Any question in your own words; follow-ups like "and on 2012?" keep the context.' },
  { label: '/lis distro name: version:', value: 'Is a release supported, and how it gets integration services.' },
  { label: '/lis feature name: distro: version: host:', value: 'Does a feature work for a release on a host.' },
  { label: '/lis issue query:', value: 'A symptom or log line, matched against the known issues.' },
  {
    label: '/lis matrix name: host: as_of:',
    value: "A distribution's feature matrix as a picture, optionally for one host or as it stood on a date.",
  },
  {
    label: '/lis corrections state:',
    value: 'on/off: a short correction in this channel when a knowledge-base update changes an answer given here.',
  },
  { label: '/lis check file:', value: 'Upload the collector output to check a VM.' },
  { label: '/lis digest subscribe|unsubscribe|preview|list', value: 'A digest of newly supported releases for this channel.' },
];

/** `/lis help` — what lisbot answers, with examples and the subcommands. */
export const helpCommand: LisSubcommand = {
  name: 'help',
  data: new SlashCommandSubcommandBuilder().setName('help').setDescription('What lisbot answers, with examples'),
  async execute(interaction, context) {
    const kb = context.bot.kb;
    const { reply } = answerQuestion(kb, 'help');
    const withUsage = { ...reply, fields: [...USAGE, ...reply.fields] };
    await interaction.reply(renderReply(withUsage, { state: context.state, footer: footerFor(kb), ephemeral: true }));
  },
};
