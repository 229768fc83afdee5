/** Lowercases and splits a question into word tokens the way phrase keys are written; versions ("14.04", "8.1+") stay whole. */
export function tokenize(text: string): string[] {
  // One pass over the characters: every question and training example is read through here.
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  let start = -1;
  let apostrophes = false;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if (isTokenChar(code)) {
      if (start < 0) start = i;
    } else if (code === APOSTROPHE || code === RIGHT_QUOTE) {
      // "don't" is one token, "dont".
      if (start < 0) start = i;
      apostrophes = true;
    } else if (start >= 0) {
      pushToken(tokens, lower.slice(start, i), apostrophes);
      start = -1;
      apostrophes = false;
    }
  }
  return tokens;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/** a-z, 0-9, "." and "+". */
function isTokenChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 46 || code === 43;
}

function pushToken(tokens: string[], raw: string, apostrophes: boolean): void {
  const word = apostrophes ? raw.replace(/[’']/g, '') : raw;
  // "20.04lts"
  const parts = word.includes('lts') ? word.replace(/(\d)lts\b/g, '$1 lts').split(' ') : [word];
  for (const part of parts) {
    const token = part.charCodeAt(0) === 46 || part.charCodeAt(part.length - 1) === 46 ? part.replace(/^[.]+|[.]+$/g, '') : part;
    if (token.length > 0) tokens.push(token);
  }
}

/** The form phrases are compared in: lowercase words joined by single spaces, punctuation gone. */
export function phraseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9.+]+/g, ' ')
    .trim();
}

/** Words that carry no entity and should never be fuzzy-matched. */
export const STOPWORDS = new Set(
  `a an the and or but if then than so of to in on at by for with without from into onto about as is are was were be been being
am do does did done doing have has had having can could will would shall should may might must not no yes i im me my we our you your it its this that
these those there here what which who whom whose when where why how any all some each every more most other such only own same too very just also
please pls plz thanks thank hi hello hey lisbot bot yo ok okay get got use using used run running runs work works working support supports supported
supporting available availability enable enabled need needs needed want wanted tell know show give list vm vms guest guests host hosts machine machines
virtual server servers hyper-v hyperv hyper v linux os version versions release releases distro distros distribution distributions kernel feature features
lis integration services service matrix help commands still now new old latest current today anyone someone something thing things like really right sales`.split(
    /\s+/,
  ),
);
