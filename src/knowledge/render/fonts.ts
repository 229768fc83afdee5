import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The one family every picture is drawn in; shipped in an npm dependency so no system font is assumed. */
export const PICTURE_FONT_FAMILY = 'DejaVu Sans';

const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

let cached: string[] | undefined;

/** Absolute paths of the bundled TTF files (dejavu-fonts-ttf; Bitstream Vera licence, DejaVu changes public domain). */
export function pictureFontFiles(): string[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const files = FILES.map((name) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`picture font missing: ${missing.join(', ')} (reinstall dependencies: npm ci)`);
  cached = files;
  return files;
}
