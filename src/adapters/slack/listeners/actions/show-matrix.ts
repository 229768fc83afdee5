import { actAndRender } from '../../answer.ts';
import type { SlackDeps } from '../../deps.ts';
import { renderNotice } from '../../render/reply-blocks.ts';
import { actionConversation, deliver, handleButton, type ButtonArgs } from './shared.ts';

/** "Show full matrix": the family's feature grid, paged when long. */
export function onShowMatrix(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  return handleButton(deps, args, async (place) => {
    const result = await actAndRender(deps, { kind: 'show-matrix', value: args.action.value ?? '' }, actionConversation(place), place.user);
    await deliver(deps, args, place, result?.message ?? renderNotice('That matrix is not available any more.'));
  });
}
