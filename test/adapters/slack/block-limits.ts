import { BLOCK_KIT_LIMITS as L } from '../../../src/adapters/slack/render/limits.ts';

interface TextObject {
  type?: string;
  text?: string;
}
interface Element {
  type?: string;
  text?: TextObject | string;
  value?: string;
  action_id?: string;
  url?: string;
}
interface AnyBlock {
  type?: string;
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Element[];
}

/**
 * Checks a message against Block Kit's documented limits (and lisbot's own per-message character budget).
 * Returns the problems; empty means the message is valid.
 */
export function blockKitProblems(message: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const text = typeof message.text === 'string' ? message.text : '';
  if (!text.trim()) problems.push('no text fallback');
  if (text.length > L.fallbackText) problems.push(`fallback text ${text.length} > ${L.fallbackText}`);
  const blocks = (Array.isArray(message.blocks) ? message.blocks : []) as AnyBlock[];
  if (blocks.length > L.blocksPerMessage) problems.push(`${blocks.length} blocks > ${L.blocksPerMessage}`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  let chars = 0;
  const textOf = (t: TextObject | string | undefined) => (typeof t === 'string' ? t : (t?.text ?? ''));
  blocks.forEach((block, i) => {
    const at = `block ${i} (${block.type})`;
    if (block.block_id !== undefined) {
      if (block.block_id.length > L.blockId) problems.push(`${at}: block_id too long`);
      if (blockIds.has(block.block_id)) problems.push(`${at}: duplicate block_id ${block.block_id}`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'header': {
        const t = textOf(block.text);
        chars += t.length;
        if (block.text?.type !== 'plain_text') problems.push(`${at}: header must be plain_text`);
        if (!t) problems.push(`${at}: empty header`);
        if (t.length > L.headerText) problems.push(`${at}: header ${t.length} > ${L.headerText}`);
        break;
      }
      case 'section': {
        const t = textOf(block.text);
        chars += t.length;
        if (!block.text && !block.fields?.length) problems.push(`${at}: section without text or fields`);
        if (block.text && !t) problems.push(`${at}: empty section text`);
        if (t.length > L.sectionText) problems.push(`${at}: section text ${t.length} > ${L.sectionText}`);
        const fields = block.fields ?? [];
        if (fields.length > L.sectionFields) problems.push(`${at}: ${fields.length} fields > ${L.sectionFields}`);
        for (const field of fields) {
          chars += textOf(field).length;
          if (textOf(field).length > L.fieldText) problems.push(`${at}: field ${textOf(field).length} > ${L.fieldText}`);
          if (!textOf(field)) problems.push(`${at}: empty field`);
        }
        break;
      }
      case 'context': {
        const elements = block.elements ?? [];
        if (elements.length === 0 || elements.length > L.contextElements) problems.push(`${at}: ${elements.length} context elements`);
        for (const element of elements) {
          chars += textOf(element.text).length;
          if (textOf(element.text).length > L.sectionText) problems.push(`${at}: context text too long`);
        }
        break;
      }
      case 'actions': {
        const elements = block.elements ?? [];
        if (elements.length === 0 || elements.length > L.actionsElements) problems.push(`${at}: ${elements.length} actions elements`);
        for (const element of elements) {
          const label = textOf(element.text);
          chars += label.length;
          if (element.type !== 'button') problems.push(`${at}: unexpected element ${element.type}`);
          if (!label || label.length > L.buttonText) problems.push(`${at}: button text ${label.length} chars`);
          if ((element.value ?? '').length > L.actionValue)
            problems.push(`${at}: action value ${(element.value ?? '').length} > ${L.actionValue}`);
          if (!element.action_id || element.action_id.length > L.actionId) problems.push(`${at}: bad action_id`);
          else if (actionIds.has(element.action_id)) problems.push(`${at}: duplicate action_id ${element.action_id}`);
          else actionIds.add(element.action_id);
        }
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  if (chars > L.messageChars) problems.push(`${chars} characters of block text > ${L.messageChars}`);
  return problems;
}
