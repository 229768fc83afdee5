import { UsageError, type CliCommand } from '../command.ts';
import { collectorScript } from '../../check/collector/index.ts';

export const collectorCommand: CliCommand = {
  name: 'collector',
  usage: 'lisbot collector > lis-collect.sh',
  details: [
    'Copy lis-collect.sh into the VM and run it there: sh lis-collect.sh > lischeck.txt (as root it sees more).',
    'It only reads: no network, no writes, no module loading. Credentials (passwords, tokens, keys, user:pass@ in',
    'the kernel command line, mount options and files) are always removed; host names and addresses are redacted too.',
    'The script has options of its own (this command has none): sh lis-collect.sh --no-redact keeps host names',
    'and addresses; sh lis-collect.sh --help lists them all.',
    'Then check the result here with "lisbot check lischeck.txt", or upload it to the bot.',
  ].join('\n'),
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError('collector takes no arguments; redirect its output to a file.');
    const script = collectorScript();
    await new Promise<void>((resolve, reject) => {
      // A reader that stops early (lisbot collector | head) is not an error.
      io.stdout.write(script, (error) => (error && (error as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(error) : resolve()));
    });
    return 0;
  },
};
