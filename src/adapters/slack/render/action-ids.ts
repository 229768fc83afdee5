import type { ActionKind } from '../../../core/reply.ts';

/** Every lisbot button has an action_id `lis:<kind>:<n>`; listeners match on the kind. */
export function actionId(kind: ActionKind, index: number): string {
  return `lis:${kind}:${index}`;
}

export function actionIdPattern(kind: ActionKind): RegExp {
  return new RegExp(`^lis:${kind}:\\d+$`);
}

export const FEEDBACK_BLOCK_ID = 'lis-feedback';
export const ACTIONS_BLOCK_ID = 'lis-actions';
