import { MemoryTextRefs, type TextRefs } from '../../state/text-refs.ts';

/** What a 👍/👎 button records: the question it answered and the sources it cited. */
export interface FeedbackContext {
  readonly question: string;
  readonly intent: string;
  readonly sources: readonly string[];
}

type Entry = { readonly kind: 'choose'; readonly value: string } | ({ readonly kind: 'feedback' } & FeedbackContext);

/**
 * Button payloads too long for a 100-character custom_id, kept under a short key in a TextRefs store: in Redis
 * when replicas run, so a button rendered by one replica works when its press reaches another. A button whose key
 * has expired answers "ask again".
 */
export class ButtonState {
  constructor(private readonly refs: TextRefs = new MemoryTextRefs(24 * 60 * 60 * 1000)) {}

  putChoice(value: string): string {
    return this.put({ kind: 'choose', value });
  }

  putFeedback(context: FeedbackContext): string {
    return this.put({ kind: 'feedback', question: context.question, intent: context.intent, sources: [...context.sources] });
  }

  async choice(key: string): Promise<string | undefined> {
    const entry = await this.get(key);
    return entry?.kind === 'choose' && typeof entry.value === 'string' ? entry.value : undefined;
  }

  async feedback(key: string): Promise<FeedbackContext | undefined> {
    const entry = await this.get(key);
    if (entry?.kind !== 'feedback' || typeof entry.question !== 'string') return undefined;
    return {
      question: entry.question,
      intent: String(entry.intent),
      sources: Array.isArray(entry.sources) ? entry.sources.map(String) : [],
    };
  }

  private put(entry: Entry): string {
    return this.refs.put(JSON.stringify(entry));
  }

  private async get(key: string): Promise<Entry | undefined> {
    const text = await this.refs.get(key);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as Entry;
    } catch {
      return undefined;
    }
  }
}
