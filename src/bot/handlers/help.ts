import { reply } from '../../core/reply.ts';
import { CHECK_VM_ACTION } from '../../core/cite.ts';
import type { IntentHandler } from './handler.ts';

export const HELP_EXAMPLES = [
  'does rhel 6.2 need the lis download?',
  'is trim available for sles 11 sp3 on 2012 r2?',
  'which distros support secure boot?',
  'hv_balloon: Memory hot add failed',
  'best io scheduler for linux vms?',
  'how do I know which LIS version I have?',
];

export const helpHandler: IntentHandler = {
  intent: 'help',
  handle: ({ entities }) =>
    reply({
      intent: 'help',
      entities,
      title: 'What I answer',
      text: 'I answer questions about Linux and FreeBSD guests on Hyper-V: whether a distribution and version is supported and how it gets integration services (built in, the Microsoft LIS download, or FreeBSD ports), which features work on which host, known issues and their fixes, best practices, and LIS versions. I can also check a VM from the collector output, and post a digest of newly supported releases.',
      fields: HELP_EXAMPLES.map((example, i) => ({ label: `Example ${i + 1}`, value: example })),
      actions: [CHECK_VM_ACTION],
    }),
};
