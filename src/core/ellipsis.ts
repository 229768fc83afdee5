/**
 * Shortens text to at most `max` characters for a label or a cell: at a word boundary when one is near, always
 * ending in "…" when anything was cut, so a reader can tell the text goes on.
 */
export function ellipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const room = text.slice(0, max - 1);
  // A room that ends at a word's end (a space follows) keeps that word.
  const space = text[max - 1] === ' ' ? room.length : room.lastIndexOf(' ');
  const cut = space >= max * 0.6 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}
