/** Block Kit limits for messages (docs.slack.dev/reference/block-kit). The renderer stays inside all of them. */
export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  actionsElements: 25,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  actionValue: 2000,
  actionId: 255,
  blockId: 255,
  /** The top-level `text` is cut by Slack above 40,000; notifications only need a short one. */
  fallbackText: 4000,
  /**
   * Not a documented limit: messages of about 13,000 characters of block text were refused with
   * msg_blocks_too_long below every per-block limit, so a page keeps well under that.
   */
  messageChars: 11_000,
} as const;

/** files.getUploadURLExternal takes files up to 1 GB; lisbot's own pictures are far below, so this only guards. */
export const UPLOAD_LIMIT_BYTES = 1024 * 1024 * 1024;
