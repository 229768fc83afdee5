// KB load time, and median/p99 query time against a naive scan of every snapshot.
import { loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge/index.ts';
import { queryFeature } from '../src/knowledge/query/feature.ts';
import { querySupport } from '../src/knowledge/query/support.ts';
import { queryMatrix } from '../src/knowledge/query/matrix.ts';
import { searchAdvice } from '../src/knowledge/query/search.ts';
import { FEATURE_IDS, HOST_IDS, type DistroId } from '../src/knowledge/schema/index.ts';
import { matchVersionItems, parseVersion } from '../src/knowledge/version.ts';
import { ms, percentile, table, timeEach } from './stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5000);

const loads = Array.from({ length: 10 }, () => {
  const started = performance.now();
  loadKnowledgeBase({ userDir: null });
  return performance.now() - started;
});
const kb = loadKnowledgeBase({ userDir: null });

const families = [...kb.families.values()].filter((f) => f.kind !== 'other').map((f) => f.id);
const versions = [
  '6.2',
  '6.4',
  '7.5',
  '8.6',
  '9.2',
  '14.04',
  '18.04',
  '22.04',
  '11 SP3',
  '12 SP4',
  '15 SP2',
  '10',
  '11',
  '12.2',
  '13.1',
  '24.04',
];
const queries = Array.from({ length: ROUNDS }, (_, i) => ({
  family: families[i % families.length]!,
  version: versions[(i * 7) % versions.length]!,
  feature: FEATURE_IDS[(i * 13) % FEATURE_IDS.length]!,
  host: HOST_IDS[(i * 3) % HOST_IDS.length]!,
}));

/** The baseline: no per-family history, every column of every snapshot checked each time. */
function naiveSupport(base: KnowledgeBase, family: DistroId, version: string) {
  const parsed = parseVersion(version)!;
  return [...base.snapshots.values()]
    .flatMap((s) => s.columns)
    .filter((c) => c.families.includes(family) && matchVersionItems(parsed, c.versions) !== 'none');
}

const support = timeEach(queries, (q) => querySupport(kb, q));
const feature = timeEach(queries, (q) => queryFeature(kb, q));
const matrix = timeEach(queries.slice(0, 1000), (q) => queryMatrix(kb, q.family, { host: q.host }));
const search = timeEach(queries.slice(0, 1000), (q) => searchAdvice(kb, `${q.feature} fails on ${q.family}`));
const naive = timeEach(queries, (q) => naiveSupport(kb, q.family, q.version));

console.log(`KB ${kb.version}: ${kb.snapshots.size} snapshots; ${ROUNDS} queries per kind; node ${process.version}\n`);
console.log(
  table([
    ['measure', 'median', 'p99'],
    ['load + validate', ms(percentile(loads, 50)), ms(percentile(loads, 99))],
    ['support query', ms(percentile(support, 50)), ms(percentile(support, 99))],
    ['feature query', ms(percentile(feature, 50)), ms(percentile(feature, 99))],
    ['family matrix', ms(percentile(matrix, 50)), ms(percentile(matrix, 99))],
    ['issue/tip search', ms(percentile(search, 50)), ms(percentile(search, 99))],
    ['baseline: naive scan', ms(percentile(naive, 50)), ms(percentile(naive, 99))],
  ]),
);
console.log(`\nratio naive scan / support query (median): ${(percentile(naive, 50) / percentile(support, 50)).toFixed(1)}x`);
