// The 布局规划图 annex in Word and Excel: the map panels drawn to PNG by the system Chromium
// (as the CLI and the loopback host do), embedded as pictures, and read back from the zip:
// valid PNGs of the expected size, not blank, referenced from the document and the sheet.
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { chromiumPrinter, chromiumRasteriser } from '../../electron/backend/annex/chromium';
import { mapPanelSize } from '../../electron/backend/annex/map-svg';
import { ANNEX_IMAGE_SCALE, pngSize } from '../../electron/backend/annex/raster';
import type { AnnexExportResult } from '../../shared/annex';
import { openSampleCounty, resultOf } from '../helpers/backend';

let dir: string;
let backend: Backend;
let plan: number;

beforeAll(async () => {
  ({ dir, backend } = await openSampleCounty('csp-annex-map-image-', { printPdf: chromiumPrinter(), rasterise: chromiumRasteriser() }));
  plan = (await resultOf<{ id: number }>(backend.dispatch('plan.create', { name: '十五五' }))).id;
});
afterAll(() => backend?.close());

async function exported(format: 'docx' | 'xlsx', file: string, b: Backend = backend): Promise<Record<string, Uint8Array>> {
  const out = path.join(dir, file);
  await resultOf<AnnexExportResult>(b.dispatch('annex.export', { format, outPath: out, plan, annexes: [{ kind: 'layout-map', paper: 'A4 portrait' }] }));
  return unzipSync(new Uint8Array(fs.readFileSync(out)));
}

/** Share of the image's bytes (filter bytes included) that are not white: a blank map has none. */
function inkShare(png: Uint8Array): number {
  const chunks: Buffer[] = [];
  const buf = Buffer.from(png);
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  let ink = 0;
  for (const byte of raw) if (byte !== 0xff && byte !== 0) ink += 1;
  return ink / raw.length;
}

const expected = () => {
  const size = mapPanelSize('A4 portrait');
  return { width: size.width * ANNEX_IMAGE_SCALE, height: size.height * ANNEX_IMAGE_SCALE };
};

/** Relationship id → target of a .rels part. */
const rels = (xml: string) => new Map([...xml.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));

describe('the map annex in Word', () => {
  it('carries 现状 and 规划 as PNG pictures of the PDF map size, placed inline from document.xml', async () => {
    const zip = await exported('docx', '布局图.docx');
    const media = Object.keys(zip).filter((n) => /^word\/media\/.+\.png$/.test(n)).sort();
    expect(media).toEqual(['word/media/map1.png', 'word/media/map2.png']);
    for (const name of media) {
      const png = zip[name]!;
      expect(pngSize(png)).toEqual(expected());
      expect(inkShare(png)).toBeGreaterThan(0.02);
    }
    fs.writeFileSync(path.join(dir, 'map1.png'), zip['word/media/map1.png']!);
    if (process.env.CSP_KEEP_MAP_PNG) fs.copyFileSync(path.join(dir, 'map1.png'), process.env.CSP_KEEP_MAP_PNG);

    const document = strFromU8(zip['word/document.xml']!);
    const links = rels(strFromU8(zip['word/_rels/document.xml.rels']!));
    const embedded = [...document.matchAll(/<a:blip r:embed="([^"]+)"/g)].map((m) => links.get(m[1]!));
    expect(embedded).toEqual(['media/map1.png', 'media/map2.png']);
    expect(strFromU8(zip['[Content_Types].xml']!)).toContain('<Default Extension="png" ContentType="image/png"/>');
    // Placed at the PDF's width, the type area's 156 mm (36,000 EMU per mm), in the same proportion as the PNG.
    const extent = document.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/);
    expect(Number(extent?.[1])).toBe(156 * 36_000);
    expect(Number(extent?.[2]) / Number(extent?.[1])).toBeCloseTo(expected().height / expected().width, 3);
    // Captions before each picture, the coverage table after both, the note saying what the picture is.
    const text = [...document.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const captions = [...text.matchAll(/(?<!、)(现状|规划)（\d{4}年）/g)].map((m) => m[1]);
    expect(captions).toEqual(['现状', '规划']);
    expect(document.indexOf('现状（')).toBeLessThan(document.indexOf('name="map1.png"'));
    expect(document.indexOf('规划（')).toBeLessThan(document.indexOf('name="map2.png"'));
    expect(text).toContain('布局图为位图（192 dpi），矢量图见 PDF 版');
    expect(document.indexOf('map2.png')).toBeLessThan(document.indexOf('<w:tbl>'));
    // Two browsers start for the two maps: slow on a loaded machine.
  }, 180_000);
});

