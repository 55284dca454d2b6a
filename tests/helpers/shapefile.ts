// Writes small polygon shapefiles (.shp, .shx, .dbf with text fields, optional .prj/.cpg) for
// tests: the layout of the ESRI Shapefile Technical Description (1998) and dBASE III.
import fs from 'node:fs';
import { gbk } from './import-files';

type Ring = [number, number][];

export interface ShapeRecord {
  /** Outer rings, counter-clockwise as GeoJSON has them (written clockwise, as shapefiles want). */
  rings: Ring[];
  fields: Record<string, string>;
}

/** A loop, not Math.min(...xs): spreading a million values overflows the stack. */
function bbox(points: readonly [number, number][]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

function header(lengthBytes: number, box: [number, number, number, number]): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(lengthBytes / 2, 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(5, 32);
  box.forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
  return h;
}

/** Writes <base>.shp/.shx/.dbf (text fields encoded as `encoding`), and .prj/.cpg when given. */
export function writeShapefile(base: string, records: readonly ShapeRecord[], options: { encoding?: 'gbk' | 'utf-8'; prj?: string; cpg?: string; skip?: ('dbf' | 'prj')[] } = {}): void {
  const contents = records.map((r) => {
    const rings = r.rings.map((ring) => [...ring].reverse());
    const pts = rings.flat();
    const c = Buffer.alloc(44 + 4 * rings.length + 16 * pts.length);
    c.writeInt32LE(5, 0);
    bbox(pts).forEach((v, i) => c.writeDoubleLE(v, 4 + 8 * i));
    c.writeInt32LE(rings.length, 36);
    c.writeInt32LE(pts.length, 40);
    let start = 0;
    rings.forEach((ring, i) => {
      c.writeInt32LE(start, 44 + 4 * i);
      start += ring.length;
    });
    pts.forEach((p, i) => {
      c.writeDoubleLE(p[0], 44 + 4 * rings.length + 16 * i);
      c.writeDoubleLE(p[1], 52 + 4 * rings.length + 16 * i);
    });
    return c;
  });
  const box = bbox(records.flatMap((r) => r.rings.flat()));
  const shpLen = 100 + contents.reduce((a, c) => a + 8 + c.length, 0);
  const shp = [header(shpLen, box)];
  const shx = [header(100 + 8 * contents.length, box)];
  let offset = 100;
  contents.forEach((c, i) => {
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(i + 1, 0);
    rh.writeInt32BE(c.length / 2, 4);
    shp.push(rh, c);
    const xh = Buffer.alloc(8);
    xh.writeInt32BE(offset / 2, 0);
    xh.writeInt32BE(c.length / 2, 4);
    shx.push(xh);
    offset += 8 + c.length;
  });
  fs.writeFileSync(`${base}.shp`, Buffer.concat(shp));
  fs.writeFileSync(`${base}.shx`, Buffer.concat(shx));

  const enc = (s: string) => (options.encoding === 'gbk' ? gbk(s) : Buffer.from(s, 'utf8'));
  const names = Object.keys(records[0]?.fields ?? {});
  const widths = names.map((n) => Math.max(10, ...records.map((r) => enc(r.fields[n] ?? '').length)));
  const headerLength = 32 + 32 * names.length + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const dbfHead = Buffer.alloc(headerLength);
  dbfHead.writeUInt8(3, 0);
  dbfHead.writeUInt8(125, 1);
  dbfHead.writeUInt8(1, 2);
  dbfHead.writeUInt8(1, 3);
  dbfHead.writeUInt32LE(records.length, 4);
  dbfHead.writeUInt16LE(headerLength, 8);
  dbfHead.writeUInt16LE(recordLength, 10);
  names.forEach((n, i) => {
    dbfHead.write(n, 32 + 32 * i, 'ascii');
    dbfHead.write('C', 32 + 32 * i + 11, 'ascii');
    dbfHead.writeUInt8(widths[i]!, 32 + 32 * i + 16);
  });
  dbfHead.writeUInt8(0x0d, headerLength - 1);
  const rows = records.map((r) => {
    const row = Buffer.alloc(recordLength, 0x20);
    let at = 1;
    names.forEach((n, i) => {
      enc(r.fields[n] ?? '').copy(row, at);
      at += widths[i]!;
    });
    return row;
  });
  if (!options.skip?.includes('dbf')) fs.writeFileSync(`${base}.dbf`, Buffer.concat([dbfHead, ...rows, Buffer.from([0x1a])]));
  if (options.prj && !options.skip?.includes('prj')) fs.writeFileSync(`${base}.prj`, options.prj);
  if (options.cpg) fs.writeFileSync(`${base}.cpg`, options.cpg);
}

/** CGCS2000 / 3-degree Gauss-Krüger CM 114E (EPSG:4547) as ArcGIS writes it in a .prj. */
export const PRJ_CGCS2000_GK_CM114 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
