import { parseMatrixValue } from '../../../bot/actions.ts';
import type { DistroId, HostId } from '../../../knowledge/schema/index.ts';
import { COMPONENT_LIMITS } from './limits.ts';

/**
 * Every button lisbot draws carries one of these custom_ids (≤ 100 characters):
 *   lis:mx:<family>[:<host>]          open the full matrix (new ephemeral reply)
 *   lis:mp:<page>:<family>[:<host>]   turn to a matrix page (edits the message)
 *   lis:ck                            how to check a VM
 *   lis:ch:v:<value> | lis:ch:k:<key> a did-you-mean / clarifying choice, inline or stored
 *   lis:fb:up:<key> | lis:fb:dn:<key> feedback on an answer
 *   lis:nop:<n>                       a disabled label (page counter)
 */
export type ButtonId =
  | { readonly kind: 'matrix'; readonly family: DistroId; readonly host?: HostId }
  | { readonly kind: 'matrix-page'; readonly family: DistroId; readonly host?: HostId; readonly page: number }
  | { readonly kind: 'check-vm' }
  | { readonly kind: 'choose'; readonly value: string }
  | { readonly kind: 'choose-key'; readonly key: string }
  | { readonly kind: 'feedback'; readonly up: boolean; readonly key: string }
  | { readonly kind: 'digest'; readonly value: string }
  | { readonly kind: 'nop' };

import { isDigestExpansion } from '../../../core/digest-commands.ts';

const PREFIX = 'lis:';
const MAX_PAGE = 999;

function matrixSuffix(family: DistroId, host: HostId | undefined): string {
  return host ? `${family}:${host}` : family;
}

export function encodeButtonId(id: ButtonId): string {
  switch (id.kind) {
    case 'matrix':
      return `${PREFIX}mx:${matrixSuffix(id.family, id.host)}`;
    case 'matrix-page':
      return `${PREFIX}mp:${id.page}:${matrixSuffix(id.family, id.host)}`;
    case 'check-vm':
      return `${PREFIX}ck`;
    case 'choose':
      return `${PREFIX}ch:v:${id.value}`;
    case 'choose-key':
      return `${PREFIX}ch:k:${id.key}`;
    case 'feedback':
      return `${PREFIX}fb:${id.up ? 'up' : 'dn'}:${id.key}`;
    case 'digest':
      return `${PREFIX}dg:${id.value}`;
    case 'nop':
      return `${PREFIX}nop`;
  }
}

/** Whether an inline choice still fits in a custom_id. */
export function fitsInline(value: string): boolean {
  return encodeButtonId({ kind: 'choose', value }).length <= COMPONENT_LIMITS.customId;
}

/** Reads a custom_id back; anything malformed or foreign is undefined (and the button is refused). */
export function decodeButtonId(customId: string): ButtonId | undefined {
  if (!customId.startsWith(PREFIX) || customId.length > COMPONENT_LIMITS.customId) return undefined;
  const rest = customId.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  const kind = colon === -1 ? rest : rest.slice(0, colon);
  const body = colon === -1 ? '' : rest.slice(colon + 1);
  switch (kind) {
    case 'mx': {
      const target = parseMatrixValue(`matrix:${body}`);
      return target ? { kind: 'matrix', ...target } : undefined;
    }
    case 'mp': {
      const match = /^(\d{1,3}):(.+)$/.exec(body);
      const target = match ? parseMatrixValue(`matrix:${match[2]!}`) : undefined;
      const page = Number(match?.[1]);
      return target && page <= MAX_PAGE ? { kind: 'matrix-page', ...target, page } : undefined;
    }
    case 'ck':
      return { kind: 'check-vm' };
    case 'ch': {
      if (body.startsWith('v:') && body.length > 2) return { kind: 'choose', value: body.slice(2) };
      if (body.startsWith('k:') && body.length > 2) return { kind: 'choose-key', key: body.slice(2) };
      return undefined;
    }
    case 'fb': {
      const match = /^(up|dn):([\w-]{1,40})$/.exec(body);
      return match ? { kind: 'feedback', up: match[1] === 'up', key: match[2]! } : undefined;
    }
    case 'dg':
      return isDigestExpansion(body) ? { kind: 'digest', value: body } : undefined;
    case 'nop':
      return { kind: 'nop' };
    default:
      return undefined;
  }
}
