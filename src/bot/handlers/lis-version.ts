import { compareVersionText } from '../../knowledge/version.ts';
import { reply, type Reply } from '../reply.ts';
import { refSources } from './cite.ts';
import type { IntentHandler } from './handler.ts';

/** Tips tagged "lis-version" in the KB explain how to read the installed LIS; the releases give the newest download. */
export const lisVersionHandler: IntentHandler = {
  intent: 'lis_version',
  handle({ kb, entities }): Reply {
    const tips = kb.tips.filter((t) => t.keywords.includes('lis-version'));
    const downloads = kb.lisReleases.filter((r) => r.kind === 'download').sort((a, b) => compareVersionText(b.version.replace(/-/g, '.'), a.version.replace(/-/g, '.')));
    const newest = downloads[0];
    const text = [
      ...tips.map((t) => `${t.advice}${t.check ? ` Check: ${t.check}` : ''}`),
      newest ? `The newest Microsoft LIS download in my records is ${newest.version}${newest.released ? ` (${newest.released})` : ''}.` : '',
    ].filter(Boolean).join(' ');
    return reply({
      intent: 'lis_version',
      entities,
      answered: tips.length > 0,
      title: 'Which LIS do I have?',
      text: text || 'I have no records on reading the LIS version.',
      fields: downloads.slice(0, 6).map((r) => ({ label: `LIS ${r.version}`, value: r.released ?? 'date unknown' })),
      sources: [...tips.flatMap((t) => refSources(kb, t.sources)), ...(newest ? refSources(kb, newest.sources) : [])],
    });
  },
};
