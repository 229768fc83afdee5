// Prints which folders of src/ import which, bottom layer first, and exits 1 when two folders import each other or
// an import goes up the layer order of scripts/layers.mjs. `--files` also lists each import that crosses folders.
// Usage: npm run graph [-- --files] [-- --src DIR]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { FOLDERS, LAYERS, allowedImports } from './layers.mjs';

const root = join(import.meta.dirname, '..');
const srcFlag = process.argv.indexOf('--src');
/** `--src DIR` reads another tree (the tests give it a scratch copy). */
const src = srcFlag > 0 && process.argv[srcFlag + 1] ? resolve(process.argv[srcFlag + 1]!) : join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.m?ts$/.test(name) ? [path] : [];
  });
}

function folderOf(path: string): string | undefined {
  const rel = relative(src, path);
  return rel.startsWith('..') || !rel.includes(sep) ? undefined : rel.split(sep)[0];
}

/** Cross-folder imports, keyed "from→to", each with the files that make it. */
function folderImports(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const from = folderOf(file);
    if (!from) continue;
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const to = folderOf(target);
      if (!to || to === from) continue;
      const key = `${from}→${to}`;
      edges.set(key, [...(edges.get(key) ?? []), `${relative(src, file)} → ${relative(src, target)}`]);
    }
  }
  return edges;
}

function main(): number {
  const listFiles = process.argv.includes('--files');
  const edges = folderImports();
  const problems: string[] = [];
  const present = new Set(readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory()));
  for (const folder of present) if (!FOLDERS.includes(folder)) problems.push(`src/${folder} has no place in scripts/layers.mjs`);

  console.log('Folder imports in src/, bottom layer first (count of import statements):');
  LAYERS.forEach((layer, index) => {
    for (const folder of layer) {
      const targets = [...edges.entries()]
        .filter(([key]) => key.startsWith(`${folder}→`))
        .map(([key, files]) => ({ to: key.slice(folder.length + 1), files }))
        .sort((a, b) => FOLDERS.indexOf(a.to) - FOLDERS.indexOf(b.to));
      const line = targets.map(({ to, files }) => `${to} (${files.length})`).join(', ') || 'nothing';
      console.log(`  ${String(index).padStart(2)} ${folder.padEnd(14)} → ${line}`);
      for (const { to, files } of targets) {
        if (edges.has(`${to}→${folder}`)) {
          if (folder < to)
            problems.push(
              `src/${folder} and src/${to} import each other:\n    ${[...files, ...(edges.get(`${to}→${folder}`) ?? [])].join('\n    ')}`,
            );
        } else if (FOLDERS.includes(to) && !allowedImports(folder).includes(to)) {
          problems.push(`src/${folder} imports src/${to}, which is not below it:\n    ${files.join('\n    ')}`);
        }
        if (listFiles) for (const f of files) console.log(`       ${f}`);
      }
    }
  });
  if (problems.length === 0) {
    console.log('No two folders import each other, and every import goes down the layers.');
    return 0;
  }
  for (const problem of problems) console.error(`✗ ${problem}`);
  return 1;
}

process.exitCode = main();
