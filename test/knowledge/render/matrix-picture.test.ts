import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawMatrix, rasterise, renderMatrixPicture, PICTURE_SCALE } from '../../../src/knowledge/render/matrix-picture.ts';
import { MARK_COLOURS } from '../../../src/knowledge/render/matrix-svg.ts';
import { fitText, textWidth, wrapText } from '../../../src/knowledge/render/text-metrics.ts';
import { fixtureKb } from '../../helpers/fixture-kb.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { decodePng, differingShare, hex, near, pixel } from './png.ts';

const GOLDEN_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'pictures');
/** Fonts are the bundled ones, so only anti-aliasing noise and a changed KB version hash in the footer may differ. */
const GOLDEN_TOLERANCE = 0.01;

function checkGolden(name: string, png: Buffer): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, png);
    if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`golden ${name} was missing and has been written; look at it and commit it`);
  }
  const golden = decodePng(readFileSync(file));
  const actual = decodePng(png);
  assert.deepEqual([actual.width, actual.height], [golden.width, golden.height], `${name}: size`);
  const share = differingShare(actual, golden);
  assert.ok(
    share <= GOLDEN_TOLERANCE,
    `${name}: ${(share * 100).toFixed(2)}% of pixels differ from the golden image (tolerance ${GOLDEN_TOLERANCE * 100}%)`,
  );
}

describe('matrix pictures', () => {
  test('every cell of the Ubuntu picture is painted in its mark colour, and the PNG has the SVG size at 2×', () => {
    const kb = realKb();
    const picture = renderMatrixPicture(kb, 'ubuntu');
    assert.ok(picture);
    const image = decodePng(picture.png);
    assert.equal(image.width, picture.width);
    const rows = picture.model.rows.length;
    const columns = picture.model.columns.length;
    assert.equal(picture.cells.length, rows * columns);
    assert.ok(rows >= 20 && columns >= 3, `${rows}×${columns}`);
    for (const cell of picture.cells) {
      const at = pixel(image, (cell.x + 3) * PICTURE_SCALE, (cell.y + cell.height - 4) * PICTURE_SCALE);
      assert.ok(near(at, hex(MARK_COLOURS[cell.mark].fill)), `row ${cell.row} column ${cell.column} (${cell.mark}) is ${at.join(',')}`);
    }
    // The corner is the white background, the title is dark ink.
    assert.ok(near(pixel(image, 2, 2), [255, 255, 255]));
    assert.ok(picture.cells.some((c) => c.mark === 'conditional') && picture.cells.some((c) => c.mark === 'available'));
  });

  test('a picture for one host marks what only other hosts have, and as of an older date draws the older page', () => {
    const kb = realKb();
    const onHost = drawMatrix(kb, 'sles', { host: '2012 R2' });
    assert.ok(onHost && onHost.cells.some((c) => c.mark === 'not-on-host'));
    assert.match(onHost.model.title, /on Windows Server 2012 R2/);
    const old = drawMatrix(kb, 'ubuntu', { asOf: '2019-06-13' });
    const now = drawMatrix(kb, 'ubuntu');
    assert.equal(old?.snapshot, 'ubuntu@2019-06-13');
    assert.notEqual(now?.snapshot, old.snapshot);
    assert.ok(old.model.columns.some((c) => c.versions.includes('14.04')));
    assert.match(old.svg, /Page version 2019-06-13/);
  });

  test('the picture names the page era, the source and every note number a cell shows', () => {
    const drawing = drawMatrix(realKb(), 'rhel');
    assert.ok(drawing);
    assert.match(drawing.svg, /Page version \d{4}-\d{2}-\d{2}/);
    assert.match(drawing.svg, /Source: Supported CentOS and Red Hat/);
    const shown = new Set(drawing.model.rows.flatMap((r) => r.cells.flatMap((c) => c.notes)));
    const listed = new Set(drawing.model.notes.map((n) => n.label));
    for (const label of shown) assert.ok(listed.has(label), `note ${label} is shown in a cell but not listed`);
    assert.match(drawing.altText, /Red Hat Enterprise Linux/);
  });

  test('hostile text in the KB is escaped in the SVG, and no family without a page is drawn', () => {
    const kb = fixtureKb();
    assert.equal(drawMatrix(kb, 'aix'), undefined);
    const drawing = drawMatrix(kb, 'ubuntu');
    assert.ok(drawing);
    const svg = drawing.svg.replace('Ubuntu: Hyper-V', '<script>&"x"</script>');
    assert.throws(() => rasterise(svg.replace('<svg', '<svg><broken')), /./);
    assert.doesNotMatch(drawing.svg.replace(/<\/?(svg|text|rect|path|line)\b[^>]*>/g, ''), /[<>]/);
  });

  test('the fixture pictures match their golden images', () => {
    const kb = fixtureKb();
    checkGolden('ubuntu-fixture.png', renderMatrixPicture(kb, 'ubuntu', { scale: 1 })!.png);
    checkGolden('rhel-fixture-2016.png', renderMatrixPicture(kb, 'rhel', { host: '2016', scale: 1 })!.png);
  });

  test('text is cut and wrapped to width', () => {
    assert.equal(fitText('short', 200, 12), 'short');
    const cut = fitText('a very long feature name that cannot fit', 80, 12);
    assert.ok(cut.endsWith('…') && textWidth(cut, 12) <= 80, cut);
    const lines = wrapText('one two three four five six seven eight nine ten eleven twelve', 90, 12, 2);
    assert.equal(lines.length, 2);
    assert.ok(lines[1]!.endsWith('…'));
  });
});
