import { UsageError, flag, stringListOption, stringOption, writeLine, type CliCommand } from '../command.ts';
import { renderPlainText } from '../../adapters/console/render-plain.ts';
import { diffKb } from '../../knowledge/diff.ts';
import { changeJson } from '../../knowledge/describe-change.ts';
import { lookupHost } from '../../knowledge/lookup.ts';
import { FEATURE_IDS, type FeatureId } from '../../knowledge/schema/index.ts';
import { filterChanges } from '../../digest/baseline.ts';
import { composeDigest, groupOf } from '../../digest/compose.ts';
import type { DigestFilters } from '../../digest/subscription.ts';
import { dateOption, familyArgument, knowledgeBase } from './kb-context.ts';

export const digestPreviewCommand: CliCommand = {
  name: 'digest preview',
  usage: 'lisbot digest preview --from DATE [--to DATE] [--family F]… [--host H]… [--feature ID]… [--limit N] [--json]',
  details:
    'DATE is YYYY-MM-DD: the KB as it stood then (--to defaults to today). The digest is what a subscribed channel would get, in full unless --limit caps it as chat does.\nExample: lisbot digest preview --from 2019-06-13 --to 2020-08-29 --family ubuntu',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    family: { type: 'string', multiple: true },
    host: { type: 'string', multiple: true },
    feature: { type: 'string', multiple: true },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  run(args, io) {
    if (args.positionals.length)
      throw new UsageError(`Unexpected "${args.positionals[0]!.slice(0, 40)}": give dates with --from and --to.`);
    const from = dateOption(args, 'from');
    if (!from) throw new UsageError('Give --from DATE (YYYY-MM-DD).');
    const to = dateOption(args, 'to') ?? new Date().toISOString().slice(0, 10);
    if (from > to) throw new UsageError(`--from (${from}) is after --to (${to}).`);
    const limitText = stringOption(args, 'limit');
    const limit = limitText === undefined ? Infinity : Number(limitText);
    if (!(limit >= 1) || (Number.isFinite(limit) && !Number.isInteger(limit)))
      throw new UsageError('--limit takes a whole number of lines, 1 or more.');
    const kb = knowledgeBase(io.env);
    const families = [...new Set(stringListOption(args, 'family').map((f) => familyArgument(kb, f).family))];
    const hosts = [
      ...new Set(
        stringListOption(args, 'host').map((h) => {
          const host = lookupHost(h);
          if (!host) throw new UsageError(`Unknown host "${h.slice(0, 40)}" (expected 2008 R2, 2012, 2012 R2, 2016, 2019, 2022 or 2025).`);
          return host;
        }),
      ),
    ];
    const features = [
      ...new Set(
        stringListOption(args, 'feature').map((f) => {
          if (!FEATURE_IDS.includes(f as FeatureId))
            throw new UsageError(`Unknown feature "${f.slice(0, 40)}". Features: ${FEATURE_IDS.join(', ')}.`);
          return f as FeatureId;
        }),
      ),
    ];
    const filters: DigestFilters = {
      ...(families.length ? { families } : {}),
      ...(hosts.length ? { hosts } : {}),
      ...(features.length ? { features } : {}),
    };
    const changes = filterChanges(diffKb(kb, from, to, filters), filters);
    if (flag(args, 'json')) {
      for (const change of changes) writeLine(io.stdout, JSON.stringify({ group: groupOf(change), ...changeJson(change) }));
      return Promise.resolve(0);
    }
    const digest = composeDigest(kb, changes, filters, {
      limit,
      quietWhenEmpty: false,
      since: `between ${from} and ${to}`,
      heading: 'lisbot digest preview',
      unbounded: true,
    });
    // One change per line under each group heading, for the terminal.
    const fields = digest!.fields.map((f) => ({
      label: f.label,
      value: `\n${f.value
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n')}`,
    }));
    writeLine(io.stdout, renderPlainText({ ...digest!, fields }).replace(/ +$/gm, ''));
    return Promise.resolve(0);
  },
};
