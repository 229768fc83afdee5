import { reply, type Entities, type Reply } from '../reply.ts';
import { CHECK_VM_ACTION } from './cite.ts';
import type { IntentHandler } from './handler.ts';

/** How to get a VM checked; also what the "Check my VM" button shows. */
export function checkVmReply(entities: Entities = {}): Reply {
  return reply({
    intent: 'guest_check',
    entities,
    title: 'Check my VM',
    text: 'Run the read-only collector in the guest (get it with "lisbot collector" or the Check my VM button), then upload its output here, or run "lisbot check FILE". I report how the guest gets integration services, which features work, the known issues that apply and the best practices it misses.',
    actions: [CHECK_VM_ACTION],
  });
}

export const guestCheckHandler: IntentHandler = {
  intent: 'guest_check',
  handle: ({ entities }) => checkVmReply(entities),
};
