import type { KnowledgeBase } from '../../knowledge/index.ts';
import { searchAdvice, type AdviceHit } from '../../knowledge/query/search.ts';
import { extractEntities, type Extraction } from '../entities/extract.ts';
import { advicePhrasings } from '../advice-phrasings.ts';
import { namesUnknownDistro } from '../follow-up.ts';
import type { Entities, Intent } from '../../core/reply.ts';
import { CUES, matchesAny } from './cues.ts';
import { pastedLog } from './pasted-log.ts';
import { withoutMailQuoting } from '../mail-quoting.ts';
import { asks, clausesOf, sentencesOf } from '../text.ts';
import { readAskedSentence, type AskedSentence } from '../entities/asked-entities.ts';
import type { Label } from './labels.ts';
import { intentModelFor } from './model.ts';
import { MAX_WORDS } from './featurize.ts';
import { route } from './route.ts';
import { CONFIDENCE_THRESHOLD, UNSURE_READINGS, type QuestionFacts } from './unsure-readings.ts';
import { paddedKey, scopeOf, type ScopeDecision } from './scope.ts';
import { pastedCommandOutput } from '../pasted-output.ts';

export { CONFIDENCE_THRESHOLD };

export interface Classification {
  readonly intent: Intent;
  /** 0..1: the classifier's probability for the intent, lowered when entities were read by fuzzy matching. */
  readonly confidence: number;
  /** What the handler needs but the question (and context) did not give. */
  readonly missing: ReadonlyArray<'distro' | 'feature'>;
  readonly scope?: ScopeDecision;
  /** A pasted Hyper-V log line that reports nothing wrong. */
  readonly normalLogLine?: boolean;
}

/** What was heard before entities are routed: the intent label and the facts the scope gate used. */
export interface Reading {
  readonly label: Label;
  readonly probability: number;
  readonly scope: ScopeDecision;
  readonly logLine: boolean;
  readonly normalLogLine: boolean;
  /** Decided by a high-precision cue rather than the classifier. */
  readonly byCue: boolean;
  /** The asking sentence of a message of several names a feature and no guest: "… What is Hyper-V Sockets?" */
  readonly askedOfFeatureAlone?: boolean;
  /** "which distros support secure boot?": asks which guests have something, not whether one guest does. */
  readonly asksWhichGuests?: boolean;
}

const ASKS_WHICH_GUESTS =
  /\b(?:which|what)\s+(?:linux\s+)?(?:distros?|distributions?|guests?|guest oses|oses|operating systems|linux versions|releases)\b/i;

const LONG_MESSAGE_ASKED_WEIGHT = 0.5;
/** Labels a question pasted beside normal log lines may have, when the classifier is this sure of them. */
const ASKS_BESIDE_A_PASTE: ReadonlySet<Label> = new Set(['tip', 'support', 'feature_info', 'lis_version']);
const PASTE_ASIDE_PROBABILITY = 0.9;

function wordCount(shape: string): number {
  let words = 0;
  for (const word of shape.split(' ')) if (word) words++;
  return words;
}

/** BM25 relevance from which a known issue or tip counts as matching the question's words. */
const SYMPTOM_RELEVANCE = 60;
/** Requests to lisbot itself (help, digest, "check this") carry no domain word; only a sure guess skips the gate. */
const META_LABELS: ReadonlySet<Label> = new Set(['help', 'digest', 'guest_check']);
const META_PROBABILITY = 0.6;

function entityConfidence(extraction: Extraction): number {
  if (extraction.fuzzy.length === 0) return 1;
  return Math.max(0.6, 1 - 0.5 * Math.max(...extraction.fuzzy.map((f) => f.score)));
}

/**
 * Reads what the question asks: a few cues (help, collector output, log lines) first, then the scope gate,
 * then the trained classifier over the question's shape (entities replaced by placeholders).
 */
