import { describeColumn, describeIntegration, integrationServicesSource } from '../../knowledge/describe.ts';
import { decideVerdict } from '../../knowledge/query/verdict.ts';
import { describeVersionItems } from '../../knowledge/version.ts';
import { reply, type Reply } from '../../core/reply.ts';
import { CHECK_VM_ACTION, matrixAction } from '../../core/cite.ts';
import { clarifyDistro } from './clarify.ts';
import type { IntentHandler } from './handler.ts';
import {
  answeringColumns,
  decidingNoteLine,
  nearestLine,
  downloadAdvice,
  jsonVerdict,
  replyIntegration,
  verdictFields,
  verdictNotes,
  verdictQuery,
  verdictSources,
} from './verdict-reply.ts';

export const distroSupportHandler: IntentHandler = {
  intent: 'distro_support',
  handle({ kb, entities, question }): Reply {
    const family = entities.distro;
    if (!family) return clarifyDistro(kb, 'distro_support', entities);
    const name = `${kb.familyName(family)}${entities.version ? ` ${entities.version}` : ''}`;
    const answer = decideVerdict(kb, verdictQuery(entities, question));
    const base = {
      intent: 'distro_support' as const,
      entities,
      actions: answer.otherOs ? [] : [matrixAction(kb, family), CHECK_VM_ACTION],
    };
    const parts = [answer.otherOs ? `${answer.headline} ${answer.otherOs.reason}` : answer.headline];
    const columns = answeringColumns(answer);
    if (answer.verdict === 'yes' || answer.verdict === 'conditional') {
      if (!entities.version) {
        parts.push(
          `Listed releases: ${answer.deciding.map((c) => `${describeVersionItems(c.column.versions)}${c.column.kernel ? ` ${c.column.kernel.label ?? c.column.kernel.flavor.toUpperCase()}` : ''}: ${describeIntegration(c.column.integration)}`).join('; ')}.`,
        );
      } else if (columns.length === 1) {
        parts.push(
          `It is supported with integration services ${integrationServicesSource(columns[0]!.column.integration)}.${downloadAdvice(answer)}`,
        );
      } else if (columns.length > 1) {
        parts.push(
          `Integration services in ${columns.length} ways: ${columns.map((c) => describeColumn(kb, c.column)).join('; ')}.${downloadAdvice(answer)}`,
        );
      }
    }
    if (answer.nearest.length) parts.push(nearestLine(kb, answer));
    const noteLine = decidingNoteLine(answer);
    if (noteLine) parts.push(noteLine);
    return reply({
      ...base,
      title: `${name} on Hyper-V`,
      text: parts.join(' '),
      verdict: jsonVerdict(answer.verdict),
      integration: replyIntegration(answer),
      fields: verdictFields(kb, answer, entities),
      notes: verdictNotes(answer),
      sources: verdictSources(kb, answer),
    });
  },
};
