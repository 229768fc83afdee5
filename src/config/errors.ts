import * as z from 'zod';

/** A setting is missing or wrong. The message names the variable and never its value. */
export class ConfigError extends Error {
  override name = 'ConfigError';

  static fromZod(error: z.ZodError, prefix = 'Invalid configuration'): ConfigError {
    const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    return new ConfigError(`${prefix}:\n${lines.join('\n')}`);
  }
}
