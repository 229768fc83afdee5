import { PICTURE_FONT_FAMILY } from './fonts.ts';
import { MARK_LABELS, type MatrixPictureModel, type PictureCell, type PictureMark } from './matrix-model.ts';
import { fitText, textWidth, wrapText, xml } from './text-metrics.ts';

/** Fill and ink of each mark. Shapes differ too (tick, cross, dash), so colour is never the only cue. */
export const MARK_COLOURS: Record<PictureMark, { fill: string; ink: string }> = {
  available: { fill: '#2e7d32', ink: '#ffffff' },
  conditional: { fill: '#f2b01e', ink: '#3b2a00' },
  'not-available': { fill: '#c62828', ink: '#ffffff' },
  'not-on-host': { fill: '#78909c', ink: '#ffffff' },
  'not-applicable': { fill: '#e6e6e6', ink: '#555555' },
  'no-data': { fill: '#ffffff', ink: '#777777' },
};

export const LAYOUT = {
  margin: 24,
  titleSize: 20,
  textSize: 13,
  smallSize: 11,
  rowHeight: 24,
  cellGap: 4,
  headerLineHeight: 15,
  minColumn: 62,
  maxFeatureColumn: 340,
  maxColumn: 150,
  noteLines: 2,
  maxNotes: 24,
  legendSwatch: 16,
  minWidth: 720,
} as const;

const BACKGROUND = '#ffffff';
const TEXT = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#d0d0d0';
const STRIPE = '#f6f7f9';

function text(
  x: number,
  y: number,
  content: string,
  size: number,
  options: { bold?: boolean; fill?: string; anchor?: 'start' | 'middle' | 'end' } = {},
): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}"${options.bold ? ' font-weight="bold"' : ''} fill="${options.fill ?? TEXT}"${options.anchor && options.anchor !== 'start' ? ` text-anchor="${options.anchor}"` : ''}>${xml(content)}</text>`;
}

/** The mark drawn inside a swatch of the given box. */
function glyph(mark: PictureMark, x: number, y: number, w: number, h: number, label: string): string {
  const { ink } = MARK_COLOURS[mark];
  const cx = x + w / 2;
  const cy = y + h / 2;
  const s = Math.min(h, 18) / 2 - 3;
  switch (mark) {
    case 'available':
      return `<path d="M${cx - s} ${cy} L${cx - s / 3} ${cy + s * 0.7} L${cx + s} ${cy - s * 0.7}" stroke="${ink}" stroke-width="2.4" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
    case 'conditional': {
      const tick = `<path d="M${x + 6} ${cy} L${x + 9} ${cy + 3.5} L${x + 14} ${cy - 3.5}" stroke="${ink}" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
      return `${tick}${text(x + 18, cy + 4, label, LAYOUT.smallSize, { bold: true, fill: ink })}`;
    }
    case 'not-available':
      return `<path d="M${cx - s * 0.7} ${cy - s * 0.7} L${cx + s * 0.7} ${cy + s * 0.7} M${cx + s * 0.7} ${cy - s * 0.7} L${cx - s * 0.7} ${cy + s * 0.7}" stroke="${ink}" stroke-width="2.2" stroke-linecap="round"/>`;
    case 'not-on-host':
      return `<path d="M${cx - s} ${cy} L${cx + s} ${cy}" stroke="${ink}" stroke-width="2.4" stroke-linecap="round"/>`;
    case 'not-applicable':
      return text(cx, cy + 4, 'n/a', LAYOUT.smallSize, { fill: ink, anchor: 'middle' });
    case 'no-data':
      return text(cx, cy + 4, '?', LAYOUT.smallSize + 1, { fill: ink, anchor: 'middle' });
  }
}

