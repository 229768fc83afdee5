import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTOR_FILE, collectorScript } from '../../src/check/collector/index.ts';
import { parseBundle } from '../../src/check/parse/index.ts';

const TIMEOUT_MS = 180_000;

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** Runs the collector in an empty working directory with empty HOME and TMPDIR. */
function runCollector(shell: string[], args: string[] = [], input?: string): { result: SpawnSyncReturns<string>; leftovers: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'lischeck-run-'));
  const dirs = ['cwd', 'home', 'tmp'].map((d) => join(root, d));
  for (const d of dirs) spawnSync('mkdir', ['-p', d]);
  try {
    const result = spawnSync(shell[0] ?? 'sh', [...shell.slice(1), COLLECTOR_FILE, ...args], {
      cwd: dirs[0],
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      input,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dirs[1], TMPDIR: dirs[2], LANG: 'C' },
      maxBuffer: 8 * 1024 * 1024,
    });
    const leftovers = dirs.flatMap((d) => readdirSync(d).map((f) => join(d, f)));
    return { result, leftovers };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function localAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).filter((a) => !a.internal).map((a) => a.address.replace(/%.*$/, '')),
  );
}

const SHELLS: string[][] = [['sh'], ['dash'], ['bash', '--posix'], ['busybox', 'sh']].filter((s) => which(s[0] ?? ''));

