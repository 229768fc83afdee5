import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { FeatureId } from '../../knowledge/schema/index.ts';
import type { FeatureEntity } from '../../core/reply.ts';
import { phraseKey } from './tokens.ts';

/** One way of saying a feature: every group must occur, any one of its alternatives will do. */
interface Paraphrase {
  readonly feature: FeatureId;
  readonly groups: ReadonlyArray<readonly string[]>;
}

const byKb = new WeakMap<KnowledgeBase, readonly Paraphrase[]>();

function paraphrasesOf(kb: KnowledgeBase): readonly Paraphrase[] {
  let paraphrases = byKb.get(kb);
  if (!paraphrases) {
    paraphrases = [...kb.features.values()].flatMap((feature) =>
      feature.paraphrases.map((text) => ({
        feature: feature.id,
        // Padded, as the question is: "ip" matches the word, not "zip".
        groups: text
          .split(' + ')
          .map((group) => group.split('|').flatMap((alternative) => inflections(phraseKey(alternative)).map((form) => ` ${form} `))),
      })),
    );
    byKb.set(kb, paraphrases);
  }
  return paraphrases;
}

/**
 * A one-word alternative as questions also write it ("lower": "lowers", "lowered", "lowering"; "shrink": "shrinking");
 * a phrase as it is.
 */
function inflections(word: string): string[] {
  if (word.includes(' ') || word.length < 3 || /\d/.test(word)) return [word];
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  const doubled = /[^aeiou][aeiou][bdgklmnprt]$/.test(word) ? word + word.at(-1) : word;
  return [...new Set([word, `${word}s`, `${word}es`, `${stem}ed`, `${stem}ing`, `${doubled}ed`, `${doubled}ing`])];
}

/**
 * The feature a question describes without naming it: "can the host push its static IP into the replica?" is static
 * IP injection, "give back deleted blocks" is TRIM. The KB's paraphrases, in its feature order; the first that fits.
 */
export function featureParaphrasedIn(kb: KnowledgeBase, text: string): FeatureEntity | undefined {
  const padded = ` ${phraseKey(text)} `;
  const described = paraphrasesOf(kb).find(({ groups }) => said(groups, padded))?.feature;
  // Memory changed by hand both ways is still runtime memory resize.
  return described !== 'runtime-memory-resize' && MEMORY_BOTH_WAYS.test(padded) ? 'dynamic-memory' : described;
}

/**
 * "memory that grows and shrinks by itself", "will the ram go up and down with load?": memory moved both ways is
 * Dynamic Memory as a whole, not its hot-add or ballooning part.
 */
export function movesMemoryBothWays(text: string): boolean {
  return MEMORY_BOTH_WAYS.test(` ${phraseKey(text)} `);
}

const MEMORY_BOTH_WAYS =
  / (?:memory|ram)( \S+){0,6} (?:grows? and shrinks?|grow(?:s|ing)? or shrink(?:s|ing)?|goes up and down|go up and down|going up and down|up and down|rises? and falls?|expands? and shrinks?|in and out)( |$)|(?:grows? and shrinks?|shrinks? and grows?|in and out of) (?:the |a |its |their )?(?:vms |guests )?(?:memory|ram) /;

/** A feature that narrows the one named ("secure-boot" for "uefi-boot"), when the question says it in its words. */
export function narrowerFeatureParaphrasedIn(kb: KnowledgeBase, text: string, named: FeatureEntity): FeatureId | undefined {
  const padded = ` ${phraseKey(text)} `;
  return paraphrasesOf(kb).find(({ feature, groups }) => kb.features.get(feature)?.narrows === named && said(groups, padded))?.feature;
}

function said(groups: Paraphrase['groups'], padded: string): boolean {
  return groups.every((group) => group.some((alternative) => padded.includes(alternative)));
}

/**
 * "what's the thing that lets the host shrink a vm's memory called?", "which feature spreads a nic's load over vcpus?":
 * the question asks which feature it describes.
 */
const ASKS_FOR_A_FEATURE =
  /\b(?:(?:what|which)(?:'?s| is| are| do you call| does \S+(?: \S+)? call)?\s+(?:the\s+)?(?:feature|thing|mechanism|option|function|row|capability|technology|setting)\b|(?:name|term|word)\s+(?:of|for)\b|is there a (?:name|term|word|feature|row|matrix row)\b|(?:is|it|thing|feature|that)\s+called\b|what do you call\b|what(?:'?s| is) (?:it|that|this) called\b)/;

export function asksForAFeature(text: string): boolean {
  return ASKS_FOR_A_FEATURE.test(text);
}
