import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GuestFacts } from '../../src/check/guest-facts.ts';
import { csvCell, csvRow, neutraliseCell, parseInventory, type InventoryRecord } from '../../src/check/inventory/index.ts';

// A real collection before each heap sample, so the measure is live memory, not garbage the GC has
// not reached yet (which varies with machine load and made this test flaky).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const HEADER =
  'vm_id,host_os,host_build,generation,os_family,os_version,arch,kernel,lis_package,kvp_daemon,vss_daemon,dynamic_memory,dm_startup_mb,dm_max_mb,clustered,mac_type,io_scheduler,notes';

async function collect(input: Parameters<typeof parseInventory>[0], maxRows?: number): Promise<InventoryRecord[]> {
  const out: InventoryRecord[] = [];
  for await (const r of parseInventory(input, maxRows === undefined ? {} : { maxRows })) out.push(r);
  return out;
}

describe('inventory parsing', () => {
  test('CSV with BOM, CRLF, quoted commas and line breaks', async () => {
    const csv =
      `\ufeff${HEADER}\r\n` +
      'web-01,Windows Server 2012 R2,,1,CentOS,6.3,x86_64,2.6.32-279.el6.x86_64,LIS 3.5,running,not installed,yes,1024,8192,yes,dynamic,cfq,"moved from old cluster, 2019"\r\n' +
      'db-02,,17763,2,Ubuntu,18.04,x86_64,4.15.0-213-generic,built-in,installed,running,no,,,no,static,noop,"two\nlines"\r\n' +
      '"sql ""prod""",2016,,2,sles,12 sp3,x86_64,4.4.180-94.138-default,,,,,,,,,,\r\n';
    const rows = await collect(csv);
    assert.equal(rows.length, 3);
    const [a, b, c] = rows;
    assert.equal(a?.vmId, 'web-01');
    assert.equal(a?.row, 2);
    assert.deepEqual(a?.facts.os?.value, { distro: 'centos', rawId: 'centos', version: '6.3', like: [] });
    assert.equal(a?.facts.host?.value.hostId, '2012 R2');
    assert.equal(a?.facts.lis?.value.version, '3.5');
    assert.equal(a?.facts.daemons?.vss?.value.installed, false);
    assert.deepEqual(a?.facts.userContext?.value, {
      dynamicMemory: true,
      dmStartupMb: 1024,
      dmMaxMb: 8192,
      clustered: true,
      macType: 'dynamic',
      notes: 'moved from old cluster, 2019',
    });
    assert.equal(b?.facts.host?.value.hostId, '2019');
    assert.equal(b?.facts.host?.value.build, 17763);
    assert.equal(b?.facts.lis?.value.installed, false);
    assert.equal(b?.facts.generation?.value, 2);
    assert.equal(b?.facts.userContext?.value.notes, 'two\nlines');
    assert.equal(c?.vmId, 'sql "prod"');
    assert.equal(c?.row, 5);
    assert.equal(c?.facts.os?.value.version, '12 SP3');
    for (const r of rows) GuestFacts.parse(r.facts);
    assert.equal(a?.facts.os?.evidence[0]?.section, 'inventory');
  });

  test('JSON lines, with bad lines reported', async () => {
    const jsonl =
      '{"vm_id":"a","os_family":"debian","os_version":"11","generation":2,"kernel":"5.10.0-28-cloud-amd64"}\n\nnot json\n[1,2]\n{"vm_id":"b","host_os":"2022","kvp_daemon":"missing"}\n';
    const rows = await collect(jsonl);
    assert.deepEqual(
      rows.map((r) => r.vmId),
      ['a', undefined, undefined, 'b'],
    );
    assert.equal(rows[0]?.facts.kernel?.value.flavour, 'cloud-amd64');
    assert.equal(rows[1]?.diagnostics[0]?.code, 'INPUT_ROW_INVALID');
    assert.equal(rows[3]?.facts.daemons?.kvp?.value.installed, false);
    assert.equal(rows[3]?.facts.host?.value.hostId, '2022');
  });

  test('formula-looking cells are flagged, kept as text, and neutralised on export', async () => {
    const rows = await collect(`${HEADER}\nvm-x,,,,,,,,,,,,,,,,,=HYPERLINK("http://example.invalid")\nvm-y,,,,,,,,,,,,-5,,,,,\n`);
    assert.equal(rows[0]?.diagnostics[0]?.code, 'INPUT_CSV_FORMULA');
    assert.equal(rows[0]?.facts.userContext?.value.notes, '=HYPERLINK("http://example.invalid")');
    assert.deepEqual(rows[1]?.diagnostics, [], 'plain negative numbers are not formulas');
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutraliseCell(bad), `'${bad}`);
    assert.equal(neutraliseCell('web-01'), 'web-01');
    assert.equal(csvCell('=cmd|" /C calc"!A0'), `"'=cmd|"" /C calc""!A0"`);
    assert.equal(csvRow(['a,b', 3, undefined, true]), '"a,b",3,,true');
  });

  test('a header without vm_id, an unclosed quote, and the row cap', async () => {
    const noId = await collect('os,release\nx,y\n');
    assert.equal(noId[0]?.diagnostics[0]?.code, 'INPUT_UNKNOWN_FORMAT');
    const unclosed = await collect(`${HEADER}\nvm-1,"never closed\n`);
    assert.equal(unclosed[0]?.diagnostics[0]?.code, 'INPUT_ROW_INVALID');
    const many = await collect(`${HEADER}\n${Array.from({ length: 10 }, (_, i) => `vm-${i}`).join('\n')}\n`, 3);
    assert.equal(many.length, 4);
    assert.equal(many[3]?.diagnostics[0]?.code, 'INPUT_TOO_MANY_ROWS');
  });

  test('common column names are aliases: vm, distro, version, host, kernel_version, …', async () => {
    const rows = await collect(
      'VM Name,Distro,Version,Host,Kernel Version,Gen\nweb-01,Ubuntu,14.04,Windows Server 2012 R2,3.13.0-170-generic,2\n',
    );
    assert.equal(rows.length, 1, 'no unknown-column notice: every column is known');
    const [row] = rows;
    assert.equal(row?.vmId, 'web-01');
    assert.equal(row?.facts.os?.value.distro, 'ubuntu');
    assert.equal(row?.facts.os?.value.version, '14.04');
    assert.equal(row?.facts.host?.value.hostId, '2012 R2');
    assert.equal(row?.facts.kernel?.value.release, '3.13.0-170-generic');
    assert.equal(row?.facts.generation?.value, 2);
  });

  test('unknown columns are reported once, by name, and the rows are still read', async () => {
    const csv = await collect('vm_id,distro,versoin,colour\nweb-01,rhel,7.9,blue\ndb-02,rhel,8.8,red\n');
    assert.equal(csv[0]?.vmId, undefined);
    assert.equal(csv[0]?.diagnostics[0]?.code, 'INPUT_UNKNOWN_COLUMN');
    assert.match(csv[0]?.diagnostics[0]?.message ?? '', /Columns "versoin", "colour" not recognised and ignored/);
    assert.deepEqual(
      csv.slice(1).map((r) => r.vmId),
      ['web-01', 'db-02'],
    );
    const json = await collect('{"vm_id":"a","distro":"rhel","flavour":"x"}\n{"vm_id":"b","flavour":"y","size":1}\n');
    const notices = json.filter((r) => r.diagnostics.some((d) => d.code === 'INPUT_UNKNOWN_COLUMN')).map((r) => r.diagnostics[0]?.message);
    assert.equal(notices.length, 2, 'each unknown key once');
    assert.match(notices[0] ?? '', /"flavour"/);
    assert.match(notices[1] ?? '', /"size"/);
    assert.equal(json.filter((r) => r.vmId).length, 2);
  });

  test('streams a 30,000-row file without holding it in memory', async () => {
    const ROWS = 30_000;
    function* source(): Generator<string> {
      yield `${HEADER}\n`;
      let chunk = '';
      for (let i = 0; i < ROWS; i++) {
        chunk += `vm-${i},2019,,2,ubuntu,20.04,x86_64,5.4.0-182-generic,built-in,running,running,yes,2048,8192,no,dynamic,none,"row ${i}, bulk"\n`;
        if (chunk.length > 64 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let count = 0;
    let peak = 0;
    for await (const r of parseInventory(Readable.from(source()), { maxRows: ROWS })) {
      count++;
      if (count === 1) assert.equal(r.facts.os?.value.version, '20.04');
      if (count % 10_000 === 0) {
        collectGarbage();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    assert.equal(count, ROWS);
    // The file is ~4 MB of text; its 30,000 records held at once take ~100 MB of heap. Flat memory means streaming.
    assert.ok(peak < 60 * 1024 * 1024, `heap grew by ${Math.round(peak / 1024 / 1024)} MB`);
  });
});
