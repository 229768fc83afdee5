import fc from 'fast-check';

/**
 * How many runs a property test makes. CI (CI=true) and LISBOT_PROPERTY_RUNS=full run the count the test names;
 * LISBOT_PROPERTY_RUNS=N caps every property at N; otherwise a local run makes a fifth (at least 20), so the suite
 * stays quick while CI keeps the full search.
 */
export function propertyRuns(full: number, env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.LISBOT_PROPERTY_RUNS?.trim();
  if (setting === 'full' || (!setting && env.CI === 'true')) return full;
  if (setting && /^\d+$/.test(setting) && Number(setting) > 0) return Math.min(full, Number(setting));
  return Math.min(full, Math.max(20, Math.ceil(full / 5)));
}

/**
 * http(s) URLs with every character fc.webUrl() may put in a path (unreserved, sub-delims, ':', '@', '%'): fc.webUrl()
 * spends seconds building its percent-encoding tables in every process that uses it, and renderers only care which
 * characters a URL holds.
 */
export function webUrl(): fc.Arbitrary<string> {
  const segment = fc.string({ unit: fc.constantFrom(...URL_PATH_CHARS), maxLength: 12 });
  return fc
    .tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.array(segment, { maxLength: 4 }), fc.option(segment, { nil: undefined }))
    .map(([scheme, host, path, query]) => `${scheme}://${host}/${path.join('/')}${query === undefined ? '' : `?${query}`}`);
}

const URL_PATH_CHARS = [..."abcxyzABCXYZ0189-._~!$&'()*+,;=:@%"];
