import { createHash } from 'node:crypto';

/**
 * Identifies an upstream note by its wording, so the same note on many pages and dates shares one paraphrase.
 * Markup, case, punctuation and spacing do not change the fingerprint.
 */
export function noteFingerprint(text: string): string {
  const normalised = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/```[a-z]*\n?/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/&#?\w+;/g, ' ')
    .replace(/\\(.)/g, '$1')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return createHash('sha1').update(normalised).digest('hex').slice(0, 12);
}
