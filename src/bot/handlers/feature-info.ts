import { describeVersionItems } from '../../knowledge/version.ts';
import { queryWhoHas } from '../../knowledge/query/who-has.ts';
import { reply, type Reply } from '../../core/reply.ts';
import { refSources, sourcesOf } from '../../core/cite.ts';
import { featureEntityName, featureFacts, featureIds } from './feature-entity.ts';
import type { IntentHandler } from './handler.ts';

export const featureInfoHandler: IntentHandler = {
  intent: 'feature_info',
  handle({ kb, entities }): Reply {
    const feature = entities.feature!;
    const ids = featureIds(feature);
    const { records, summary, steps } = featureFacts(kb, feature);
    const name = featureEntityName(kb, feature);
    const minHost = records.map((r) => r.minHost).find((h) => h !== undefined);
    const who = queryWhoHas(kb, ids[0]!, { host: entities.host });
    const rows = who.map((w) => [
      kb.familyName(w.family),
      w.columns.map((c) => describeVersionItems(c.versions)).join(', ') || 'none listed',
      w.snapshot.era,
    ]);
    const withIt = who.filter((w) => w.columns.length > 0).map((w) => kb.familyName(w.family));
    const hostText = entities.host ? ` on Windows Server ${entities.host}` : '';
    return reply({
      intent: 'feature_info',
      entities,
      title: name,
      text: `${summary}${steps ? ` To turn it on: ${steps}` : ''}${minHost ? ` It needs Windows Server ${minHost} or later as the host.` : ''} In the newest matrices it is available${hostText} for: ${withIt.join(', ') || 'no listed distribution'}.`,
      table: { columns: ['Distribution', `Releases with ${name}${hostText}`, 'Matrix date'], rows },
      sources: [
        ...records.flatMap((r) => refSources(kb, r.sources)),
        ...sourcesOf(
          kb,
          who.map((w) => w.snapshot.source),
        ),
      ],
    });
  },
};
