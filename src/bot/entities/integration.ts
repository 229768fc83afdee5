const BUILT_IN = /\b(built[- ]?in|inbox|in-box|in[- ]kernel|bundled|native drivers?|distro drivers?|upstream drivers?)\b/i;
const DOWNLOAD = /\b(download|lis\s*\d+(\.\d+)*|lis package|lis rpm|microsoft lis|ms lis|lis from microsoft|install lis)\b/i;

/** Whether the question asks about one way of getting integration services: "with the built-in drivers", "the LIS 4.3 download". */
export function integrationPreference(question: string): 'built-in' | 'download' | undefined {
  const builtIn = BUILT_IN.test(question);
  const download = DOWNLOAD.test(question);
  if (builtIn === download) return undefined;
  return builtIn ? 'built-in' : 'download';
}
