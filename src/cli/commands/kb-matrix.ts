import { flag, writeLine, type CliCommand } from '../command.ts';
import { describeVersionItems } from '../../knowledge/version.ts';
import { queryMatrix } from '../../knowledge/query/matrix.ts';
import { asOfOption, familyArgument, hostOption, knowledgeBase } from './kb-context.ts';
import { writeMatrixPng } from './kb-matrix-png.ts';
import { stringOption } from '../command.ts';
import { layoutWideTable, outputWidth } from '../table-layout.ts';

const MARK = { available: '✔', 'not-available': '✖', 'not-applicable': '–', 'not-on-host': '·', 'no-data': '?' } as const;
const LEGEND = 'Legend: ✔ available   ✖ not available   · only on hosts other than --host   – not applicable   ? no data';

export const kbMatrixCommand: CliCommand = {
  name: 'kb matrix',
  usage: 'lisbot kb matrix FAMILY [--host HOST] [--as-of YYYY-MM-DD|SNAPSHOT-ID] [--json | --png FILE]',
  details: [
    'Without --host a ✔ means available on at least one host the row lists; with --host, on that host. "·" marks a feature the row offers only on other hosts.',
    'The table fits the terminal (or COLUMNS when piped): releases that do not fit go to further blocks. --json gives every cell.',
    '--png FILE draws the grid as a picture (FILE "-" writes it to stdout).',
  ].join('\n'),
  options: { host: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' }, png: { type: 'string' } },
  run(args, io) {
    const kb = knowledgeBase(io.env);
    const { family } = familyArgument(kb, args.positionals[0]);
    const png = stringOption(args, 'png');
    if (png !== undefined) return writeMatrixPng(kb, family, { host: hostOption(args), asOf: asOfOption(kb, args) }, png, io);
    const matrix = queryMatrix(kb, family, { host: hostOption(args), asOf: asOfOption(kb, args) });
    if (flag(args, 'json')) {
      writeLine(
        io.stdout,
        JSON.stringify({
          family,
          host: matrix.host,
          snapshot: matrix.snapshot?.id,
          columns: matrix.columns.map((c) => ({ key: c.key, header: c.header, integration: c.integration })),
          rows: matrix.rows.map((r) => ({
            feature: r.feature,
            cells: r.cells.map((c) => ({ status: c.status, hosts: c.hosts, notes: c.notes.map((n) => n.citation) })),
          })),
        }),
      );
      return Promise.resolve(0);
    }
    if (!matrix.snapshot) {
      writeLine(io.stderr, `No matrix lists ${kb.familyName(family)}.`);
      return Promise.resolve(1);
    }
    const table = layoutWideTable(
      {
        labelHeader: 'Feature',
        labels: matrix.rows.map((r) => kb.featureName(r.feature)),
        headers: matrix.columns.map((c) => {
          const how = c.integration.kind === 'download' ? (c.integration.package ?? 'LIS') : c.integration.kind;
          return [`${describeVersionItems(c.versions)}${c.kernel ? ` ${c.kernel.label ?? c.kernel.flavor}` : ''}`, how];
        }),
        cells: matrix.rows.map((r) => r.cells.map((c) => MARK[c.status])),
      },
      outputWidth(io.stdout, io.env),
    );
    const lines = [
      `${kb.familyName(family)} — ${matrix.snapshot.id}${matrix.host ? ` — host ${matrix.host}` : ''}`,
      '',
      ...table,
      '',
      LEGEND,
    ];
    lines.push('', `Source: ${matrix.snapshot.source}`);
    writeLine(io.stdout, lines.join('\n'));
    return Promise.resolve(0);
  },
};
