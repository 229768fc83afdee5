import { UsageError, flag, stringListOption, writeLine, type CliCommand } from '../command.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { diffKb, diffSnapshots, type KbChange } from '../../knowledge/diff.ts';
import { changeJson, describeChange } from '../../knowledge/describe-change.ts';
import { lookupHost } from '../../knowledge/lookup.ts';
import type { DistroId, HostId } from '../../knowledge/schema/index.ts';
import { familyArgument, isCalendarDate, knowledgeBase } from './kb-context.ts';

const DATE_SHAPED = /^\d{4}-\d{1,2}-\d{1,2}$/;

function changesBetween(
  kb: KnowledgeBase,
  from: string,
  to: string,
  families: DistroId[] | undefined,
  hosts: HostId[] | undefined,
): KbChange[] {
  for (const given of [from, to]) {
    if (DATE_SHAPED.test(given) && !isCalendarDate(given)) throw new UsageError(`"${given}" is not a date: give a real day as YYYY-MM-DD.`);
  }
  if (isCalendarDate(from) && isCalendarDate(to)) {
    if (from > to) throw new UsageError(`FROM (${from}) is after TO (${to}).`);
    return diffKb(kb, from, to, { families, hosts });
  }
  const before = kb.snapshots.get(from);
  const after = kb.snapshots.get(to);
  if (!before || !after) {
    const missing = !before ? from : to;
    throw new UsageError(
      `"${missing.slice(0, 60)}" is neither a date (YYYY-MM-DD) nor a snapshot id. Snapshots: ${[...kb.snapshots.keys()].sort().join(', ')}`,
    );
  }
  const shared = before.families.filter((f) => after.families.includes(f) && (!families || families.includes(f)));
  return diffSnapshots(before, after, shared, { hosts });
}

export const kbDiffCommand: CliCommand = {
  name: 'kb diff',
  usage: 'lisbot kb diff FROM TO [--family F]… [--host H]… [--json]',
  details:
    'FROM and TO are dates (YYYY-MM-DD: the KB as it stood then) or snapshot ids such as ubuntu@2019-06-13.\nExample: lisbot kb diff ubuntu@2019-06-13 ubuntu@2020-08-29',
  options: { family: { type: 'string', multiple: true }, host: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  run(args, io) {
    const [from, to] = args.positionals;
    if (!from || !to) throw new UsageError('Give FROM and TO.');
    const kb = knowledgeBase(io.env);
    const familyNames = stringListOption(args, 'family');
    const families = familyNames.length ? familyNames.map((f) => familyArgument(kb, f).family) : undefined;
    const hostNames = stringListOption(args, 'host');
    const hosts = hostNames.length
      ? hostNames.map((h) => {
          const host = lookupHost(h);
          if (!host) throw new UsageError(`Unknown host "${h.slice(0, 40)}".`);
          return host;
        })
      : undefined;
    const changes = changesBetween(kb, from, to, families, hosts);
    if (flag(args, 'json')) {
      for (const change of changes) writeLine(io.stdout, JSON.stringify(changeJson(change)));
      return Promise.resolve(0);
    }
    if (changes.length === 0) writeLine(io.stdout, `No changes between ${from} and ${to}.`);
    for (const change of changes) writeLine(io.stdout, describeChange(kb, change));
    return Promise.resolve(0);
  },
};
