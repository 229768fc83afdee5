import * as z from 'zod';
import type { TextRefs } from '../../../state/text-refs.ts';
import { BLOCK_KIT_LIMITS } from './limits.ts';

/**
 * What a button carries back. Values are small JSON documents: feedback carries the question and the answer's
 * sources, "show more" how to rebuild the page. A question too long to carry whole goes by reference (`r`, see
 * TextRefs, shared by the replicas through Redis) instead of being cut.
 */

export const FeedbackValue = z.object({
  /** The question, shortened when it goes by reference too. */
  q: z.string().max(1500),
  /** A reference to the whole question, when it is too long to carry. */
  r: z.string().max(40).optional(),
  /** The reply's intent. */
  i: z.string().max(40),
  /** Source ids of the answer. */
  s: z.array(z.string().max(200)).max(40),
});
export type FeedbackValue = z.infer<typeof FeedbackValue>;

/** How to rebuild a paginated reply: from a matrix action value, or by asking the question again. */
export const MoreOrigin = z.union([
  z.object({ m: z.string().max(100) }),
  z.object({ q: z.string().max(1500) }),
  z.object({ r: z.string().max(40) }),
]);
export type MoreOrigin = z.infer<typeof MoreOrigin>;

export const MoreValue = z.object({ p: z.number().int().min(0).max(1000), o: MoreOrigin });
export type MoreValue = z.infer<typeof MoreValue>;

/**
 * User text as a value carries it: control characters and unpaired surrogates (which JSON escapes six characters
 * each, and which mean nothing to the answer) are dropped.
 */
export function valueText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
  );
}

/** The first `length` UTF-16 units of a text, one fewer if that would split a surrogate pair. */
function cut(text: string, length: number): string {
  const end = length > 0 && /[\ud800-\udbff]/.test(text[length - 1] ?? '') ? length - 1 : length;
  return text.slice(0, end);
}

/**
 * The JSON of `build(text)` within the action value limit, by construction: the text is shortened (binary search on
 * its length) until the encoding fits, however much its characters grow when escaped.
 */
export function fitJson(build: (text: string) => unknown, text: string, limit: number = BLOCK_KIT_LIMITS.actionValue): string {
  const clean = valueText(text);
  const whole = JSON.stringify(build(clean));
  if (whole.length <= limit) return whole;
  let low = 0;
  let high = clean.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (JSON.stringify(build(cut(clean, middle))).length <= limit) low = middle;
    else high = middle - 1;
  }
  const fitted = JSON.stringify(build(cut(clean, low)));
  if (fitted.length > limit) throw new Error(`an action value cannot fit even without its text (${fitted.length} characters)`);
  return fitted;
}

/** Longest question a value carries itself; a longer one goes by reference when a TextRefs store is at hand. */
const FEEDBACK_QUESTION_CHARS = 700;
const MORE_QUESTION_CHARS = 1200;
const PREVIEW_CHARS = 200;

export function encodeFeedback(value: FeedbackValue, refs?: TextRefs): string {
  const sources = [...value.s];
  const clean = valueText(value.q);
  const byRef = refs !== undefined && clean.length > FEEDBACK_QUESTION_CHARS;
  const q = cut(clean, byRef ? PREVIEW_CHARS : FEEDBACK_QUESTION_CHARS);
  const extra = byRef ? { r: refs.put(value.q) } : {};
  // Sources give way first (they can be looked up again from the question), then the question itself.
  while (sources.length > 0 && JSON.stringify({ ...value, ...extra, q: '', s: sources }).length > BLOCK_KIT_LIMITS.actionValue / 2)
    sources.pop();
  return fitJson((text) => ({ ...value, ...extra, q: text, s: sources }), q);
}

export function encodeMore(value: MoreValue, refs?: TextRefs): string {
  if ('q' in value.o) {
    const clean = valueText(value.o.q);
    if (refs && clean.length > MORE_QUESTION_CHARS) return JSON.stringify({ p: value.p, o: { r: refs.put(value.o.q) } });
    return fitJson((text) => ({ p: value.p, o: { q: text } }), cut(clean, MORE_QUESTION_CHARS));
  }
  return fitJson(() => ({ p: value.p, o: value.o }), '');
}

/** The whole question a feedback value stands for: from its reference when it has one and it is still kept. */
export async function feedbackQuestion(value: FeedbackValue, refs?: TextRefs): Promise<string> {
  return (value.r && (await refs?.get(value.r))) || value.q;
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
