import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binaryReason, sniffInput } from '../../src/check/input-kind.ts';
import { isJunkByte } from '../../src/check/parse/decode.ts';

test('binaryReason names archives and programs, and flags control-byte soup as binary', () => {
  assert.equal(binaryReason(Buffer.from([0x1f, 0x8b, 0x08, 0x00])), 'gzip-compressed');
  assert.equal(binaryReason(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02])), 'a program (ELF)');
  assert.match(binaryReason(Buffer.from('a\u0000b')) ?? '', /NUL bytes/);
  // A few NUL bytes inside text are a damaged region for the parser to skip and report, not a binary file.
  assert.equal(
    binaryReason(Buffer.concat([Buffer.from('### lischeck-meta\nuname -r: 5.15\n'.repeat(20)), Buffer.alloc(24, 0)])),
    undefined,
  );
  assert.equal(binaryReason(Buffer.from('\ufeff### lischeck-meta\nos_type=Linux\n', 'utf16le')), undefined);
  assert.equal(binaryReason(Buffer.from([0x01, 0x02, 0x03, 0x41, 0x42])), 'binary');
  assert.equal(binaryReason(Buffer.from('### lischeck-meta\nuname -r: 5.15\n\u001b[1mbold\u001b[0m\tok\r\n')), undefined);
});

test('the CLI and the parser agree on which bytes are junk', () => {
  for (const b of [0x09, 0x0a, 0x0d, 0x1b, 0x20, 0x41]) assert.equal(isJunkByte(b), false, `byte ${b}`);
  for (const b of [0x00, 0x08, 0x0e, 0x1f, 0x7f]) assert.equal(isJunkByte(b), true, `byte ${b}`);
});

test('sniffInput tells JSON-lines and CSV inventories from one guest upload', () => {
  assert.equal(sniffInput(Buffer.from('\n{"vm_id":"a","distro":"rhel"}\n')), 'jsonl');
  assert.equal(sniffInput(Buffer.from('\ufeffVM ID,Distro,Version\nvm1,rhel,7.9\n')), 'csv');
  assert.equal(sniffInput(Buffer.from('size,colour\nx,1\n')), 'bundle');
  assert.equal(sniffInput(Buffer.from('### lischeck-meta\n')), 'bundle');
});
