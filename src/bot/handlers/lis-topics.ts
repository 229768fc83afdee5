/**
 * What a question about the LIS download asks besides a release: each topic is answered by the tips that carry
 * its keyword in tips.json, so the facts stay in the KB and the words that ask for them stay here.
 */
export interface LisTopic {
  readonly id:
    | 'vendor-support'
    | 'microsoft-support'
    | 'daemons'
    | 'remove'
    | 'kernel-update'
    | 'download'
    | 'choice'
    | 'maintenance'
    | 'licence'
    | 'built-in-version';
  /** The tips.json keyword of the tips that answer it. */
  readonly tipKeyword: string;
  readonly asks: RegExp;
}

export const LIS_TOPICS: readonly LisTopic[] = [
  {
    id: 'maintenance',
    tipKeyword: 'lis-maintenance',
    asks: /\b(?:maintained|deprecated|abandoned|dead|discontinued|end of life|eol|still (?:developed|updated|alive|around)|any more releases|lis-?next|the last (?:one|lis|release|version|download)|last (?:lis )?(?:release|version|download) ever)\b/i,
  },
  {
    id: 'vendor-support',
    tipKeyword: 'kb 1067',
    asks: /\b(?:red\s*hat|redhat|vendor|rh)\b.{0,40}\bsupport|\bsupport\w*\s+(?:by|from)\s+(?:red\s*hat|redhat|the vendor)\b|\b(?:un)?certified\b|\bkb\s*1067\b|\bsupport(?:ed)? (?:me|us)\b|\btaint/i,
  },
  {
    id: 'microsoft-support',
    tipKeyword: 'lis-support-policy',
    asks: /\b(?:microsoft|ms|msft)\b.{0,30}\b(?:support|take (?:the |a |our )?(?:case|call)s?)\b|\bsupport(?:ed)? by microsoft\b|\b(?:releases?|versions?) behind\b|\bopen a (?:case|ticket) with microsoft\b/i,
  },
  {
    id: 'licence',
    tipKeyword: 'lis-licence',
    asks: /\blicen[cs]\w*|\bgpl\w*|\bopen[- ]?source\b|\bclosed[- ]?source\b|\bsource code\b|\bproprietary\b|\bcost\w*\b|\bpay\b|\bfree of charge\b/i,
  },
  {
    // "does the built-in LIS have a version number like 4.1?": the release named is the comparison, not the question.
    id: 'built-in-version',
    tipKeyword: 'lis-version',
    asks: /\b(?:built[- ]?in|in-?box|inbox|in-?kernel|distro(?:'s)?)\b.{0,40}\bversion (?:number|numbers|string)\b|\bversion numbers?\b.{0,40}\b(?:built[- ]?in|in-?box|inbox|in-?kernel)\b/i,
  },
  { id: 'daemons', tipKeyword: 'lis-daemons', asks: /\bdaemons?\b|\bhypervkvpd\b|\bhv_(?:kvp|vss|fcopy)/i },
  {
    id: 'kernel-update',
    tipKeyword: 'LIS_KERNEL_UPDATE_RISK',
    asks: /\bkernel\b.{0,30}\b(?:update|upgrade|updating|upgrading|patch)|\b(?:update|upgrade|updating|upgrading|patching)\b.{0,30}\bkernel\b|\byum (?:update|upgrade)\b/i,
  },
  { id: 'remove', tipKeyword: 'lis-remove', asks: /\b(?:remov(?:e|ing|al)|uninstall(?:ing|ed)?|get rid of|rip out)\b/i },
  {
    id: 'download',
    tipKeyword: 'lis-download',
    asks: /\bwhere\b.{0,30}\b(?:download|get|find|grab)\b|\bdownload (?:link|page|center|location)\b|\biso\b|\btar(?:ball|\.gz| file)?\b|\b(?:one|which) to (?:grab|get|download|install)\b|\b(?:what )?format\b|\bcomes? (?:in|as)\b|\bpackaged\b/i,
  },
  {
    id: 'choice',
    tipKeyword: 'which lis',
    asks: /\b(?:built[- ]?in|in-?box|inbox|distro(?:'s)? (?:drivers|lis))\b.{0,40}\b(?:or|vs\.?|versus|instead)\b|\b(?:or|vs\.?|versus)\b.{0,40}\bbuilt[- ]?in\b|\bshould i (?:use|install|bother)\b/i,
  },
];

/** The topics a question asks about, in the order they are answered. */
export function lisTopicsOf(question: string): readonly LisTopic[] {
  const asked = LIS_TOPICS.filter((topic) => topic.asks.test(question));
  // Removing LIS before a kernel update is the update procedure, not a removal for good.
  return asked.some((t) => t.id === 'kernel-update') ? asked.filter((t) => t.id !== 'remove') : asked;
}
