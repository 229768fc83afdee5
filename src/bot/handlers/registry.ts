import type { Intent } from '../../core/reply.ts';
import { digestHandler } from './digest.ts';
import { distroSupportHandler } from './distro-support.ts';
import { featureInfoHandler } from './feature-info.ts';
import { featureSupportHandler } from './feature-support.ts';
import { guestCheckHandler } from './guest-check.ts';
import type { IntentHandler } from './handler.ts';
import { helpHandler } from './help.ts';
import { knownIssueHandler } from './known-issue.ts';
import { lisVersionHandler } from './lis-version.ts';
import { tipHandler } from './tip.ts';
import { unknownHandler } from './unknown.ts';

/** Every intent's handler. */
export const HANDLERS: Readonly<Record<Intent, IntentHandler>> = {
  distro_support: distroSupportHandler,
  feature_support: featureSupportHandler,
  feature_info: featureInfoHandler,
  known_issue: knownIssueHandler,
  tip: tipHandler,
  lis_version: lisVersionHandler,
  guest_check: guestCheckHandler,
  digest: digestHandler,
  help: helpHandler,
  unknown: unknownHandler,
};
