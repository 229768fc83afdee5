/** The input is not something the importer can read: another page type, empty, truncated or binary. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** What every refusal says it wanted, so a user knows what to feed the importer. */
export const EXPECTED_MATRIX_PAGE = "expected a Microsoft matrix page: markdown with a feature table whose first column is 'Feature'";
