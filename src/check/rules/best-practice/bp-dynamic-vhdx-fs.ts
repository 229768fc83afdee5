import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const bpDynamicVhdxFs = defineRule({
  id: 'BP_DYNAMIC_VHDX_FS',
  category: 'best-practice',
  severity: 'tip',
  title: 'File system choice for dynamic VHDX',
  needs: ['mounts'],
  evaluate(ctx) {
    const mounts = fact(ctx, 'mounts').value;
    const ext3 = mounts.filesystems.filter((f) => f.fsType === 'ext3');
    if (ext3.length === 0) return 'pass';
    return finding(ctx, {
      detail: `${ext3
        .slice(0, 3)
        .map((f) => token(f.mountPoint, 40))
        .join(
          ', ',
        )} ${ext3.length === 1 ? 'uses' : 'use'} ext3. On a dynamic VHDX, ext3 spreads metadata over the whole disk and makes the file grow early.`,
      fix: 'For new file systems on dynamic VHDX prefer ext4 created with mkfs.ext4 -G 4096, and a 1 MB VHDX block size (New-VHD -BlockSizeBytes 1MB).',
      evidence: evidenceOf(ctx.facts.mounts),
    });
  },
});
