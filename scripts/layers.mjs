// The layer order of src/, bottom first. A folder may import only folders in lower layers; folders in the same
// layer may not import each other. eslint.config.mjs enforces it and scripts/import-graph.ts reports against it.
/** @type {ReadonlyArray<readonly string[]>} */
export const LAYERS = [
  ['config'], //        settings from the environment, validated with zod
  ['knowledge'], //     the KB: schema, data, loading, queries, diff, import, sync
  ['core'], //          the ports and the reply model every layer above speaks
  ['check'], //         guest checks: collector, parsing, rules, reports
  ['bot'], //           intents, entities, handlers: questions in, replies out
  ['state'], //         conversation, dedupe and feedback stores (memory and Redis)
  ['jobs', 'observability'], // job queues and workers; logging, metrics, health
  ['digest', 'corrections'], // the scheduled digest of KB changes; corrections to answers a KB change overturned
  ['adapters'], //      Slack, Discord and the console
  ['runtime'], //       wires the roles: serve, worker, the embedded default
  ['cli'], //           the lisbot command
];

export const FOLDERS = LAYERS.flat();

/**
 * The folders `folder` may import.
 * @param {string} folder
 * @returns {string[]}
 */
export function allowedImports(folder) {
  const layer = LAYERS.findIndex((names) => names.includes(folder));
  if (layer < 0) throw new Error(`src/${folder} has no place in scripts/layers.mjs`);
  return LAYERS.slice(0, layer).flat();
}
