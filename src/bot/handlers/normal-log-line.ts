import { hostForBuild } from '../../check/parse/facts/host-builds.ts';
import { reply, type Reply } from '../../core/reply.ts';
import { CHECK_VM_ACTION } from '../../core/cite.ts';
import type { HandlerInput } from './handler.ts';

/** A Hyper-V driver's log line that reports nothing wrong: say so, and what it tells about the host. */
export function normalLogLineReply({ question, entities }: HandlerInput): Reply {
  const build = /host build\s*:?\s*(\d{4,5})/i.exec(question)?.[1];
  const host = build ? hostForBuild(Number(build)) : undefined;
  const vmbus = /vmbus version\s*:?\s*(\d+\.\d+)/i.exec(question)?.[1];
  const facts = [
    host ? `the host is ${host.product} (build ${build})` : build ? `the host build is ${build}` : '',
    vmbus ? `the guest and host agreed on VMBus protocol ${vmbus}` : '',
  ].filter(Boolean);
  return reply({
    intent: 'known_issue',
    entities: host?.hostId && !entities.host ? { ...entities, host: host.hostId } : entities,
    title: 'A normal boot message, not a fault',
    text: `That line is a normal message from the Hyper-V drivers at boot, not an error${facts.length ? `: ${facts.join(', and ')}` : ''}. None of my known issues match it. If something is wrong with the VM, describe what you see or paste the lines that report the failure.`,
    actions: [CHECK_VM_ACTION],
  });
}
