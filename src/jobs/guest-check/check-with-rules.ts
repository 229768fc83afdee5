import { checkBundle, reportToReply } from '../../check/report/index.ts';
import type { CheckOptions } from '../../check/report/check-report.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { CheckFunction } from './job-data.ts';

/**
 * The real check for the guest-check job: parse the upload, run the rules against the current KB, render the
 * report as a Reply. `kb` is read on every job, so a KB synced while the worker runs is used at once.
 */
export function guestCheckRunner(kb: () => KnowledgeBase, options: CheckOptions = {}): CheckFunction {
  return (content) => {
    const base = kb();
    return reportToReply(base, checkBundle(base, content, options));
  };
}
