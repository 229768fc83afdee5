import { actAndRender } from '../../answer.ts';
import type { SlackDeps } from '../../deps.ts';
import { renderNotice } from '../../render/reply-blocks.ts';
import { uploadPicture } from '../../picture.ts';
import { actionConversation, deliver, handleButton, type ButtonArgs } from './shared.ts';

/** "Show full matrix": the family's feature grid, paged when long, with its picture. */
export function onShowMatrix(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  return handleButton(deps, args, async (place) => {
    const result = await actAndRender(deps, { kind: 'show-matrix', value: args.action.value ?? '' }, actionConversation(place), place.user);
    const posted = await deliver(deps, args, place, result?.message ?? renderNotice('That matrix is not available any more.'));
    // The picture joins the table in the thread; an ephemeral answer cannot carry a file, so it stays text.
    if (result && posted) await uploadPicture(deps, args.client, result.reply, posted);
  });
}