export function readQuestion(
  kb: KnowledgeBase,
  text: string,
  extraction: Extraction,
  /** The message's asking sentence, when the caller has read it already. */
  asked: AskedSentence | undefined = readAskedSentence(kb, text),
  /** The message before it was cleaned, whose lines tell pasted log lines from the user's own words. */
  rawMessage?: string,
): Reading {
  const named = extraction.distros.length + extraction.features.length + extraction.hosts.length + extraction.lisReleases.length;
  const logLine = matchesAny(text, CUES.logLine);
  let top: AdviceHit | undefined | null = null;
  const topHit = () => (top === null ? (top = searchAdvice(kb, text, { phrasings: advicePhrasings() }, 1)[0]) : top);
  const symptomMatch = () => {
    const hit = topHit();
    return hit !== undefined && (hit.bySignature || (hit.overlap >= 2 && hit.relevance >= SYMPTOM_RELEVANCE));
  };
  const long = asked !== undefined && wordCount(extraction.shape) > MAX_WORDS;
  const readClause = (clause: string) => extractEntities(kb, clause, { fuzzy: false });
  const scope = messageScope(text, extraction, long ? asked : undefined, logLine, symptomMatch, readClause);
  const askedOfFeatureAlone = asked !== undefined && asked.entities.feature !== undefined && asked.entities.distro === undefined;
  const asksWhichGuests = ASKS_WHICH_GUESTS.test(asked?.sentence ?? text);
  const base = {
    scope,
    logLine,
    normalLogLine: false,
    ...(askedOfFeatureAlone ? { askedOfFeatureAlone } : {}),
    ...(asksWhichGuests ? { asksWhichGuests } : {}),
  };
  if (text.trim().length === 0) return { ...base, label: 'unknown', probability: 0, byCue: true };
  if (named === 0 && matchesAny(text, CUES.help)) return { ...base, label: 'help', probability: 0.95, byCue: true };
  if (matchesAny(text, CUES.collectorMarker)) return { ...base, label: 'guest_check', probability: 0.95, byCue: true };
  // "is there something like vmware tools i must install?": a platform named only as context is not what the question
  // is about, and the classifier, which has learnt that platform from questions about it, does not hear it.
  const askedShape = asked && withoutTerms(asked.shape, scope.context);
  // Past MAX_WORDS the whole message's features no longer reach a ticket's question at the end: the asked sentence,
  // read as a question of its own, gets an equal say.
  const guess = intentModelFor(kb).guess(withoutTerms(extraction.shape, scope.context), askedShape, long ? LONG_MESSAGE_ASKED_WEIGHT : 0);
  // "run a guest check on this vm, dmesg excerpt: …": the log lines are what is to be checked.
  if (logLine && scope.inScope && !(guess.label === 'guest_check' && guess.probability >= CONFIDENCE_THRESHOLD)) {
    // "is that an error?" is the user's word, not the log's: neither a signature nor the fault words may read it.
    const logText = text.replace(CUES.asksIfFault[0], '');
    // Only the pasted lines can show a fault: "flagged it as an error" is what someone thought of them.
    const pasted = rawMessage === undefined ? undefined : pastedLog(withoutMailQuoting(rawMessage));
    const faultText = pasted?.lines.replace(CUES.asksIfFault[0], '') ?? logText;
    const logHit = faultText === text ? topHit() : searchAdvice(kb, faultText, { phrasings: advicePhrasings() }, 1)[0];
    if (logHit?.bySignature) return { ...base, label: 'known_issue', probability: 0.95, byCue: true };
    // "hn0: … mtu 1500 — how do I turn on jumbo frames?": output pasted beside a question about something else.
    const asksOtherwise = ASKS_BESIDE_A_PASTE.has(guess.label) && guess.probability >= PASTE_ASIDE_PROBABILITY;
    if (
      !asksOtherwise &&
      !matchesAny(faultText, CUES.fault) &&
      !matchesAny(pasted ? `${pasted.lines}\n${toldSentences(pasted.prose)}` : toldSentences(logText), CUES.trouble)
    )
      return { ...base, normalLogLine: true, label: 'known_issue', probability: 0.9, byCue: true };
  }
  // Another product named outright ("python script to …") is no request to lisbot, however it is worded.
  // A host named makes no question about Windows itself of "what's newly supported on server 2025?".
  const meta =
    META_LABELS.has(guess.label) &&
    guess.probability >= META_PROBABILITY &&
    (named === 0 || scope.reason === 'windows-itself') &&
    scope.reason !== 'foreign';
  // "is it supported?", "supported on 2019?": a bare support question, every word known; lisbot asks which distribution.
  const bareSupport = guess.label === 'support' && extraction.leftovers.length === 0 && extraction.tokens.length > 0;
  const gateable = scope.reason === 'no-domain-term' || scope.reason === 'windows-itself';
  // "is arch linux supported?": a distribution we do not know is still a question about guests; it gets told so.
  const unknownDistro = guess.label === 'support' && namesUnknownDistro(extraction);
  if (!scope.inScope && !meta && !((bareSupport || unknownDistro) && gateable))
    return { ...base, label: 'unknown', probability: 0.9, byCue: false };
  const pastesOutput = () => rawMessage !== undefined && pastedCommandOutput(rawMessage) !== undefined;
  const facts: QuestionFacts = { text, extraction, guess, scope, symptomMatch, pastesOutput };
  for (const rule of UNSURE_READINGS) {
    const reading = rule.read(facts);
    if (reading) return { ...base, byCue: false, ...reading };
  }
  return { ...base, label: guess.label, probability: guess.probability, byCue: false };
}

