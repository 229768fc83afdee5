// The Microsoft matrix-page importer: markdown page version in, validated MatrixSnapshot out.
export { ImportError, EXPECTED_MATRIX_PAGE } from './errors.ts';
export { importPage, type ImportOptions, type ImportResult } from './import-page.ts';
export { detectPageKind, describePageKind, type PageKind } from './page-kind.ts';
export { FEATURE_ALIASES, classifyRowName, featureIdForName } from './feature-names.ts';
export { sourceIdForFile } from './upstream-files.ts';
