/** A UEK release as a key: "UEK R3 QU1" and "r3 qu1" → "r3qu1"; "UEK5", "UEK R5", "R5" and "R5U2" → "r5". */
export function uekKey(label: string): string | undefined {
  const squashed = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .replace(/^uek/, '');
  const match = /^r?(\d)(?:(?:qu?|u|update)(\d))?$/.exec(squashed);
  if (!match) return undefined;
  // R3 came in quarterly updates the matrix tells apart; a later release's update ("R6U1") is the release itself.
  const quarterly = match[2] && match[1] === '3';
  return `r${match[1]}${quarterly ? `qu${match[2]}` : ''}`;
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
