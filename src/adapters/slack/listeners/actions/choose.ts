import { actAndRender } from '../../answer.ts';
import type { SlackDeps } from '../../deps.ts';
import { actionConversation, deliver, handleButton, type ButtonArgs } from './shared.ts';

/** A did-you-mean or clarifying choice: asked as the next message of the same conversation. */
export function onChoose(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  return handleButton(deps, args, async (place) => {
    const result = await actAndRender(deps, { kind: 'choose', value: args.action.value ?? '' }, actionConversation(place), place.user);
    if (result) await deliver(deps, args, place, result.message);
  });
}
