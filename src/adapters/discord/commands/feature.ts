import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { Entities } from '../../../core/reply.ts';
import { HOST_IDS } from '../../../knowledge/schema/index.ts';
import type { LisSubcommand } from '../context.ts';
import { renderReply } from '../render/embeds.ts';
import { footerFor, replyPrivately } from '../respond.ts';
import { handlerReply } from './direct.ts';
import {
  DYNAMIC_MEMORY_NAME,
  familyChoices,
  featureChoices,
  resolveFamily,
  resolveFeature,
  resolveHost,
  resolveVersion,
  versionChoices,
  unknownFamilyText,
} from './kb-options.ts';

/**
 * `/lis feature name: distro: version: host:` — does a feature work for a release (on a host).
 * Without a distro it says what the feature is and which distributions have it.
 */
export const featureCommand: LisSubcommand = {
  name: 'feature',
  data: new SlashCommandSubcommandBuilder()
    .setName('feature')
    .setDescription('Does a Hyper-V feature work for a distribution, release and host')
    .addStringOption((option) =>
      option
        .setName('name')
        .setDescription('Feature, e.g. TRIM, Dynamic Memory, Secure Boot, KVP')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(100),
    )
    .addStringOption((option) =>
      option
        .setName('distro')
        .setDescription('Distribution; leave out to see which ones have the feature')
        .setAutocomplete(true)
        .setMaxLength(100),
    )
    .addStringOption((option) =>
      option.setName('version').setDescription('Release, e.g. 22.04, 7.5 or 11 SP3').setAutocomplete(true).setMaxLength(40),
    )
    .addStringOption((option) =>
      option
        .setName('host')
        .setDescription('Windows Server (Hyper-V host) release')
        .addChoices(...HOST_IDS.map((host) => ({ name: host, value: host }))),
    ),
  async execute(interaction, context) {
    const kb = context.bot.kb;
    const typedFeature = interaction.options.getString('name', true);
    const typedDistro = interaction.options.getString('distro');
    const typedVersion = interaction.options.getString('version');
    const typedHost = interaction.options.getString('host');

    const feature = resolveFeature(kb, typedFeature);
    if (!feature) {
      await replyPrivately(
        interaction,
        `I don't know the feature "${typedFeature.slice(0, 60)}". Pick one from the list, e.g. TRIM, KVP or Secure Boot.`,
      );
      return;
    }
    const host = typedHost ? resolveHost(typedHost) : undefined;
    if (typedHost && !host) {
      await replyPrivately(interaction, `"${typedHost.slice(0, 40)}" is not a Hyper-V host I know. Pick one of ${HOST_IDS.join(', ')}.`);
      return;
    }
    const found = typedDistro ? resolveFamily(kb, typedDistro) : undefined;
    if (typedDistro && !found) {
      await replyPrivately(interaction, unknownFamilyText(typedDistro));
      return;
    }
    let version = found?.version;
    if (typedVersion) {
      if (!found) {
        await replyPrivately(interaction, 'A version needs a distribution: fill in distro too.');
        return;
      }
      version = resolveVersion(kb, found.family, typedVersion);
      if (!version) {
        await replyPrivately(
          interaction,
          `"${typedVersion.slice(0, 40)}" is not a release I can read. Use a number such as 22.04, 7.5 or 11 SP3, or pick one from the list.`,
        );
        return;
      }
    }
    const featureName = feature === 'dynamic-memory' ? DYNAMIC_MEMORY_NAME : kb.featureName(feature);
    const entities: Entities = {
      feature,
      ...(found ? { distro: found.family } : {}),
      ...(version ? { version } : {}),
      ...(host ? { host } : {}),
    };
    const question = found
      ? `does ${kb.familyName(found.family)}${version ? ` ${version}` : ''} support ${featureName}${host ? ` on ${host}` : ''}?`
      : `what is ${featureName} and which distributions have it${host ? ` on ${host}` : ''}?`;
    const reply = handlerReply(kb, found ? 'feature_support' : 'feature_info', question, entities);
    await interaction.reply(renderReply(reply, { state: context.state, feedback: { question }, footer: footerFor(kb) }));
  },
  async autocomplete(interaction, context) {
    const kb = context.bot.kb;
    const focused = interaction.options.getFocused(true);
    switch (focused.name) {
      case 'distro':
        await interaction.respond(familyChoices(kb, focused.value));
        return;
      case 'version': {
        const family = resolveFamily(kb, interaction.options.getString('distro') ?? '')?.family;
        await interaction.respond(versionChoices(kb, family, focused.value));
        return;
      }
      default:
        await interaction.respond(featureChoices(kb, focused.value));
    }
  },
};
