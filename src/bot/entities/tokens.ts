/** Lowercases and splits a question into word tokens the way phrase keys are written; versions ("14.04", "8.1+") stay whole. */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .replace(/[^a-z0-9.+]+/g, ' ')
      // "20.04lts"
      .replace(/(\d)lts\b/g, '$1 lts')
      .split(' ')
      .map((token) => token.replace(/^[.]+|[.]+$/g, ''))
      .filter((token) => token.length > 0)
  );
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
