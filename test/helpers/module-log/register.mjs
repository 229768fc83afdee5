// Preloaded with --import: records every module the process resolves into the file LISBOT_MODULE_LOG names,
// so a test can see which packages a command loaded. ES modules through a resolve hook; CommonJS requires
// (a package loaded lazily with createRequire) through Module._resolveFilename.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);

const log = process.env.LISBOT_MODULE_LOG;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  if (log && isAbsolute(file)) appendFileSync(log, `${pathToFileURL(file).href}\n`);
  return file;
};
