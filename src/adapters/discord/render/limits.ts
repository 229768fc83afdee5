import { ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from 'discord.js';

/** Discord's embed limits (characters are counted in UTF-16 units here, which never undercounts). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Across every embed of one message. */
  total: 6000,
  embedsPerMessage: 10,
} as const;

export const COMPONENT_LIMITS = {
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

/**
 * Files a bot may attach to one message, in bytes: Discord's default upload limit (10 MiB) for servers
 * without boosts. A picture over it is left out and the text stands alone.
 */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/** Message content (we send embeds, but a plain-text reply must fit too). */
export const CONTENT_LIMIT = 2000;

/** The characters Discord counts towards the 6,000 total of one embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

export interface CheckedMessage {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: ReadonlyArray<APIActionRowComponent<APIComponentInMessageActionRow>>;
}

/** Every way a message breaks Discord's limits; empty when it would be accepted. */
export function limitViolations(message: CheckedMessage): string[] {
  const problems: string[] = [];
  const embeds = message.embeds ?? [];
  if ((message.content?.length ?? 0) > CONTENT_LIMIT) problems.push(`content has ${message.content!.length} > ${CONTENT_LIMIT} characters`);
  if (embeds.length > EMBED_LIMITS.embedsPerMessage) problems.push(`${embeds.length} embeds > ${EMBED_LIMITS.embedsPerMessage}`);
  let total = 0;
  embeds.forEach((embed, e) => {
    const where = `embed ${e + 1}`;
    total += embedLength(embed);
    if ((embed.title?.length ?? 0) > EMBED_LIMITS.title) problems.push(`${where}: title ${embed.title!.length} > ${EMBED_LIMITS.title}`);
    if ((embed.description?.length ?? 0) > EMBED_LIMITS.description)
      problems.push(`${where}: description ${embed.description!.length} > ${EMBED_LIMITS.description}`);
    if ((embed.footer?.text.length ?? 0) > EMBED_LIMITS.footer)
      problems.push(`${where}: footer ${embed.footer!.text.length} > ${EMBED_LIMITS.footer}`);
    if ((embed.author?.name.length ?? 0) > EMBED_LIMITS.author)
      problems.push(`${where}: author ${embed.author!.name.length} > ${EMBED_LIMITS.author}`);
    const fields = embed.fields ?? [];
    if (fields.length > EMBED_LIMITS.fields) problems.push(`${where}: ${fields.length} fields > ${EMBED_LIMITS.fields}`);
    fields.forEach((field, f) => {
      if (field.name.length === 0 || field.name.length > EMBED_LIMITS.fieldName)
        problems.push(`${where} field ${f + 1}: name length ${field.name.length} not in 1..${EMBED_LIMITS.fieldName}`);
      if (field.value.length === 0 || field.value.length > EMBED_LIMITS.fieldValue)
        problems.push(`${where} field ${f + 1}: value length ${field.value.length} not in 1..${EMBED_LIMITS.fieldValue}`);
    });
    if (embed.title === undefined && embed.description === undefined && fields.length === 0) problems.push(`${where}: empty embed`);
  });
  if (total > EMBED_LIMITS.total) problems.push(`embeds total ${total} > ${EMBED_LIMITS.total} characters`);

  const rows = message.components ?? [];
  if (rows.length > COMPONENT_LIMITS.rows) problems.push(`${rows.length} action rows > ${COMPONENT_LIMITS.rows}`);
  const ids = new Set<string>();
  rows.forEach((row, r) => {
    if (row.components.length === 0) problems.push(`row ${r + 1}: empty`);
    if (row.components.length > COMPONENT_LIMITS.buttonsPerRow)
      problems.push(`row ${r + 1}: ${row.components.length} components > ${COMPONENT_LIMITS.buttonsPerRow}`);
    for (const component of row.components) {
      if (component.type !== ComponentType.Button) continue;
      if (
        'label' in component &&
        component.label !== undefined &&
        (component.label.length === 0 || component.label.length > COMPONENT_LIMITS.buttonLabel)
      ) {
        problems.push(`row ${r + 1}: label length ${component.label.length} not in 1..${COMPONENT_LIMITS.buttonLabel}`);
      }
      if ('custom_id' in component) {
        const id = component.custom_id;
        if (id.length === 0 || id.length > COMPONENT_LIMITS.customId)
          problems.push(`row ${r + 1}: custom_id length ${id.length} not in 1..${COMPONENT_LIMITS.customId}`);
        if (ids.has(id)) problems.push(`row ${r + 1}: duplicate custom_id ${id}`);
        ids.add(id);
      }
    }
  });
  return problems;
}
