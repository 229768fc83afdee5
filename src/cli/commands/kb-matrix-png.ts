import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeLine, type CliIo } from '../command.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { renderMatrixPictureAsync } from '../../knowledge/render/matrix-picture.ts';
import type { DistroId, HostId } from '../../knowledge/schema/index.ts';

/** `kb matrix FAMILY --png FILE`: writes the family's matrix as a picture; "-" writes the PNG to stdout. */
export async function writeMatrixPng(
  kb: KnowledgeBase,
  family: DistroId,
  options: { host?: HostId; asOf?: string },
  file: string,
  io: CliIo,
): Promise<number> {
  const picture = await renderMatrixPictureAsync(kb, family, options);
  if (!picture) {
    writeLine(io.stderr, `No matrix lists ${kb.familyName(family)}${options.asOf ? ` as of ${options.asOf}` : ''}: nothing to draw.`);
    return 1;
  }
  if (file === '-') {
    io.stdout.write(picture.png);
    return 0;
  }
  try {
    await writeFile(file, picture.png);
  } catch (error) {
    writeLine(io.stderr, `Could not write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 1;
  }
  writeLine(
    io.stdout,
    `Wrote ${resolve(file)}: ${picture.width}×${picture.height} px, ${(picture.png.length / 1024).toFixed(0)} KiB, page version ${picture.snapshot}.`,
  );
  writeLine(io.stdout, `Alt text: ${picture.altText}`);
  return 0;
}
