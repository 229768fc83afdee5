// The scope vocabulary (scope-terms.yaml): which words make a question lisbot's business and which make it another
// product's. scope.ts matches questions against it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { phraseKey } from '../entities/tokens.ts';

/** The scope vocabulary; the classifier's features read it, so a saved model is keyed by it too. */
export const SCOPE_TERMS_FILE = join(import.meta.dirname, 'scope-terms.yaml');

const ScopeTerms = z.strictObject({
  domain: z.array(z.string().min(1)),
  foreign: z.array(z.string().min(1)),
  foreignTopic: z.array(z.string().min(1)),
  guestApplication: z.array(z.string().min(1)),
  vendorLifecycle: z.array(z.string().min(1)),
  windowsGuest: z.array(z.string().min(1)),
  typoTolerant: z.array(z.string().min(5)),
});

export interface Terms {
  /** Phrase keys with a space either side, as the question is matched. */
  readonly domain: readonly string[];
  readonly foreign: readonly string[];
  readonly foreignTopic: readonly string[];
  readonly guestApplication: readonly string[];
  readonly vendorLifecycle: readonly string[];
  readonly windowsGuest: readonly string[];
  /** Product names also caught with a typo ("vmwre"). */
  readonly foreignWords: readonly string[];
}

type ScopeTermsData = z.infer<typeof ScopeTerms>;

/** Where the build saves the vocabulary parsed (src/cli/save-trained.ts), beside the YAML. */
function parsedFileOf(file: string): string {
  return file.replace(/\.yaml$/, '.json');
}

/**
 * The scope vocabulary. Start-up reads the JSON the build saved of it when that names these exact YAML bytes: parsing
 * the YAML took about 40 ms of every start. An edited YAML, or no JSON (the sources), is parsed as YAML.
 */
export function readScopeTerms(file = SCOPE_TERMS_FILE, parsedFile = parsedFileOf(file)): ScopeTermsData {
  const yaml = readFileSync(file);
  if (existsSync(parsedFile)) {
    try {
      const saved = JSON.parse(readFileSync(parsedFile, 'utf8')) as { digest?: unknown; terms?: unknown };
      if (saved.digest === digestOf(yaml)) return ScopeTerms.parse(saved.terms);
    } catch {
      // An unreadable copy is no copy: the YAML is parsed as usual.
    }
  }
  return ScopeTerms.parse(parse(yaml.toString('utf8')));
}

/** Saves the vocabulary parsed, named by the YAML bytes it was parsed from. */
export function saveParsedScopeTerms(file = SCOPE_TERMS_FILE, parsedFile = parsedFileOf(file)): void {
  const yaml = readFileSync(file);
  const terms = ScopeTerms.parse(parse(yaml.toString('utf8')));
  writeFileSync(parsedFile, `${JSON.stringify({ digest: digestOf(yaml), terms })}\n`);
}

function digestOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let terms: Terms | undefined;

/** The vocabulary, read once per process, each term padded as questions are matched. */
export function scopeTerms(): Terms {
  if (terms) return terms;
  const data = readScopeTerms();
  // Padded once here, so a question is searched for each term without building a string per term.
  const padded = (term: string) => ` ${phraseKey(term)} `;
  terms = {
    domain: data.domain.map(padded),
    foreign: data.foreign.map(padded),
    foreignTopic: data.foreignTopic.map(padded),
    guestApplication: data.guestApplication.map(padded),
    vendorLifecycle: data.vendorLifecycle.map(padded),
    windowsGuest: data.windowsGuest.map(padded),
    foreignWords: data.typoTolerant.map(phraseKey),
  };
  return terms;
}
