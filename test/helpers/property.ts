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
