/** Input limits for uploads (design note section 6.1). Over a limit: cut and report, never throw. */
/** The one upload limit: chat adapters refuse larger files before download, the CLI refuses them, the parser cuts there. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_LINE_CHARS = 4096;
export const MAX_LINES = 200_000;
export const MAX_SECTIONS = 300;
export const MAX_SECTION_LINES = 5_000;
export const MAX_HEADER_CHARS = 200;
/** Share of non-text bytes above which an upload counts as binary. */
export const BINARY_RATIO = 0.05;
/** Evidence quotes are shortened to this many characters. */
export const MAX_EVIDENCE_CHARS = 200;
