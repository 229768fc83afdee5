/**
 * Approximate advance widths of DejaVu Sans, in ems, by character class. Good to a few per cent for the
 * Latin text of a matrix; layout leaves slack for the difference.
 */
const NARROW = new Set([..."iljtfI.,:;'|!()[] "]);
const WIDE = new Set([...'mwMW@%']);

function charWidth(char: string, bold: boolean): number {
  let em: number;
  if (NARROW.has(char)) em = 0.32;
  else if (WIDE.has(char)) em = 0.92;
  else if (/[A-Z]/.test(char)) em = 0.7;
  else if (/[0-9]/.test(char)) em = 0.64;
  else if (/[a-z]/.test(char)) em = 0.6;
  else em = 0.66;
  return bold ? em * 1.08 : em;
}

export function textWidth(text: string, fontSize: number, bold = false): number {
  let width = 0;
  for (const char of text) width += charWidth(char, bold);
  return width * fontSize * 1.05;
}

/** Cuts text to fit a width, ending with an ellipsis when cut. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Wraps text into at most maxLines lines of maxWidth; the last line is cut with an ellipsis when text remains. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const [i, word] of words.entries()) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth || !line) {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(fitText(`${line} ${words.slice(i).join(' ')}`, maxWidth, fontSize));
      return lines;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(fitText(line, maxWidth, fontSize));
  return lines;
}

/** Escapes text for an SVG text node or attribute. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
