const BUILT_IN =
  /\b(built[- ]?in|inbox|in-box|in[- ]kernel|bundled|native drivers?|distro drivers?|upstream drivers?|stock (?:kernel|drivers?))\b/i;
const DOWNLOAD = /\b(download|lis\s*\d+(\.\d+)*|lis package|lis rpm|microsoft lis|ms lis|lis from microsoft|install lis)\b/i;
/** "no LIS download", "without the LIS rpm": the download named to rule it out, which leaves the built-in drivers. */
const NO_DOWNLOAD =
  /\b(?:no|without|not|w\/o|never installed)\s+(?:the\s+|a\s+|any\s+)?(?:microsoft\s+|ms\s+)?(?:lis|download)\b[\w.-]*(?:\s+(?:download|package|rpms?))?/gi;

/** Whether the question asks about one way of getting integration services: "with the built-in drivers", "the LIS 4.3 download". */
export function integrationPreference(question: string): 'built-in' | 'download' | undefined {
  const rest = question.replace(NO_DOWNLOAD, ' ');
  const builtIn = BUILT_IN.test(rest) || rest !== question;
  const download = DOWNLOAD.test(rest);
  if (builtIn === download) return undefined;
  return builtIn ? 'built-in' : 'download';
}
