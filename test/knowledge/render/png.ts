import { decode } from 'fast-png';

export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly data: ArrayLike<number>;
}

/** Decodes a PNG to 8-bit pixels (what resvg writes: RGBA, 8 bits). */
export function decodePng(png: Uint8Array): Pixels {
  const image = decode(png);
  if (image.depth !== 8) throw new Error(`expected 8-bit PNG, got ${image.depth}`);
  return { width: image.width, height: image.height, channels: image.channels, data: image.data };
}

export function pixel(image: Pixels, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * image.width + Math.round(x)) * image.channels;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

export function hex(colour: string): [number, number, number] {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function near(a: readonly number[], b: readonly number[], tolerance = 12): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);
}

/** The share of pixels whose any channel differs by more than `threshold` (images must be the same size). */
export function differingShare(a: Pixels, b: Pixels, threshold = 48): number {
  let differing = 0;
  for (let p = 0; p < a.width * a.height; p++) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(a.data[p * a.channels + c]! - b.data[p * b.channels + c]!) > threshold) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.width * a.height);
}
