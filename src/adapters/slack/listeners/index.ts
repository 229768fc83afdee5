import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { dedupeEvents } from '../dedupe.ts';
import type { SlackDeps } from '../deps.ts';
import { actionIdPattern } from '../render/action-ids.ts';
import { onCheckVm } from './actions/check-vm.ts';
import { onChoose } from './actions/choose.ts';
import { onFeedback } from './actions/feedback.ts';
import { onShowMatrix } from './actions/show-matrix.ts';
import { onShowMore } from './actions/show-more.ts';
import { onLisCommand } from './commands/lis.ts';
import { onAppMention } from './events/app-mention.ts';
import { onDirectMessage } from './events/direct-message.ts';
import { onFileShared } from './events/file-shared.ts';
import { onThreadUpload } from './events/thread-upload.ts';

const BUTTON_KINDS = ['show-matrix', 'check-vm', 'choose', 'show-more', 'feedback-up', 'feedback-down'] as const;

/** Whether a button's action_id is one of lisbot's, with a listener below. */
export function isHandledActionId(actionId: string): boolean {
  return BUTTON_KINDS.some((kind) => actionIdPattern(kind).test(actionId));
}

/** Wires every lisbot listener into a Bolt app. The handlers themselves are plain functions of (deps, args). */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.use(dedupeEvents(deps));

  app.event('app_mention', (args) => onAppMention(deps, args));
  app.event('message', (args) => onDirectMessage(deps, args));
  app.event('message', (args) => onThreadUpload(deps, args));
  app.event('file_shared', (args) => onFileShared(deps, args));

  app.command('/lis', (args) => onLisCommand(deps, args));

  const button = (kind: Parameters<typeof actionIdPattern>[0]) => ({ type: 'block_actions' as const, action_id: actionIdPattern(kind) });
  app.action<BlockAction<ButtonAction>>(button('show-matrix'), (args) => onShowMatrix(deps, args));
  app.action<BlockAction<ButtonAction>>(button('check-vm'), (args) => onCheckVm(deps, args));
  app.action<BlockAction<ButtonAction>>(button('choose'), (args) => onChoose(deps, args));
  app.action<BlockAction<ButtonAction>>(button('show-more'), (args) => onShowMore(deps, args));
  app.action<BlockAction<ButtonAction>>(button('feedback-up'), (args) => onFeedback(deps, args, 'up'));
  app.action<BlockAction<ButtonAction>>(button('feedback-down'), (args) => onFeedback(deps, args, 'down'));
}