/** A shape without some padded terms ("vmware tools"). */
function withoutTerms(shape: string, terms: readonly string[] | undefined): string {
  if (!terms?.length) return shape;
  let padded = ` ${shape} `;
  for (const term of [...terms].sort((a, b) => b.length - a.length)) while (padded.includes(term)) padded = padded.replace(term, ' ');
  return padded.trim().replace(/\s+/g, ' ');
}

/**
 * The sentences of a message that tell rather than ask: "the host shows no IP" reports trouble beside a pasted line,
 * while "anything wrong?" or "is the clock going to be wrong?" only asks whether the line means any.
 */
function toldSentences(text: string): string {
  return sentencesOf(text)
    .filter((sentence) => !asks(sentence))
    .join(' ');
}

/**
 * Whether a message is lisbot's business. A ticket's story may name other products ("one guest is a Windows file
 * server", "we have the Hyper-V role on it"): past MAX_WORDS the sentence that asks brings it in when it names a guest
 * by itself. A message in scope is not put out by that sentence alone naming another product: the sentence read as
 * the asking one is often a remark ("the Windows VMs next to it show their IPs"), and on train and dev letting it
 * decide declined seven questions in scope for each one off-topic.
 */
function messageScope(
  text: string,
  extraction: Extraction,
  longAsked: AskedSentence | undefined,
  logLine: boolean,
  symptomMatch: () => boolean,
  readClause: (clause: string) => Extraction,
): ScopeDecision {
  const whole = scopeOf({ question: text, extraction, logLine, symptomMatch });
  if (!longAsked) return whole.reason === 'foreign' && !logLine ? (asAskedBesideAnotherPlatform(text, whole, readClause) ?? whole) : whole;
  const alone = scopeOf({ question: longAsked.sentence, extraction: longAsked, logLine: false, symptomMatch: () => false });
  if (!whole.inScope && whole.reason === 'foreign' && alone.inScope && alone.reason === 'entity') return alone;
  return whole;
}

/** Words by which a clause points back at what the message said before it. */
const POINTS_BACK = /\b(?:there|it|them|those)\b/i;

/**
 * "ubuntu 18.04 on hyper-v 2025? our esxi hosts are going eol", "we got a xen export of rhel 5.9 — is 5.9 supported on
 * 2016?": a short message whose other product sits outside the clause that asks, while that clause alone names a
 * guest or feature, asks about the Hyper-V side. The product becomes context, and the classifier does not hear it.
 */
function asAskedBesideAnotherPlatform(
  text: string,
  whole: ScopeDecision,
  readClause: (clause: string) => Extraction,
): ScopeDecision | undefined {
  const term = whole.evidence === undefined ? undefined : ` ${whole.evidence} `;
  if (term === undefined || !paddedKey(text).includes(term)) return undefined;
  const asking = askingClause(text);
  if (asking === undefined) return undefined;
  const alone = scopeOf({ question: asking, extraction: readClause(asking), logLine: false, symptomMatch: () => false });
  return alone.inScope && alone.reason === 'entity' ? { ...alone, context: [...(whole.context ?? []), term] } : undefined;
}

/**
 * The last clause of a message of several that asks; undefined when it points back at the rest ("nutanix ahv - is
 * oracle linux 8 supported there?") or is too short to say what it asks about ("discard checkbox?").
 */
function askingClause(text: string): string | undefined {
  const clauses = clausesOf(text).filter((clause) => /[a-z]{2}/i.test(clause));
  const asking = clauses.findLast((clause) => clause.includes('?'));
  if (clauses.length < 2 || asking === undefined || POINTS_BACK.test(asking) || asking.trim().split(/\s+/).length < 4) return undefined;
  return asking;
}

/** Routes what was heard, with the entities the question and its context name, to one intent. */
export function classify(reading: Reading, extraction: Extraction, entities: Entities): Classification {
  const extra = { scope: reading.scope, ...(reading.normalLogLine ? { normalLogLine: true } : {}) };
  if (reading.label === 'unknown')
    return { intent: 'unknown', confidence: reading.scope.inScope ? reading.probability : 0.9, missing: [], ...extra };
  // "… the RHEL 8 and Ubuntu VMs … What is Hyper-V Sockets?": heard as asking what a feature is, the guests only the
  // story names do not make it a support question.
  const asked = reading.label === 'feature_info' && reading.askedOfFeatureAlone ? { feature: entities.feature } : entities;
  // "which distros support secure boot?", heard unsure of support: a feature and no guest, asking which guests have
  // it, is answered with them rather than with a question back about which guest is meant.
  const listsGuests =
    reading.label === 'support' && reading.probability < CONFIDENCE_THRESHOLD && reading.asksWhichGuests && asked.feature && !asked.distro;
  const label = listsGuests ? 'feature_info' : reading.label;
  const { intent, missing } = route(label, asked);
  if (intent === 'unknown') return { intent, confidence: 0, missing: [], ...extra };
  return { intent, confidence: reading.probability * entityConfidence(extraction), missing, ...extra };
}
