/** "LIS 4.3.5", "lis4.1.3-2", "BIS 3.5", "linux integration services v4.2": a Microsoft LIS release named in a question. */
const LIS_RELEASE =
  /\b(?:lis|bis|linux integration services|integration services)\s*(?:v|version|release)?\s*-?\s*(\d{1,2}\.\d{1,2}(?:\.\d{1,2}){0,2}(?:-\d{1,2})?)(?![\d.])/g;

export interface LisMentions {
  readonly releases: readonly string[];
  /** The text with each release replaced by a marker word. */
  readonly rest: string;
}

export function extractLisMentions(lowered: string, marker: string): LisMentions {
  const releases: string[] = [];
  const rest = lowered.replace(LIS_RELEASE, (_match, version: string) => {
    releases.push(version);
    return ` ${marker} `;
  });
  return { releases: [...new Set(releases)], rest };
}
