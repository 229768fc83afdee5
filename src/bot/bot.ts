import type { KnowledgeBase } from '../knowledge/index.ts';
import { answerQuestion } from './answer.ts';
import { MemoryContextStore, type ContextStore } from '../core/context-store.ts';
import type { Reply } from '../core/reply.ts';

/** A message as every adapter hands it over. */
export interface IncomingMessage {
  readonly text: string;
  /** The thread, DM or console session the message belongs to: the context key. */
  readonly conversation: string;
  readonly user?: string;
  readonly platform?: 'slack' | 'discord' | 'console' | 'cli';
}

export interface AnsweredMessage {
  readonly reply: Reply;
  readonly confidence: number;
  readonly latencyMs: number;
}

/** The core the adapters talk to: conversation context around the pure question answerer. */
export class Bot {
  constructor(
    private readonly knowledgeBase: () => KnowledgeBase,
    private readonly contexts: ContextStore = new MemoryContextStore(),
    private readonly onAnswer?: (message: IncomingMessage, answer: AnsweredMessage) => void,
  ) {}

  get kb(): KnowledgeBase {
    return this.knowledgeBase();
  }

  async ask(message: IncomingMessage): Promise<AnsweredMessage> {
    const started = performance.now();
    const context = await this.contexts.get(message.conversation);
    const answer = answerQuestion(this.knowledgeBase(), message.text, context);
    if (answer.context) await this.contexts.set(message.conversation, answer.context);
    const answered = { reply: answer.reply, confidence: answer.confidence, latencyMs: performance.now() - started };
    this.onAnswer?.(message, answered);
    return answered;
  }
}
