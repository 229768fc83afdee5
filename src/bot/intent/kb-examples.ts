import type { KnowledgeBase } from '../../knowledge/index.ts';
import { FEATURE_ALIASES } from '../../knowledge/import/feature-names.ts';
import type { Example } from './examples.ts';

/** A log-line signature as the text it matches: regex syntax dropped, literal words kept. */
function signatureText(signature: string): string {
  return signature
    .replace(/\\[dswbS]\{?\d*,?\d*\}?[+*?]?/g, ' ')
    .replace(/\[[^\]]*\][+*?]?|\(\?:|[()|\\^$.*+?{}]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Phrasings the KB itself supplies, so a new record teaches the classifier without a new line of data:
 * known-issue titles, symptoms and log signatures; tip titles and topics; "what is <feature>" for every name a
 * feature has had; questions about every LIS release.
 */
export function kbExamples(kb: KnowledgeBase): Example[] {
  const out: Example[] = [];
  const add = (text: string, label: Example['label'], origin: string) => {
    if (text.trim()) out.push({ text, label, origin: `kb:${origin}` });
  };
  for (const issue of kb.knownIssues) {
    add(issue.title, 'known_issue', issue.id);
    for (const symptom of issue.symptoms) add(symptom, 'known_issue', issue.id);
    for (const signature of issue.signatures) add(signatureText(signature), 'known_issue', issue.id);
  }
  for (const tip of kb.tips) {
    add(tip.title, 'tip', tip.id);
    const topic = tip.keywords.find((k) => k.includes(' ')) ?? tip.keywords[0];
    if (topic) add(`best practice for ${topic}`, 'tip', tip.id);
  }
  for (const feature of kb.features.values()) {
    const names = new Set([feature.name, ...feature.matrixNames, ...(FEATURE_ALIASES[feature.id] ?? [])]);
    for (const name of names) add(`what is ${name}`, 'feature_info', feature.id);
    add(`which distros support ${feature.name}`, 'feature_info', feature.id);
  }
  for (const release of kb.lisReleases) {
    add(`what changed in lis ${release.version}`, 'lis_version', `lis-${release.version}`);
    add(`lis ${release.version}`, 'lis_version', `lis-${release.version}`);
  }
  return out;
}
