/**
 * Words of something failing, which both a log line's faults and a user's trouble hold. "failover" and "failback" are
 * no failure.
 */
const FAILING = String.raw`fail(?!-?over|-?back)\w*|reject\w*|invalid|unable|cannot|can'?t|could not|time[sd]? ?out|timing out|refus\w*|lost|losing|abort\w*|panic\w*|hangs?|hung|hanging|freez\w*|froze|crash\w*|stuck`;

/**
 * The few high-precision patterns left beside the trained classifier: shapes no phrasing data can teach.
 * Every other phrasing is a line of data in examples/.
 */
export const CUES = {
  /** A message that is only a call for help or a greeting, or asks what lisbot itself can do. */
  help: [
    /^\s*(help|halp|hlep|\?+|commands|usage|menu|start|get(ting)? started|(hey|hi|hello|yo|hiya|howdy|sup)(\s+there)?(\s+(lisbot|bot))?)\s*[.!?]*\s*$|\b(what|which) (can you|could you|do you|topics do you|things (do )?you|kinds? of \w+( and \w+)? (can|do) you)\b.{0,30}\b(do|cover|know|answer|handle|help with)( about| for (us|me)| here)?\s*[?.!]*\s*$|\bexample questions\b|\bhow (do i|to|should i) (use|talk to|ask) (you|lisbot|this bot)\b|^\s*(can|could) you help( me| us)?\s*[?.!]*$|\b(not sure|no idea) where to start\b|^\s*(what|who) are you\b|^\s*are you (a bot|an ai|a human|human)\b|\bwhat('?s| is) your scope\b/i,
  ],
  /**
   * A kernel or daemon log line: a dmesg timestamp, a Hyper-V driver's prefix, a syslog line's time, host and "kernel:",
   * a FreeBSD device attaching ("hvkvp0: <Hyper-V KVP> on vmbus0"), or a SCSI disk found on storvsc.
   */
  logLine: [
    /\[\s*\d+\.\d+\]/,
    /\b(hv_\w+|storvsc|netvsc|vmbus|hyperv_fb|hyperv_keyboard|hid_hyperv|hn\d|tsc|clocksource)\b\s*[:\]]|\d:\d\d \S+ (kernel|systemd)(\[\d+\])?:|\b(call trace|oops|bug:|segfault|kernel panic|blocked for more than|hyper-v host build|hyper-v version|vmbus version)\b|\b[a-z]+\d+: <[^>]*> (?:\S+ )*on (?:vmbus|acpi|pcib?)\d+|\bscsi (?:host)?\d+(?::\d+){0,3}: (?:storvsc|direct-access)/i,
  ],
  /** The section markers of the collector's report (the question is one line by now, so anywhere in it). */
  collectorMarker: [/###\s*lischeck-(?:meta|end)\b/],
  /** A log line that reports something wrong, rather than a normal boot message. */
  fault: [
    new RegExp(
      String.raw`\b(${FAILING}|error\w*|disagrees?|unknown symbol|warn\w*|bug|not (supported|allowed|found|available)|unsupported|incompatible|reset|out of memory)\b`,
      'i',
    ),
  ],
  /**
   * Chat words telling that something already goes wrong ("not working", "acts weird", "the vm hangs"): the failing
   * words a log line's faults hold too, but not those that only name what a line is ("error", "warning"), which users
   * also say of a normal line.
   */
  trouble: [
    new RegExp(
      String.raw`\b(${FAILING}|not \w+ing|no longer|di(?:es|ed)|stops|stopped|forever|vanish\w*|disconnects?|disconnected|reboot(?:s|ed)|restart(?:s|ed)|just ends|(?:goes|went|go) (?:away|down)|does ?n[o']?t|do ?n[o']?t|won'?t|isn'?t|broken|breaks?|weird|strange|odd|sluggish|goes quiet|missing|disappear\w*|drops?|dropping|slow|wrong|problem\w*|issues?|never|blank|dead|empty|stays?|nothing|only \w+ works?|black screen|stale|(?:came|comes?|boots?|booted|starts?|started) (?:up |back )?without|no (?:operating system|bootable|boot device)|only (?:sees?|shows?|brings?|gets?|lists?|reports?|comes?|came|finds?|recogni[sz]es?)|only \d+ (?:\w+ )?(?:online|visible|show|shows|shown|come|came|appear\w*)|keeps? \w+ing|flaky|intermittent\w*|(?:shows?|reports?|lists?|gets?|sees?) (?:no|nothing)\b)\b`,
      'i',
    ),
  ],
  /** Words that ask whether something is supported or works, rather than tell what happened. */
  asksSupport: [
    /\b(support\w*|work|works|working|ok|okay|fine|possible|available|compatible|listed|covered|can (i|we|it|you)|does (it|he|she|this|that)|is (it|there|this|that)|will (it|they|this|that))\b/i,
  ],
  /** Words that ask what to set, change or do ("anything to change?", "which template do I pick", "sensible minimum"). */
  asksHowTo: [
    /\b(?:how (?:do|should|can|would) (?:i|we|you)|how to|anything (?:i |we )?(?:have |need |ought )?to (?:change|set|tweak|add|do|plan)|what (?:\w+ )?(?:should|do|must) (?:i|we) (?:set|use|pick|choose|change|add|install|put|configure|do)|which \w+ (?:do|should) (?:i|we) (?:pick|use|choose|set|install)|(?:recommended|sensible|suggested|right|best) (?:\w+ )?(?:settings?|values?|minimum|maximum|size|sequence|order|steps?|options?|way)|any tuning|tuning tips?)\b/i,
  ],
  /** The user asking whether a pasted line is a fault ("is that an error?"): their words, not the log's. */
  asksIfFault: [
    /\b(?:(?:is|are|was)\s+(?:that|this|it|these|those)(?:\s+(?:lines?|messages?|log|entry|entries|ones?|output))?|(?:that|this|it|these|those)(?:\s+(?:lines?|messages?|log|entry|entries|ones?|output))?\s+(?:means?|indicates?|signals?)|(?:does|do)\s+(?:that|this|it|these|those)(?:\s+(?:lines?|messages?))?\s+(?:mean|indicate|signal))\s+(?:an?\s+)?(?:error|problem|bug|issue|fault|failure|warning)s?\b|\b(?:that|this|it|these|those)\s+(?:is|are)\s+(?:an?\s+)?(?:error|problem|bug|issue|fault|failure|warning)s?\b|\b(?:an?\s+)?(?:error|problem|bug|issue|fault|failure|warning)s?\s+or\s+(?:not|(?:just\s+)?(?:fine|normal|ok|okay|harmless|benign|expected|noise|informational))\b|\b(?:normal|fine|ok|okay|harmless|benign|expected)\s+or\s+(?:an?\s+)?(?:error|problem|bug|issue|fault|failure|warning|misconfigured|broken)s?\b/gi,
  ],
  /** A message that continues the previous question: "and on 2016?", "what about sles 12?". */
  followUp: [/^\s*(and|what about|how about|also|same for|same on|for|on|with|now|then|ok and|and what about|and on|and for|what if)\b/i],
} as const;

export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}
