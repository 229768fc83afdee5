import * as z from 'zod';
import { BLOCK_KIT_LIMITS } from './limits.ts';

/**
 * What a button carries back. Values are small JSON documents, so a button works on any replica with no
 * server-side state: feedback carries the question and the answer's sources, "show more" how to rebuild the page.
 */

export const FeedbackValue = z.object({
  /** The question, shortened. */
  q: z.string().max(1500),
  /** The reply's intent. */
  i: z.string().max(40),
  /** Source ids of the answer. */
  s: z.array(z.string().max(200)).max(40),
});
export type FeedbackValue = z.infer<typeof FeedbackValue>;

/** How to rebuild a paginated reply: from a matrix action value, or by asking the question again. */
export const MoreOrigin = z.union([z.object({ m: z.string().max(100) }), z.object({ q: z.string().max(1500) })]);
export type MoreOrigin = z.infer<typeof MoreOrigin>;

export const MoreValue = z.object({ p: z.number().int().min(0).max(1000), o: MoreOrigin });
export type MoreValue = z.infer<typeof MoreValue>;

function fit(value: string): string {
  if (value.length > BLOCK_KIT_LIMITS.actionValue) throw new Error(`action value of ${value.length} characters`);
  return value;
}

export function encodeFeedback(value: FeedbackValue): string {
  const sources = [...value.s];
  let encoded = JSON.stringify({ ...value, q: value.q.slice(0, 700), s: sources });
  while (encoded.length > BLOCK_KIT_LIMITS.actionValue && sources.length > 0) {
    sources.pop();
    encoded = JSON.stringify({ ...value, q: value.q.slice(0, 700), s: sources });
  }
  return fit(encoded);
}

export function encodeMore(value: MoreValue): string {
  const origin = 'q' in value.o ? { q: value.o.q.slice(0, 1200) } : value.o;
  return fit(JSON.stringify({ p: value.p, o: origin }));
}

function decode<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (!value || value.length > BLOCK_KIT_LIMITS.actionValue) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const decodeFeedback = (value: string | undefined): FeedbackValue | undefined => decode(FeedbackValue, value);
export const decodeMore = (value: string | undefined): MoreValue | undefined => decode(MoreValue, value);
