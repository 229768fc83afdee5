import { CUES, matchesAny } from './cues.ts';

/** A span in backticks or quotes, as chat users quote a log line inside their own sentence. */
const QUOTED = /`([^`\n]{4,})`|"([^"\n]{4,})"|'([^'\n]{4,})'|“([^”\n]{4,})”/g;
/** A line stamped to the second, as `dmesg -T` and syslog print every line ("[Tue Mar  5 03:12:44 2024] …"). */
const STAMPED_LINE = /^\s*\[?(?:\w{3}\s+)?(?:\w{3}\s+\d{1,2}\s+)?\d{1,2}:\d\d:\d\d\b/;

export interface PastedLog {
  /** The pasted lines and quoted log spans. */
  readonly lines: string;
  /** The user's own words around them, a line per line of the message. */
  readonly prose: string;
}

/**
 * The log lines a message pastes, apart from the user's own words around them: each quoted span that looks like a log
 * line, else each line of the message that does. "A junior admin flagged it as an error" tells what a person thought of
 * the line; only the line itself can show a fault. Undefined when no line or span stands apart (a one-line message
 * that is the log line, or one whose log line is not set off).
 */
export function pastedLog(message: string): PastedLog | undefined {
  const lines: string[] = [];
  const prose: string[] = [];
  for (const line of message.split(/\r?\n/)) {
    const quoted = [...line.matchAll(QUOTED)].filter((m) => matchesAny(m[1] ?? m[2] ?? m[3] ?? m[4]!, CUES.logLine));
    if (quoted.length) {
      lines.push(...quoted.map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!));
      prose.push(quoted.reduce((rest, m) => rest.replace(m[0], ' '), line));
    } else if (matchesAny(line, CUES.logLine) || STAMPED_LINE.test(line)) lines.push(line);
    else prose.push(line);
  }
  if (lines.length === 0 || (lines.length === 1 && lines[0] === message)) return undefined;
  return { lines: lines.join('\n'), prose: prose.join('\n') };
}