describe('the map annex in Excel', () => {
  it('anchors both maps under the coverage table through the sheet’s drawing', async () => {
    const zip = await exported('xlsx', '布局图.xlsx');
    const media = Object.keys(zip).filter((n) => /^xl\/media\/.+\.png$/.test(n)).sort();
    expect(media).toEqual(['xl/media/map1.png', 'xl/media/map2.png']);
    for (const name of media) expect(pngSize(zip[name]!)).toEqual(expected());

    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<drawing r:id="rIdDrawing"/>');
    expect(rels(strFromU8(zip['xl/worksheets/_rels/sheet1.xml.rels']!)).get('rIdDrawing')).toBe('../drawings/drawing1.xml');
    const drawing = strFromU8(zip['xl/drawings/drawing1.xml']!);
    const links = rels(strFromU8(zip['xl/drawings/_rels/drawing1.xml.rels']!));
    expect([...drawing.matchAll(/r:embed="([^"]+)"/g)].map((m) => links.get(m[1]!))).toEqual(['../media/map1.png', '../media/map2.png']);
    expect(strFromU8(zip['[Content_Types].xml']!)).toContain('/xl/drawings/drawing1.xml');

    // The workbook still reads, with the table above the captions of the maps.
    const book = XLSX.read(Buffer.from(fs.readFileSync(path.join(dir, '布局图.xlsx'))));
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, blankrows: true });
    const firstCells = rows.map((r) => String(r[0] ?? ''));
    const caption = firstCells.findIndex((c) => /^现状（\d{4}年）$/.test(c));
    expect(caption).toBeGreaterThan(firstCells.findIndex((c) => c.startsWith('注')));
    // The first picture starts on the row under its caption (anchor rows count from 0, the list's index from row 1).
    const anchorRow = Number(drawing.match(/<xdr:row>(\d+)<\/xdr:row>/)?.[1]);
    expect(anchorRow).toBe(caption + 1);
  }, 180_000);
});

describe('without a rasteriser', () => {
  it('keeps the coverage table and says why the map is missing', async () => {
    const plain = await openSampleCounty('csp-annex-map-plain-');
    try {
      const id = (await resultOf<{ id: number }>(plain.backend.dispatch('plan.create', { name: '十五五' }))).id;
      const out = path.join(plain.dir, '布局图.docx');
      await resultOf(plain.backend.dispatch('annex.export', { format: 'docx', outPath: out, plan: id, annexes: [{ kind: 'layout-map' }] }));
      const zip = unzipSync(new Uint8Array(fs.readFileSync(out)));
      expect(Object.keys(zip).some((n) => n.startsWith('word/media/'))).toBe(false);
      expect(strFromU8(zip['word/document.xml']!)).toContain('布局图见 PDF 版。当前运行方式不能生成地图图片。');
    } finally {
      plain.backend.close();
    }
  });

  it('says the images failed when the browser cannot be started, and still writes the file', async () => {
    const broken = await openSampleCounty('csp-annex-map-broken-', { rasterise: chromiumRasteriser({ binary: '/nonexistent/chromium' }) });
    try {
      const id = (await resultOf<{ id: number }>(broken.backend.dispatch('plan.create', { name: '十五五' }))).id;
      const out = path.join(broken.dir, '布局图.docx');
      await resultOf(broken.backend.dispatch('annex.export', { format: 'docx', outPath: out, plan: id, annexes: [{ kind: 'layout-map' }] }));
      const zip = unzipSync(new Uint8Array(fs.readFileSync(out)));
      expect(strFromU8(zip['word/document.xml']!)).toContain('地图图片未能生成（Chromium 未能生成图片');
    } finally {
      broken.backend.close();
    }
  });
});
