import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { sniffInput } from '../../check/input-kind.ts';
import { MAX_UPLOAD_BYTES } from '../../check/parse/limits.ts';
import { evaluateBundle, renderReportText } from '../../check/report/index.ts';
import { plain } from '../../check/rules/helpers.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * "check PATH", or a line that is nothing but the path of an existing file (as a terminal pastes a dragged file).
 * "check my vm" is a question, not a path: after "check" a path has a slash or a dot, or names an existing file.
 */
export function checkRequest(line: string): { path: string } | undefined {
  const command = /^check\s+(.+)$/i.exec(line.trim());
  const raw = (command ? command[1]! : line)
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .replace(/\\ /g, ' ');
  const path = raw.startsWith('~/') ? resolve(homedir(), raw.slice(2)) : raw;
  if (command) return /[/.~]/.test(raw) || isFile(path) ? { path } : undefined;
  return /^(\/|\.{1,2}\/|~\/)/.test(raw) && isFile(path) ? { path } : undefined;
}

/** Checks one guest's collector output (or pasted text) from a file and returns the plain-text report or a clear error. */
export function checkFileText(kb: KnowledgeBase, path: string): string {
  const shown = plain(path, 200);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return `${shown} is a directory; give the collector's output file (sh lis-collect.sh > lischeck.txt).`;
    if (!stat.isFile()) return `${shown} is not a regular file.`;
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `No such file: ${shown}` : `Cannot read ${shown} (${code ?? 'error'}).`;
  }
  if (size === 0) return `${shown} is empty.`;
  if (size > MAX_UPLOAD_BYTES)
    return `${shown} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the limit for one guest's collector output.`;
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    return `Cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`;
  }
  if (sniffInput(content.subarray(0, 64 * 1024)) !== 'bundle')
    return `${shown} is an inventory of many VMs; check it with "lisbot check ${shown}", which streams one result per VM.`;
  const result = evaluateBundle(kb, content);
  const notEvaluated = [...result.states.values()].filter((s) => s === 'skip').length;
  return `Checked ${shown}:\n${renderReportText(result.report, { notEvaluated })}`;
}
