/** A UEK release as a key: "UEK R3 QU1" and "r3 qu1" → "r3qu1"; "UEK5", "UEK R5" and "R5" → "r5". */
export function uekKey(label: string): string | undefined {
  const squashed = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .replace(/^uek/, '');
  const match = /^r?(\d)(?:q(?:u)?(\d))?$/.exec(squashed);
  if (!match) return undefined;
  return `r${match[1]}${match[2] ? `qu${match[2]}` : ''}`;
}

/** "r3qu1" → "UEK R3 QU1". */
export function uekLabel(key: string): string {
  return `UEK ${uekRelease(key)}`;
}

/** "r3qu1" → "R3 QU1", as the Oracle page heads its columns. */
export function uekRelease(key: string): string {
  const match = /^r(\d)(?:qu(\d))?$/.exec(key);
  return match ? `R${match[1]}${match[2] ? ` QU${match[2]}` : ''}` : key.toUpperCase();
}
