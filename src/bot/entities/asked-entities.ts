import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { Entities } from '../../core/reply.ts';
import { askedSentence } from '../intent/asked-sentence.ts';
import { extractEntities, type Extraction } from './extract.ts';

/**
 * "VM: cent65-dongle … Is CentOS 6.5 with LIS 4.1 supported on Windows Server 2008 R2?": in a message of several
 * sentences the one that asks names what it asks about, wherever else the message names another guest or host (a
 * host name, pasted output, the story so far). Its guest release and host replace the message's first mentions; a
 * release the message gives more precisely ("RHEL 8" asked, 8.4 said earlier) stays, and a feature only the story
 * names goes.
 */
export function withAskedEntities(kb: KnowledgeBase, question: string, extraction: Extraction): Extraction {
  // A short message's last sentence is as often an aside ("and uefi generally?") as the question itself.
  if (extraction.tokens.length <= LONG_MESSAGE_WORDS) return extraction;
  const asked = askedSentence(question);
  if (asked === undefined) return extraction;
  const named = extractEntities(kb, asked, { fuzzy: false }).entities;
  const entities: Entities = { ...extraction.entities };
  const whole = extraction.entities;
  if (named.distro && named.version) {
    const sameGuest = named.distro === whole.distro;
    const refined = sameGuest && named.version !== undefined && whole.version?.startsWith(`${named.version}.`);
    if (!sameGuest || (named.version !== undefined && !refined)) {
      for (const key of ['distro', 'version', 'kernel', 'uek', 'arch'] as const) delete entities[key];
      Object.assign(entities, pick(named, ['distro', 'version', 'kernel', 'uek', 'arch']));
    }
  }
  if (named.host) entities.host = named.host;
  // "… we also use SR-IOV on the new cluster. Is CentOS 7.9 supported on 2022?": a feature the asking sentence leaves
  // out, when it names the guest itself, is the story's, not the question's.
  if (named.distro && named.version && !named.feature) delete entities.feature;
  return { ...extraction, entities };
}

/** Past this many words, a message is a ticket or a story with its question in one sentence. */
const LONG_MESSAGE_WORDS = 40;

function pick(entities: Entities, keys: readonly (keyof Entities)[]): Partial<Entities> {
  return Object.fromEntries(keys.filter((k) => entities[k] !== undefined).map((k) => [k, entities[k]]));
}
