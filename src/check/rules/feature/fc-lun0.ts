import { evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

const FC_CLASS = '2f9bcc4a-0069-4af3-b76b-6fd0be528cda';

export const fcLun0 = defineRule({
  id: 'FC_LUN0',
  category: 'feature',
  severity: 'tip',
  title: 'Virtual Fibre Channel needs LUN 0',
  needs: ['vmbusDevices'],
  evaluate(ctx) {
    const devices = fact(ctx, 'vmbusDevices');
    const fc = devices.value.filter((d) => d.classId === FC_CLASS);
    if (fc.length === 0) return 'pass';
    return finding(ctx, {
      detail: 'The VM has virtual Fibre Channel adapters. Linux guests may not see any LUN on a target that does not present LUN 0.',
      evidence: evidenceOf(devices.evidence.filter((e) => e.text.toLowerCase().includes(FC_CLASS))),
    });
  },
});
