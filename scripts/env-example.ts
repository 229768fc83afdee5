// Writes .env.example from the one list of environment variables (src/config/env.ts).
import { writeFileSync } from 'node:fs';
import { ENV_VARS } from '../src/config/env.ts';

const lines = ['# lisbot settings. Copy to .env and fill in what you use; every variable is optional unless a platform needs it.', ''];
for (const v of ENV_VARS) lines.push(`# ${v.meaning}${v.default ? ` (default ${v.default})` : ''}`, `${v.name}=`, '');
writeFileSync(new URL('../.env.example', import.meta.url), lines.join('\n'));
console.log(`wrote .env.example with ${ENV_VARS.length} variables`);
