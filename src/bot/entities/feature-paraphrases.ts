import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { FeatureId } from '../../knowledge/schema/index.ts';
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
        groups: text.split(' + ').map((group) => group.split('|').map((alternative) => ` ${phraseKey(alternative)} `)),
      })),
    );
    byKb.set(kb, paraphrases);
  }
  return paraphrases;
}

/**
 * The feature a question describes without naming it: "can the host push its static IP into the replica?" is static
 * IP injection, "give back deleted blocks" is TRIM. The KB's paraphrases, in its feature order; the first that fits.
 */
export function featureParaphrasedIn(kb: KnowledgeBase, text: string): FeatureId | undefined {
  const padded = ` ${phraseKey(text)} `;
  return paraphrasesOf(kb).find(({ groups }) => groups.every((group) => group.some((alternative) => padded.includes(alternative))))
    ?.feature;
}
