import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { layerRules } from '../../scripts/eslint-layers.mjs';
import { allowedImports, FOLDERS } from '../../scripts/layers.mjs';

const root = join(import.meta.dirname, '..', '..');

// The layer rules alone, with the TypeScript parser but no type information: the files linted here do not exist,
// and the type-aware rules of the full config would need them in the project.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, layerRules],
});

async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

describe('the layer order is enforced by lint', () => {
  const wrongWay: ReadonlyArray<readonly [string, string, string]> = [
    ['knowledge → bot', 'src/knowledge/wrong.ts', "import { answer } from '../bot/answer.ts';"],
    ['knowledge → jobs', 'src/knowledge/sync/wrong.ts', "import type { JobQueue } from '../../jobs/job-queue.ts';"],
    ['bot → adapters', 'src/bot/handlers/wrong.ts', "import { replyBlocks } from '../../adapters/slack/render/reply-blocks.ts';"],
    ['bot → runtime', 'src/bot/wrong.ts', "const serve = await import('../runtime/serve.ts');"],
    ['check → jobs', 'src/check/rules/lis/wrong.ts', "import { GUEST_CHECK_QUEUE } from '../../../jobs/guest-check/job-data.ts';"],
    ['check → bot', 'src/check/report/wrong.ts', "export { CHECK_VM_ACTION } from '../../bot/handlers/guest-check.ts';"],
    ['core → jobs', 'src/core/wrong.ts', "import type { JobQueue } from '../jobs/job-queue.ts';"],
    ['jobs ↔ observability (same layer)', 'src/jobs/wrong.ts', "import { createLogger } from '../observability/logger.ts';"],
  ];
  for (const [name, path, code] of wrongWay) {
    test(`${name} fails`, async () => {
      const errors = await layerErrors(path, code);
      assert.equal(errors.length, 1, `expected one layer error for ${path}, got ${JSON.stringify(errors)}`);
      assert.match(errors[0]!, /may not import/);
    });
  }

  test('imports down the layers, inside a folder, and of packages pass', async () => {
    assert.deepEqual(
      await layerErrors(
        'src/bot/fine.ts',
        [
          "import { z } from 'zod';",
          "import { readFileSync } from 'node:fs';",
          "import { reply } from '../core/reply.ts';",
          "import type { KnowledgeBase } from '../knowledge/index.ts';",
          "import { RULE_CATALOGUE } from '../check/rules/catalogue.ts';",
          "import { answer } from './answer.ts';",
        ].join('\n'),
      ),
      [],
    );
    assert.deepEqual(
      await layerErrors(
        'src/cli/commands/fine.ts',
        "import { serve } from '../../runtime/serve.ts';\nimport { loadEnv } from '../../config/env.ts';",
      ),
      [],
    );
  });

  test('a file in a folder the layer order does not name fails', async () => {
    assert.ok((await layerErrors('src/newfolder/x.ts', 'export const x = 1;')).length > 0);
  });

  test('the repository lint config (npm run lint) applies the layer rules to every folder of src/', async () => {
    const full = new ESLint({ cwd: root });
    for (const folder of FOLDERS) {
      const config = (await full.calculateConfigForFile(join(root, 'src', folder, 'any.ts'))) as { rules?: Record<string, unknown> };
      const rule = config.rules?.['boundaries/dependencies'];
      assert.ok(Array.isArray(rule) && (rule[0] === 2 || rule[0] === 'error'), `boundaries/dependencies is not an error for src/${folder}`);
    }
  });

  test('the layer order puts config lowest and cli highest, and no folder may import itself through another', () => {
    assert.deepEqual(allowedImports('config'), []);
    assert.deepEqual(new Set(allowedImports('cli')), new Set(FOLDERS.filter((f) => f !== 'cli')));
    for (const a of FOLDERS)
      for (const b of allowedImports(a)) assert.ok(!allowedImports(b).includes(a), `${a} and ${b} may import each other`);
  });
});

describe('npm run graph', () => {
  const graph = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'import-graph.ts'), ...args], { encoding: 'utf8' });

  test('prints the folder graph of src/ and exits 0: no two folders import each other', () => {
    const run = graph();
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /bot +→ .*knowledge \(\d+\)/);
    assert.match(run.stdout, /No two folders import each other/);
  });

  test('exits 1 and names the files when two folders import each other or an import goes up', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lisbot-graph-'));
    try {
      cpSync(join(root, 'src'), join(scratch, 'src'), { recursive: true, filter: (p) => !p.includes(`${join('knowledge', 'data')}`) });
      appendFileSync(join(scratch, 'src', 'knowledge', 'stats.ts'), "\nimport type { Reply } from '../core/reply.ts';\n");
      appendFileSync(
        join(scratch, 'src', 'bot', 'text.ts'),
        "\nimport type { ReplyPoster } from '../core/delivery.ts';\nimport type { JobQueue } from '../jobs/job-queue.ts';\n",
      );
      const run = graph('--src', join(scratch, 'src'));
      assert.equal(run.status, 1);
      assert.match(run.stderr, /src\/core and src\/knowledge import each other:/);
      assert.match(run.stderr, /knowledge\/stats\.ts → core\/reply\.ts/);
      assert.match(run.stderr, /src\/bot imports src\/jobs, which is not below it:\n\s+bot\/text\.ts → jobs\/job-queue\.ts/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