describe('lis-collect.sh', () => {
  test('collectorScript() returns the script next to it', () => {
    const text = collectorScript();
    assert.ok(text.startsWith('#!/bin/sh\n'));
    assert.equal(text, readFileSync(COLLECTOR_FILE, 'utf8'));
  });

  test('avoids shell features that old or small shells lack', () => {
    const code = collectorScript()
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n');
    // "[[ " is bash's test ("[[:space:]]" is a POSIX class); awk's "function f(x)" is fine.
    assert.doesNotMatch(
      code,
      /\[\[ |\$\(<|<<-?\s*['"]?\w|\blocal\s|^\s*function\s+\w+\s*(?:\(\))?\s*\{|\bdeclare\b|\breadarray\b|\bmapfile\b|echo -e|grep -[a-zA-Z]*[oP]\b/m,
    );
    assert.doesNotMatch(code, /(?<![\w/.-])(?:modprobe|insmod|rmmod|curl|wget|mktemp|tee|dd)\s|mount -t/);
  });

  for (const shell of SHELLS) {
    test(`parses cleanly with ${shell.join(' ')} -n`, () => {
      const r = spawnSync(shell[0] ?? 'sh', [...shell.slice(1), '-n', COLLECTOR_FILE], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });
  }

  test('passes shellcheck --shell=sh', (t) => {
    if (!which('shellcheck')) {
      t.skip('shellcheck is not installed on this machine (apt-get install shellcheck)');
      return;
    }
    const r = spawnSync('shellcheck', ['--shell=sh', COLLECTOR_FILE], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  test('--help prints usage and unknown options fail', () => {
    const help = runCollector(['sh'], ['--help']).result;
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: sh lis-collect\.sh/);
    const bad = runCollector(['sh'], ['--bogus']).result;
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
  });

  for (const shell of SHELLS.filter((s) => s[0] === 'sh' || s[0] === 'dash' || s[0] === 'busybox')) {
    test(`runs under ${shell.join(' ')}, writes nothing, and its output parses`, () => {
      const { result, leftovers } = runCollector(shell);
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(leftovers, [], 'the collector created files');
      assert.equal(result.stderr, '', 'everything goes to stdout, inside sections');
      const bundle = parseBundle(result.stdout);
      assert.equal(bundle.format, 'lischeck');
      assert.ok(bundle.sections.has('lischeck-meta'));
      assert.ok(bundle.sections.has('lischeck-end'));
      assert.equal(bundle.stats.truncated, false);
      assert.ok(
        !bundle.diagnostics.some((d) => d.code === 'INPUT_UNKNOWN_FORMAT' || d.code === 'INPUT_DUPLICATE_SECTION'),
        JSON.stringify(bundle.diagnostics),
      );
      for (const section of bundle.sections.values()) {
        if (section.name === 'lischeck-meta' || section.name === 'lischeck-end') continue;
        assert.equal(typeof section.rc, 'number', `section ${section.name} has an rc line`);
      }
      assert.ok(bundle.stats.sections >= 20, `only ${bundle.stats.sections} sections`);
      assert.equal(bundle.facts.collector?.value.redacted, true);
      assert.ok(bundle.facts.kernel, 'uname -a was read');
      assert.ok(result.stdout.length < 2_000_000);
    });
  }

  test('opens no file for writing (strace)', (t) => {
    if (!which('strace')) {
      t.skip('strace is not installed; the empty-directory check above still ran');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'lischeck-strace-'));
    try {
      const log = join(dir, 'trace');
      const r = spawnSync(
        'strace',
        [
          '-f',
          '-qq',
          '-o',
          log,
          '-e',
          'trace=open,openat,creat,mkdir,mkdirat,unlink,unlinkat,rename,renameat,renameat2,truncate,link,linkat,symlink,symlinkat',
          'sh',
          COLLECTOR_FILE,
        ],
        { encoding: 'utf8', timeout: TIMEOUT_MS, cwd: dir, maxBuffer: 8 * 1024 * 1024 },
      );
      if (r.status !== 0 && /ptrace|Operation not permitted/.test(r.stderr)) {
        t.skip('strace cannot trace here');
        return;
      }
      const writes = readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => /O_WRONLY|O_RDWR|O_CREAT|\b(?:creat|mkdirat?|unlinkat?|renameat2?|rename|truncate|linkat?|symlinkat?)\(/.test(l))
        .filter((l) => !l.includes('"/dev/null"'));
      assert.deepEqual(writes, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("redaction hides this machine's host name and addresses; --no-redact keeps them", () => {
    const name = hostname().split('.')[0] ?? '';
    const word = new RegExp(`(^|[^A-Za-z0-9_-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9_-]|$)`);
    const redacted = runCollector(['sh']).result.stdout;
    const plain = runCollector(['sh'], ['--no-redact']).result.stdout;
    const body = (text: string) => text.split('\n').filter((l) => !l.startsWith('### ') && !/^redact=/.test(l));
    assert.ok(
      body(plain).some((l) => word.test(l)),
      'host name appears without redaction',
    );
    assert.deepEqual(
      body(redacted).filter((l) => word.test(l)),
      [],
    );
    for (const address of localAddresses()) assert.ok(!redacted.includes(address), `address ${address} leaked`);
    assert.match(plain, /^redact=off$/m);
  });

  test('--redact-only maps names, addresses, MACs and user names consistently', () => {
    const name = hostname();
    const addresses = localAddresses();
    const input = [
      '### net interfaces',
      `uname says ${name} here, and again: ${name}.`,
      ...addresses.map((a) => `inet ${a}/24 on eth0; same ${a} again`),
      'inet 192.0.2.77/24 brd 192.0.2.255 and 127.0.0.1 and ::1 and 0.0.0.0',
      'eth0 mac=00:15:5D:0A:1E:07 peer=00:15:5d:0a:1e:07 broadcast ff:ff:ff:ff:ff:ff',
      'log /home/alice/.bashrc and /home/alice/x',
      'mount //srv/share cifs username=bob,password=hunter2',
      'kernel 2.6.32-279.22.1.el6 version 4.3.5 at 09:21:40 pci 0000:00:07.1 fe80::215:5dff:fe0a:1e07%eth0',
      "### tr -s '\\000' '\\n' < /var/lib/hyperv/.kvp_pool_3",
      'HostName',
      'HV01.contoso.example',
      'HostingSystemOsMajor',
      '10',
      'VirtualMachineName',
      'HostingSystemOsMinor',
      '0',
      '# rc=0',
    ].join('\n');
    const r = runCollector(['sh'], ['--redact-only'], `${input}\n`).result;
    assert.equal(r.status, 0);
    const out = r.stdout;
    assert.ok(!out.includes(name) || name === 'localhost');
    for (const a of [...addresses, '192.0.2.77', '192.0.2.255', 'alice', 'bob', 'hunter2', 'HV01', '1e:07']) {
      assert.ok(!out.includes(a), `${a} still visible:\n${out}`);
    }
    assert.match(out, /127\.0\.0\.1 and ::1 and 0\.0\.0\.0/);
    assert.match(out, /mac=00:15:5d:xx:00:01 peer=00:15:5d:xx:00:01 broadcast ff:ff:ff:ff:ff:ff/, 'OUI kept, same MAC same token');
    assert.match(out, /\/home\/user1\/\.bashrc and \/home\/user1\/x/);
    assert.match(out, /2\.6\.32-279\.22\.1\.el6 version 4\.3\.5 at 09:21:40 pci 0000:00:07\.1/, 'versions, times and PCI ids survive');
    assert.match(out, /HostingSystemOsMajor\n10\nVirtualMachineName\nHostingSystemOsMinor\n0/);
    assert.match(out, /^### net interfaces$/m);
    const first = /^inet (\S+)\/24 on eth0; same (\S+) again$/m.exec(out);
    if (first) assert.equal(first[1], first[2], 'same address, same token');
  });
  describe('credentials never leave the VM, with or without --no-redact', () => {
    // Each form, as it appears in /proc/cmdline, the dmesg "Command line:", GRUB settings, mounts or config files.
    const FORMS: Array<{ name: string; line: string; secrets: string[]; kept: RegExp }> = [
      {
        name: 'iSCSI root in /proc/cmdline',
        line: 'BOOT_IMAGE=/vmlinuz root=/dev/sda1 netroot=iscsi:alice:S3cretPass@192.0.2.9::3260::iqn.2009-06.test:target ro',
        secrets: ['alice', 'S3cretPass'],
        kept: /netroot=iscsi:<scrubbed>@.*::3260::iqn\.2009-06\.test:target ro/,
      },
      {
        name: 'iSCSI with reverse CHAP',
        line: 'netroot=iscsi:u1:p1:ru2:rp2@[2001:db8::1]:3260::iqn.x',
        secrets: ['u1', 'p1', 'ru2', 'rp2'],
        kept: /netroot=iscsi:<scrubbed>@/,
      },
      {
        name: 'dmesg Command line',
        line: '[    0.000000] Command line: BOOT_IMAGE=/vmlinuz rd.iscsi.password=hunter2 rd.iscsi.username=carol quiet',
        secrets: ['hunter2', 'carol'],
        kept: /Command line: BOOT_IMAGE=\/vmlinuz rd\.iscsi\.password=<scrubbed> rd\.iscsi\.username=<scrubbed> quiet/,
      },
      {
        name: '*password*= with a quoted value',
        line: 'ro rd.iscsi.in.password="two words" KEYTABLE=us',
        secrets: ['two words'],
        kept: /password="<scrubbed>" KEYTABLE=us/,
      },
      {
        name: '*pass*=, *pwd*=, token=, key=, *secret*=',
        line: 'vncpass=v1 db_pwd=v2 token=v3 key=v4 api_key=v5 client_secret=v6 auth=v7',
        secrets: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'],
        kept: /vncpass=<scrubbed> db_pwd=<scrubbed> token=<scrubbed> key=<scrubbed>/,
      },
      {
        name: 'GRUB_CMDLINE_LINUX in /etc/default/grub',
        line: 'GRUB_CMDLINE_LINUX="rhgb quiet netroot=iscsi:dave:pw4@host::3260::iqn.y token=abc123"',
        secrets: ['dave', 'pw4', 'abc123'],
        kept: /^GRUB_CMDLINE_LINUX="rhgb quiet netroot=iscsi:<scrubbed>@host::3260::iqn\.y token=<scrubbed>"$/m,
      },
      {
        name: 'URL userinfo (NFS, proxies)',
        line: 'http_proxy=http://erin:pw5@proxy.example:3128 src nfs://frank:pw6@nfs.example/export',
        secrets: ['erin', 'pw5', 'frank', 'pw6'],
        kept: /http:\/\/<scrubbed>@proxy\.example:3128 src nfs:\/\/<scrubbed>@nfs\.example\/export/,
      },
      {
        name: 'cifs mount options',
        line: '//srv/share /mnt cifs username=gina,password=pw7,credentials=/root/.smb 0 0',
        secrets: ['gina', 'pw7', '/root/.smb'],
        kept: /cifs username=<scrubbed>,password=<scrubbed>,credentials=<scrubbed> 0 0/,
      },
      {
        name: 'YAML and JSON keys',
        line: '  "password": "pw8",\nsecret_token: pw9',
        secrets: ['pw8', 'pw9'],
        kept: /"password": <scrubbed>\nsecret_token: <scrubbed>/,
      },
    ];
    for (const form of FORMS) {
      test(form.name, () => {
        for (const args of [['--redact-only', '--no-redact'], ['--redact-only']]) {
          const r = runCollector(['sh'], args, `### cat /proc/cmdline\n${form.line}\n`).result;
          assert.equal(r.status, 0, r.stderr);
          for (const secret of form.secrets) assert.ok(!r.stdout.includes(secret), `${secret} leaked with ${args.join(' ')}:\n${r.stdout}`);
          if (args.includes('--no-redact')) assert.match(r.stdout, form.kept);
        }
      });
    }
    test('what is no credential survives: root=, console=, crashkernel=, KEYTABLE=', () => {
      const line = 'BOOT_IMAGE=/vmlinuz-5.14 root=/dev/mapper/rhel-root ro crashkernel=auto console=ttyS0 KEYTABLE=us elevator=noop';
      const r = runCollector(['sh'], ['--redact-only', '--no-redact'], `${line}\n`).result;
      assert.equal(r.stdout.trim(), line);
    });
    test('the collection itself passes every line through the scrubber, before any redaction', () => {
      assert.match(collectorScript(), /^collect \| scrub_secrets \| if \[ "\$REDACT" = on \]; then redact_filter; else cat; fi \|$/m);
    });
  });
});
