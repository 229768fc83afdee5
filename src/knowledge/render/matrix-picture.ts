import { createRequire } from 'node:module';
import type * as ResvgJs from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { KnowledgeBase } from '../knowledge-base.ts';
import { queryMatrix } from '../query/matrix.ts';
import type { DistroId, HostId } from '../schema/index.ts';
import { PICTURE_FONT_FAMILY, pictureFontFiles } from './fonts.ts';
import { pictureAltText, pictureModel, type MatrixPictureModel } from './matrix-model.ts';
import { matrixSvg, type CellBox } from './matrix-svg.ts';

const require = createRequire(import.meta.url);
/** The native renderer loads with the first picture: a bot that never draws one never loads it. */
const resvg = (): typeof ResvgJs => require('@resvg/resvg-js') as typeof ResvgJs;

/** Pixels per SVG unit: sharp on high-density screens, still small (a family picture is well under 1 MB). */
export const PICTURE_SCALE = 2;

export interface MatrixPictureOptions {
  readonly host?: HostId;
  readonly asOf?: string;
}

/** Everything about a family's picture except its pixels: cheap, synchronous. */
export interface MatrixDrawing {
  readonly svg: string;
  readonly altText: string;
  readonly filename: string;
  readonly model: MatrixPictureModel;
  /** The page version drawn. */
  readonly snapshot: string;
  /** Where each cell was drawn (SVG units; multiply by the scale for pixels). */
  readonly cells: readonly CellBox[];
}

export interface RasterImage {
  readonly png: Buffer;
  /** Pixel size of the PNG. */
  readonly width: number;
  readonly height: number;
}

export type MatrixPicture = MatrixDrawing & RasterImage;

function renderOptions(scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: pictureFontFiles(),
      defaultFontFamily: PICTURE_FONT_FAMILY,
      sansSerifFamily: PICTURE_FONT_FAMILY,
    },
    textRendering: 1,
    shapeRendering: 2,
    logLevel: 'off',
  };
}

/** Rasterises SVG with the bundled fonts only: the same pixels on a laptop, in CI and in the Docker image. */
export function rasterise(svg: string, scale = PICTURE_SCALE): RasterImage {
  const image = new (resvg().Resvg)(svg, renderOptions(scale)).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** The same off the main thread (libuv's pool), for servers: a family picture takes a few hundred ms of CPU. */
export async function rasteriseAsync(svg: string, scale = PICTURE_SCALE): Promise<RasterImage> {
  const image = await resvg().renderAsync(svg, renderOptions(scale));
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** The family's matrix (newest page, or as of a date; for one host or any) as SVG with alt text; undefined when no page lists it. */
export function drawMatrix(kb: KnowledgeBase, family: DistroId, options: MatrixPictureOptions = {}): MatrixDrawing | undefined {
  const matrix = queryMatrix(kb, family, { host: options.host, asOf: options.asOf });
  if (!matrix.snapshot || matrix.rows.length === 0) return undefined;
  const model = pictureModel(kb, matrix);
  const stem = [family, options.host?.replace(/\s+/g, '-').toLowerCase(), matrix.snapshot.era].filter(Boolean).join('-');
  const { svg, cells } = matrixSvg(model);
  return { svg, cells, altText: pictureAltText(model), filename: `lisbot-matrix-${stem}.png`, model, snapshot: matrix.snapshot.id };
}

export function renderMatrixPicture(
  kb: KnowledgeBase,
  family: DistroId,
  options: MatrixPictureOptions & { scale?: number } = {},
): MatrixPicture | undefined {
  const drawing = drawMatrix(kb, family, options);
  return drawing ? { ...drawing, ...rasterise(drawing.svg, options.scale) } : undefined;
}

export async function renderMatrixPictureAsync(
  kb: KnowledgeBase,
  family: DistroId,
  options: MatrixPictureOptions & { scale?: number } = {},
): Promise<MatrixPicture | undefined> {
  const drawing = drawMatrix(kb, family, options);
  return drawing ? { ...drawing, ...(await rasteriseAsync(drawing.svg, options.scale)) } : undefined;
}
