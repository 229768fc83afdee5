import { asks, sentencesOf } from '../text.ts';

const BUILT_IN =
  /\b(built[- ]?in|inbox|in-box|in[- ]kernel|bundled|native drivers?|distro drivers?|upstream drivers?|stock (?:(?:red hat|rhel|centos|oracle|distro|vendor)\s+)?(?:kernel|drivers?)|(?:distro|distribution|vendor)(?:'s)? (?:own )?(?:kernel|drivers?)|kernel'?s own (?:hyper-v )?drivers?|drivers? that (?:ships?|comes?) (?:in|with)\b|what(?:ever)? (?:ships?|comes?) (?:in|with) (?:the )?(?:kernel|distro|os)\b|(?:red hat|rhel|distro|vendor|os)[- ]shipped (?:drivers?|kernel|modules?)\b)/i;
/** The download by name, or LIS weighed against the built-in drivers ("built-in drivers or LIS?", "lis or in-box"). */
const DOWNLOAD =
  /\b(download|lis\s*\d+(\.\d+)*|lis package|lis rpm|microsoft lis|ms lis|lis from microsoft|install lis|or (?:the )?lis|lis or|vs\.? lis|lis vs)\b/i;
/** "no LIS download", "we never put the Microsoft LIS package on it": the download named to rule it out, which leaves the built-in drivers. */
const NO_DOWNLOAD =
  /\b(?:no|not|never|without|w\/o|nobody|no more|(?:did|does|do|was|were)n'?t)\b(?:\s+[\w'-]+){0,4}?\s+(?:the\s+|a\s+|any\s+)?(?:microsoft\s+|ms\s+)?(?:lis|download)\b[\w.-]*(?:\s+(?:download|package|rpms?))?/gi;
/** "LIS 4.3 instead of the built-in drivers": the built-in drivers named to rule them out. */
const NOT_BUILT_IN =
  /\b(?:instead of|rather than|not|over)\s+(?:the\s+)?(?:built[- ]?in|inbox|in-box|stock|what(?:ever)?\s+(?:ships?|comes?)\s+(?:in|with))(?:\s+(?:drivers?|ones?|kernel|lis|the kernel|the distro))?/gi;

/** The question without the way of getting integration services it rules out ("instead of the built-in drivers"). */
export function withoutRuledOutIntegration(question: string): string {
  return question.replace(NOT_BUILT_IN, ' ');
}

/** Whether the question asks about one way of getting integration services: "with the built-in drivers", "the LIS 4.3 download". */
export function integrationPreference(question: string): 'built-in' | 'download' | undefined {
  const named = integrationsNamed(question);
  if (named.builtIn !== named.download) return named.builtIn ? 'built-in' : 'download';
  if (!named.builtIn) return undefined;
  // "one vm on LIS 4.3, the other on the built-in drivers. on the built-in one, does ballooning work?": the sentences
  // that ask pick one of the two the message tells of.
  const asked = sentencesOf(question).filter(asks).join(' ');
  // "… or should we go back to the built-in drivers?" still weighs the two.
  const inAsked = asked && !/\bor\b/i.test(asked) ? integrationsNamed(asked) : undefined;
  if (!inAsked || inAsked.builtIn === inAsked.download) return undefined;
  return inAsked.builtIn ? 'built-in' : 'download';
}

function integrationsNamed(text: string): { builtIn: boolean; download: boolean } {
  const kept = withoutRuledOutIntegration(text);
  const rest = kept.replace(NO_DOWNLOAD, ' ');
  return { builtIn: BUILT_IN.test(rest) || rest !== kept, download: DOWNLOAD.test(rest) || kept !== text };
}
