import { writeLine, type CliCommand } from '../command.ts';
import { ENV_VARS } from '../../config/env.ts';
import { ConfigError } from '../../config/errors.ts';
import { SETTINGS_PARTS } from '../settings-registry.ts';

export const configCheckCommand: CliCommand = {
  name: 'config check',
  usage: 'lisbot config check [--list]',
  details: 'Secret values are never printed. --list shows every variable lisbot reads, its default and whether it is set.',
  options: { list: { type: 'boolean' } },
  run(args, io) {
    if (args.values.list === true) {
      for (const v of ENV_VARS) {
        const set = io.env[v.name]?.trim()
          ? v.secret
            ? 'set (secret)'
            : `set: ${io.env[v.name]}`
          : `unset${v.default ? `, default ${v.default}` : ''}`;
        writeLine(io.stdout, `${v.name.padEnd(24)} ${set}`);
      }
      return Promise.resolve(0);
    }
    let failed = 0;
    for (const part of SETTINGS_PARTS) {
      try {
        writeLine(io.stdout, `✔ ${part.name}: ${part.check(io.env)}`);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        failed++;
        writeLine(io.stderr, `✖ ${part.name}: ${error.message}`);
      }
    }
    return Promise.resolve(failed ? 1 : 0);
  },
};
