// Preloaded with --import: records every module the process resolves into the file LISBOT_MODULE_LOG names,
// so a test can see which packages a command loaded.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