function swatch(mark: PictureMark, x: number, y: number, w: number, h: number, label = ''): string {
  const { fill } = MARK_COLOURS[mark];
  const border = mark === 'no-data' ? ` stroke="${RULE}" stroke-width="1"` : '';
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="${fill}"${border}/>${glyph(mark, x, y, w, h, label)}`;
}

function cellLabel(cell: PictureCell, width: number): string {
  return fitText(cell.notes.join(','), width - 22, LAYOUT.smallSize, true);
}

/** Where one cell's swatch was drawn, in SVG units. */
export interface CellBox {
  readonly row: number;
  readonly column: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly mark: PictureMark;
}

/** The whole picture as SVG: title, column headers, the grid, a legend, the notes and the source. */
export function matrixSvg(model: MatrixPictureModel): { svg: string; width: number; height: number; cells: CellBox[] } {
  const L = LAYOUT;
  const featureWidth = Math.min(L.maxFeatureColumn, Math.max(120, ...model.rows.map((r) => textWidth(r.feature, L.textSize))) + 16);
  const columnWidth = Math.min(
    L.maxColumn,
    Math.max(
      L.minColumn,
      ...model.columns.flatMap((c) => [textWidth(c.versions, L.smallSize + 1, true), textWidth(c.how, L.smallSize)]).map((w) => w + 12),
    ),
  );
  const gridWidth = featureWidth + columnWidth * model.columns.length;
  const width = Math.ceil(Math.max(L.minWidth, gridWidth + 2 * L.margin));
  const inner = width - 2 * L.margin;
  const parts: string[] = [];
  let y = L.margin + L.titleSize;
  for (const [i, line] of wrapText(model.title, inner, L.titleSize * 1.08, 2).entries()) {
    parts.push(text(L.margin, y + i * (L.titleSize + 4), line, L.titleSize, { bold: true }));
    if (i > 0) y += L.titleSize + 4;
  }
  y += 20;
  for (const line of wrapText(model.subtitle, inner, L.textSize, 2)) {
    parts.push(text(L.margin, y, line, L.textSize, { fill: MUTED }));
    y += 17;
  }
  y += 1;

  // Column headers: versions (bold) over how the release gets integration services.
  const headerTop = y;
  model.columns.forEach((column, i) => {
    const cx = L.margin + featureWidth + columnWidth * i + columnWidth / 2;
    parts.push(
      text(cx, headerTop + L.headerLineHeight, fitText(column.versions, columnWidth - 6, L.smallSize + 1, true), L.smallSize + 1, {
        bold: true,
        anchor: 'middle',
      }),
    );
    parts.push(
      text(cx, headerTop + 2 * L.headerLineHeight, fitText(column.how, columnWidth - 6, L.smallSize), L.smallSize, {
        fill: MUTED,
        anchor: 'middle',
      }),
    );
  });
  parts.push(text(L.margin + 4, headerTop + 2 * L.headerLineHeight, 'Feature', L.textSize, { bold: true }));
  y = headerTop + 2 * L.headerLineHeight + 8;
  parts.push(`<line x1="${L.margin}" y1="${y}" x2="${L.margin + gridWidth}" y2="${y}" stroke="${RULE}"/>`);

  const gridTop = y;
  const cells: CellBox[] = [];
  model.rows.forEach((row, r) => {
    const top = gridTop + r * L.rowHeight;
    if (r % 2 === 1) parts.push(`<rect x="${L.margin}" y="${top}" width="${gridWidth}" height="${L.rowHeight}" fill="${STRIPE}"/>`);
    parts.push(text(L.margin + 4, top + L.rowHeight / 2 + 4.5, fitText(row.feature, featureWidth - 10, L.textSize), L.textSize));
    row.cells.forEach((cell, c) => {
      const x = L.margin + featureWidth + columnWidth * c + L.cellGap / 2;
      parts.push(
        swatch(
          cell.mark,
          x,
          top + L.cellGap / 2,
          columnWidth - L.cellGap,
          L.rowHeight - L.cellGap,
          cellLabel(cell, columnWidth - L.cellGap),
        ),
      );
      cells.push({
        row: r,
        column: c,
        x,
        y: top + L.cellGap / 2,
        width: columnWidth - L.cellGap,
        height: L.rowHeight - L.cellGap,
        mark: cell.mark,
      });
      if (cell.mark !== 'conditional' && cell.notes.length > 0) {
        parts.push(
          text(x + columnWidth - L.cellGap - 3, top + 12, cell.notes.join(','), 9, { fill: MARK_COLOURS[cell.mark].ink, anchor: 'end' }),
        );
      }
    });
  });
  y = gridTop + model.rows.length * L.rowHeight;
  parts.push(`<line x1="${L.margin}" y1="${y}" x2="${L.margin + gridWidth}" y2="${y}" stroke="${RULE}"/>`);
  y += 22;

  // Legend, wrapped over as many lines as the width needs.
  let x = L.margin;
  for (const mark of Object.keys(MARK_LABELS) as PictureMark[]) {
    const label = MARK_LABELS[mark];
    const item = L.legendSwatch * 2 + 8 + textWidth(label, L.smallSize + 1) + 18;
    if (x + item > L.margin + inner && x > L.margin) {
      x = L.margin;
      y += 22;
    }
    parts.push(swatch(mark, x, y - 12, L.legendSwatch * 2, L.legendSwatch, mark === 'conditional' ? 'n' : ''));
    parts.push(text(x + L.legendSwatch * 2 + 6, y + 1, label, L.smallSize + 1));
    x += item;
  }
  y += 24;

  const shown = model.notes.slice(0, L.maxNotes);
  if (shown.length > 0) {
    parts.push(text(L.margin, y, 'Notes', L.textSize, { bold: true }));
    y += 17;
    for (const note of shown) {
      const lines = wrapText(note.text, inner - 36, L.smallSize + 1, L.noteLines);
      parts.push(text(L.margin, y, note.label, L.smallSize + 1, { bold: true }));
      lines.forEach((line, i) => parts.push(text(L.margin + 32, y + i * 15, line, L.smallSize + 1)));
      y += lines.length * 15 + 3;
    }
    if (model.notes.length > shown.length) {
      parts.push(
        text(L.margin, y, `… and ${model.notes.length - shown.length} more notes in the text below.`, L.smallSize + 1, { fill: MUTED }),
      );
      y += 15;
    }
    y += 8;
  }
  for (const line of model.footer) {
    parts.push(text(L.margin, y, fitText(line, inner, L.smallSize), L.smallSize, { fill: MUTED }));
    y += 15;
  }
  const height = Math.ceil(y + L.margin - 10);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${PICTURE_FONT_FAMILY}">` +
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>${parts.join('')}</svg>`;
  return { svg, width, height, cells };
}
