import { actAndRender } from '../../answer.ts';
import { sendCollector } from '../../collector.ts';
import type { SlackDeps } from '../../deps.ts';
import { renderNotice } from '../../render/reply-blocks.ts';
import { actionConversation, deliver, handleButton, type ButtonArgs } from './shared.ts';

/** "Check my VM": the instructions next to the button, and the collector script in the presser's DM. */
export function onCheckVm(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  return handleButton(deps, args, async (place) => {
    const result = await actAndRender(deps, { kind: 'check-vm', value: 'check-vm' }, actionConversation(place), place.user);
    if (result) await deliver(deps, args, place, result.message);
    const sent = await sendCollector(deps, args.client, place.user, place.channel);
    if (!sent.ok) await args.respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(sent.reason) });
  });
}
