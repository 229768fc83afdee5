import { isDigestExpansion } from '../../../../core/digest-commands.ts';
import { actAndRender, askAndRender } from '../../answer.ts';
import type { SlackDeps } from '../../deps.ts';
import { renderReply, renderNotice } from '../../render/reply-blocks.ts';
import { decodeMore } from '../../render/values.ts';
import { actionConversation, deliver, handleButton, type ButtonArgs } from './shared.ts';

/** "Show more": rebuilds a long reply (a matrix, or the question asked again) and posts its next page. */
export function onShowMore(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  return handleButton(deps, args, async (place) => {
    const value = args.action.value ?? '';
    if (isDigestExpansion(value)) {
      const full = await deps.digest?.expand?.(value);
      await deliver(
        deps,
        args,
        place,
        full ? renderReply(full, { feedback: false }) : renderNotice('That digest is no longer available. Try "/lis digest preview".'),
      );
      return;
    }
    const more = decodeMore(args.action.value);
    if (!more) return;
    const conversation = actionConversation(place);
    if ('m' in more.o) {
      const result = await actAndRender(deps, { kind: 'show-matrix', value: more.o.m }, conversation, place.user, more.p);
      await deliver(deps, args, place, result?.message ?? renderNotice('That matrix is not available any more.'));
      return;
    }
    const question = 'r' in more.o ? await deps.refs.get(more.o.r) : more.o.q;
    if (question === undefined) {
      await deliver(deps, args, place, renderNotice('That question is no longer kept. Ask it again to see the rest.'));
      return;
    }
    const { reply } = await askAndRender(deps, question, conversation, place.user);
    await deliver(deps, args, place, renderReply(reply, { question, page: more.p, more: more.o, refs: deps.refs }));
  });
}
