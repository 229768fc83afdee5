import type { KnowledgeBase } from '../knowledge/index.ts';
import { extractEntities } from './entities/extract.ts';
import { withoutDecoration } from './decoration.ts';
import { CUES, matchesAny } from './intent/cues.ts';
import { domainTermIn, paddedKey } from './intent/scope.ts';
import { withoutMailQuoting } from './mail-quoting.ts';
import { cleanQuestion, withoutChatMarkup } from './text.ts';

/** Whether a piece of a message names anything of lisbot's domain: a KB name, a host, a domain term or a log line. */
function namesSomething(kb: KnowledgeBase, text: string): boolean {
  const plain = withoutChatMarkup(text) || text;
  const extraction = extractEntities(kb, plain, { fuzzy: false });
  return (
    extraction.distros.length + extraction.features.length + extraction.hosts.length + extraction.lisReleases.length > 0 ||
    extraction.entities.kernel !== undefined ||
    matchesAny(plain, CUES.logLine) ||
    domainTermIn(paddedKey(plain)) !== undefined
  );
}

/**
 * The words a message asks with, as both the classifier's training and every answer read them: mail quoting,
 * control characters, decoration and chat markup removed.
 */
export function questionText(kb: KnowledgeBase, message: string): string {
  const cleaned = withoutDecoration(cleanQuestion(withoutMailQuoting(message)), (text) => namesSomething(kb, text));
  return withoutChatMarkup(cleaned) || cleaned;
}

/**
 * The message's lines, each cleaned of chat markup, for finding the sentence that asks: a chat log, a ticket or a list
 * tells one thing a line, often with no full stop ("lee: all fine here"). A one-line message is its question text.
 */
export function questionLines(question: string, message: string): string {
  if (!message.includes('\n')) return question;
  return (
    withoutMailQuoting(message)
      .split(/\r?\n/)
      // Code fences stay: pasted output between them is never the sentence that asks.
      .map((line) =>
        cleanQuestion(line)
          .split('```')
          .map((piece) => withoutChatMarkup(piece))
          .join('```')
          .trim(),
      )
      .filter(Boolean)
      .join('\n')
  );
}
