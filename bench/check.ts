// Guest checks in-process: checks per second over the bundle fixtures (against parse-only as the
// baseline), and rows per second for a generated 100,000-row inventory streamed from a temp file.
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInventory } from '../src/check/inventory/index.ts';
import { parseBundle } from '../src/check/parse/index.ts';
import { checkBundle, checkFacts } from '../src/check/report/index.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { table } from './stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const TARGET_S = 10;

const kb = loadKnowledgeBase({ userDir: null });
const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'bundles');
const bundles = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(dir, f)));
const asOf = '2025-06-01';

function perSecond(run: () => void, count: number): { rate: number; ms: number } {
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  return { rate: (count * 1000) / ms, ms };
}

// Warm-up: JIT and the per-KB feature cache.
for (const b of bundles) checkBundle(kb, b, { asOf });

const total = bundles.length * ROUNDS;
const parse = perSecond(() => {
  for (let r = 0; r < ROUNDS; r++) for (const b of bundles) parseBundle(b);
}, total);
const check = perSecond(() => {
  for (let r = 0; r < ROUNDS; r++) for (const b of bundles) checkBundle(kb, b, { asOf });
}, total);

// The inventory: realistic columns, a few dozen distinct guest/host combinations, some bad rows.
const families: ReadonlyArray<readonly [string, string, string]> = [
  ['rhel', '6.3', '2.6.32-279.el6.x86_64'],
  ['rhel', '7.9', '3.10.0-1160.108.1.el7.x86_64'],
  ['centos', '7.5', '3.10.0-862.14.4.el7.x86_64'],
  ['rhel', '8.6', '4.18.0-372.9.1.el8.x86_64'],
  ['ubuntu', '14.04', '3.13.0-170-generic'],
  ['ubuntu', '20.04', '5.4.0-182-generic'],
  ['ubuntu', '22.04', '5.15.0-113-generic'],
  ['sles', '12 SP3', '4.4.180-94.138-default'],
  ['debian', '11', '5.10.0-28-cloud-amd64'],
  ['freebsd', '13.2', '13.2-RELEASE-p4'],
];
const hosts = ['2012 R2', '2016', '2019', '2022'];
const header =
  'vm_id,host_os,host_build,generation,os_family,os_version,arch,kernel,lis_package,kvp_daemon,vss_daemon,dynamic_memory,dm_startup_mb,dm_max_mb,clustered,mac_type,io_scheduler,notes';
const lines = [header];
for (let i = 0; i < ROWS; i++) {
  const [family, version, kernel] = families[i % families.length]!;
  const host = hosts[(i * 7) % hosts.length]!;
  const lis = family === 'rhel' && version === '6.3' ? 'LIS 3.5' : family === 'centos' ? 'LIS 4.2.6' : 'built-in';
  const daemon = i % 5 === 0 ? 'missing' : 'running';
  lines.push(
    i % 997 === 0
      ? i % 2
        ? `vm-${i},,,,,,,,,,,,,,,,,`
        : `=HYPERLINK("x"),2016,,1,rhel,7.9,x86_64,3.10.0-1160.el7.x86_64,built-in,running,running,no,,,no,static,none,`
      : `vm-${i},Windows Server ${host},,${1 + (i % 2)},${family},${version},x86_64,${kernel},${lis},${daemon},${daemon},${i % 3 === 0 ? 'yes' : 'no'},2048,8192,${i % 4 === 0 ? 'yes' : 'no'},dynamic,${i % 2 ? 'none' : 'cfq'},row ${i}`,
  );
}
const tmp = mkdtempSync(join(tmpdir(), 'lisbot-bench-'));
const file = join(tmp, 'inventory.csv');
writeFileSync(file, `${lines.join('\n')}\n`);

let vms = 0;
let problems = 0;
const started = performance.now();
for await (const record of parseInventory(createReadStream(file), { maxRows: ROWS + 1 })) {
  if (record.vmId === undefined && Object.keys(record.facts).length === 0) {
    problems++;
    continue;
  }
  checkFacts(kb, record.facts, { asOf }, { diagnostics: record.diagnostics });
  vms++;
}
const inventoryMs = performance.now() - started;
let parsedOnly = 0;
const parseStarted = performance.now();
for await (const _record of parseInventory(createReadStream(file), { maxRows: ROWS + 1 })) parsedOnly++;
const inventoryParseMs = performance.now() - parseStarted;
rmSync(tmp, { recursive: true, force: true });

const f = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`KB ${kb.version}; ${bundles.length} fixture bundles x ${ROUNDS} rounds; node ${process.version}\n`);
console.log(
  table([
    ['measure', 'per second', 'total'],
    ['parse only (baseline)', f(parse.rate), `${parse.ms.toFixed(0)} ms`],
    ['checkBundle (parse + rules)', f(check.rate), `${check.ms.toFixed(0)} ms`],
    [`inventory parse only, ${f(parsedOnly)} rows`, f((parsedOnly * 1000) / inventoryParseMs), `${(inventoryParseMs / 1000).toFixed(2)} s`],
    [
      `inventory checkFacts, ${f(vms)} VMs${problems ? ` + ${problems} bad rows` : ''}`,
      f(((vms + problems) * 1000) / inventoryMs),
      `${(inventoryMs / 1000).toFixed(2)} s`,
    ],
  ]),
);
console.log(`\ncheck / parse-only time per bundle: ${(parse.rate / check.rate).toFixed(2)}x`);
console.log(`inventory target: ${f(ROWS)} rows in <= ${TARGET_S} s: ${inventoryMs / 1000 <= TARGET_S ? 'met' : 'MISSED'}`);
