import { reply } from '../../core/reply.ts';
import type { IntentHandler } from './handler.ts';

export const digestHandler: IntentHandler = {
  intent: 'digest',
  handle: ({ entities }) =>
    reply({
      intent: 'digest',
      entities,
      title: 'Digest of newly supported distributions',
      text: 'A channel can get a digest of what changed in the support matrices: newly supported releases, features new on a host, new LIS releases and dropped releases. Use "/lis digest subscribe [weekly|daily] [families…] [hosts…]", "/lis digest unsubscribe", "/lis digest list" or "/lis digest preview [since DATE]". Only people who manage the channel can subscribe it.',
    }),
};
