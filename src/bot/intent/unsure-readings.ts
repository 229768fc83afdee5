import type { Extraction } from '../entities/extract.ts';
import { CUES, matchesAny } from './cues.ts';
import type { Label } from './labels.ts';
import type { IntentGuess } from './model.ts';
import type { ScopeDecision } from './scope.ts';
import { OTHER_OS_IDS } from '../../knowledge/schema/ids.ts';

/** What a rule may read of an in-scope question the classifier has guessed at. */
export interface QuestionFacts {
  readonly text: string;
  readonly extraction: Extraction;
  readonly guess: IntentGuess;
  readonly scope: ScopeDecision;
  /** A known issue or tip matches the question's words (a log signature, or two words with fair relevance). */
  readonly symptomMatch: () => boolean;
  /** The message carries command output the guest check can read (a fenced block, or a prompted command on). */
  readonly pastesOutput: () => boolean;
}

export interface ReadingRule {
  /** What the rule is for, by an example of the questions it reads. */
  readonly example: string;
  /** The reading the rule gives the question, or undefined when it does not apply. */
  read(facts: QuestionFacts): { label: Label; probability: number; byCue?: boolean } | undefined;
}

/** Below this the answer is too unsure to give: lisbot asks or declines instead. */
export const CONFIDENCE_THRESHOLD = 0.5;
const UNSURE_SUPPORT = 0.8;
/** What a reading by names or a matching record is worth: above the answer threshold, below a sure guess. */
const READ_BY_RULE = 0.6;

/** AIX, HP-UX, Solaris and Windows RT: the KB knows only whether each runs on Hyper-V. */
const OTHER_OSES: ReadonlySet<string> = new Set(OTHER_OS_IDS);
const NAMES_HYPER_V = /\bhyper[-\s]?v\b|\bhyperv\b/i;

const ADVICE_LABELS: ReadonlySet<Label> = new Set(['known_issue', 'tip']);
/**
 * How a guess the classifier is unsure of is read from what the question names and which known issue its words match.
 * A question it hears nothing in stays unheard, however many names it holds: measured on the dev split, reading one
 * as a support or problem question from its names answered three off-topic questions for each one it got right.
 * The first rule that reads the question decides; the rest are not asked.
 */
export const UNSURE_READINGS: readonly ReadingRule[] = [
  {
    example: '"lsvmbus???": a feature named and nothing else, heard as asking what it is',
    read: ({ guess, text, extraction }) =>
      (guess.label === 'feature_info' || guess.label === 'support') &&
      guess.probability < CONFIDENCE_THRESHOLD &&
      namesFeatureAlone(extraction) &&
      !matchesAny(text, CUES.asksSupport)
        ? { label: 'feature_info', probability: READ_BY_RULE }
        : undefined,
  },
  {
    example: '"all good with this one?" over pasted uname and lsmod: unsure it asks for a check, but output to check is there',
    read: ({ guess, scope, pastesOutput }) =>
      guess.label === 'guest_check' && guess.probability < CONFIDENCE_THRESHOLD && scope.inScope && pastesOutput()
        ? { label: 'guest_check', probability: READ_BY_RULE }
        : undefined,
  },
  {
    example: 'unsure it is a problem or a tip, but a known issue or tip matches its words',
    read: ({ guess, scope, symptomMatch }) =>
      ADVICE_LABELS.has(guess.label) && guess.probability < CONFIDENCE_THRESHOLD && scope.inScope && symptomMatch()
        ? { label: guess.label, probability: READ_BY_RULE }
        : undefined,
  },
  {
    example:
      '"hv_sock not available in my ubuntu 20.04 guest, how do I enable hyper-v sockets": unsure it is off-topic, a guest feature named, and a known issue or tip matches its words',
    read: ({ guess, extraction, scope, symptomMatch }) =>
      guess.label === 'unknown' &&
      guess.probability < CONFIDENCE_THRESHOLD &&
      ADVICE_LABELS.has(guess.second.label) &&
      scope.inScope &&
      extraction.features.length > 0 &&
      symptomMatch()
        ? { label: guess.second.label, probability: READ_BY_RULE }
        : undefined,
  },
  {
    example: '"centos 6.5, ip address column in hyper-v manager stays blank": unsure support, telling trouble, asking nothing of support',
    read: ({ guess, text }) =>
      guess.label === 'support' && guess.probability < UNSURE_SUPPORT && tellsTrouble(text) && !matchesAny(text, CUES.asksSupport)
        ? { label: 'known_issue', probability: READ_BY_RULE }
        : undefined,
  },
  {
    example: '"time sync config for centos 7.9 on 2019, anything to change?": heard as support, but asking what to set or do',
    read: ({ guess, text }) =>
      guess.label === 'support' &&
      asksHowToFirst(text) &&
      !matchesAny(text, CUES.asksSupport) &&
      !tellsTrouble(text) &&
      !asksForIntegration(text) &&
      (text.match(/\?/g) ?? []).length <= 1
        ? { label: 'tip', probability: READ_BY_RULE }
        : undefined,
  },
  {
    example:
      '"whats the LIS download for rhel 6.9": unsure it asks about the package, naming a guest release: which LIS that release takes',
    read: ({ guess, extraction }) =>
      guess.label === 'lis_version' &&
      guess.probability < CONFIDENCE_THRESHOLD &&
      extraction.entities.distro !== undefined &&
      extraction.entities.version !== undefined
        ? { label: 'support', probability: READ_BY_RULE }
        : undefined,
  },
  {
    example:
      '"is it true hp-ux can\'t be virtualized on hyper-v?": heard as off-topic, but it names Hyper-V and an OS whose one fact here is whether it runs there',
    read: ({ guess, text, extraction }) =>
      guess.label === 'unknown' &&
      OTHER_OSES.has(extraction.entities.distro ?? '') &&
      // "winre" misspells no OS: a name read by fuzzy matching is too weak to overrule the classifier.
      !extraction.fuzzy.some((f) => f.entry.kind === 'distro') &&
      NAMES_HYPER_V.test(text)
        ? { label: 'support', probability: READ_BY_RULE }
        : undefined,
  },
  {
    example: 'heard as a support question about a named distribution: the name makes it answerable',
    read: ({ guess, extraction }) =>
      guess.label === 'support' && extraction.entities.distro !== undefined
        ? { label: 'support', probability: Math.max(guess.probability, READ_BY_RULE) }
        : undefined,
  },
];

function namesFeatureAlone(extraction: Extraction): boolean {
  const { distro, host, feature } = extraction.entities;
  return feature !== undefined && distro === undefined && host === undefined && extraction.leftovers.length === 0;
}

/** Asks what to set or do, and not after a question already asked ("… on 2025? plus how do i load the module"). */
function asksHowToFirst(text: string): boolean {
  const howTo = CUES.asksHowTo[0].exec(text);
  return howTo !== null && !text.slice(0, howTo.index).includes('?');
}

/** "what do i install", "which LIS do I use": how a guest gets its integration services, which is a support answer. */
function asksForIntegration(text: string): boolean {
  return /\b(?:integration|lis|bis|install\w*)\b/i.test(text);
}

/** A word of something going wrong ("fails", "won't", "slow"). */
function tellsTrouble(text: string): boolean {
  return matchesAny(text, CUES.fault) || matchesAny(text, CUES.trouble);
}
