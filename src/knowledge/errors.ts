import * as z from 'zod';

/** A KB data file broke the schema or a cross-reference. Start-up stops on it. */
export class KbValidationError extends Error {
  constructor(
    readonly file: string,
    readonly recordId: string | undefined,
    readonly problem: string,
  ) {
    super(`${file}${recordId ? ` (record ${recordId})` : ''}: ${problem}`);
    this.name = 'KbValidationError';
  }

  static fromZod(file: string, recordId: string | undefined, error: z.ZodError): KbValidationError {
    return new KbValidationError(file, recordId, `\n${z.prettifyError(error)}`);
  }
}
