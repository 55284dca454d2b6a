// School coordinates in the school import: every column recognised as longitude or latitude
// (经度/纬度, X/Y, lng/lat, E/N, one cell "112.93,28.23") is read; where a table has both
// geographic and projected columns the geographic ones are used and the projected ones are
// named as such; the pair is converted to WGS-84 by readCoordinate (coords.ts) in the system
// the planner chose. Called from the school row planner with one line.
import type { MappedColumn } from '../import/columns';
import { cellOf } from '../import/columns';
import type { RowReader } from '../import/row-reader';
import type { School } from '../domain/school';
import { farFromCounty, looksProjected, parseDegrees, parsePair, readCoordinate, type CoordinateOption } from './coords';
import type { Position } from './model';

/** The two coordinate fields of the school record: read here, not as plain numbers. */
export const COORDINATE_FIELDS: ReadonlySet<string> = new Set(['lng', 'lat']);

interface Candidate {
  a: number;
  b: number;
  col: MappedColumn;
}

export interface CoordinateReader {
  /** Reads the row's coordinates into `given` (lng/lat) and reports issues on the reader. */
  read(reader: RowReader, given: { lng?: number | null; lat?: number | null }): void;
}

/** `others`: where the county's located schools already are (to flag points far outside it). */
export function coordinateReader(lngCols: readonly MappedColumn[], latCols: readonly MappedColumn[], option: CoordinateOption | undefined, others: readonly Position[]): CoordinateReader {
  let toldProjected = false;
  let toldConverted = false;
  return {
    read(reader, given) {
      if (lngCols.length === 0 && latCols.length === 0) return;
      const candidates: Candidate[] = [];
      const value = (col: MappedColumn) => cellOf(reader.cells, col);
      for (let i = 0; i < Math.max(lngCols.length, latCols.length); i++) {
        const lc = lngCols[i];
        const tc = latCols[i];
        if (lc && !tc) {
          const pair = parsePair(value(lc));
          if (pair) candidates.push({ a: pair[0], b: pair[1], col: lc });
          else if (!reader.blank(lc)) reader.error('BAD_COORDINATE', '只有经度没有纬度：此列应同时写经度和纬度（如“112.93,28.23”），或在列对应中指定纬度列。', lc);
          continue;
        }
        if (!lc || !tc) {
          if (tc && !reader.blank(tc)) reader.error('BAD_COORDINATE', '只有纬度没有经度：请在列对应中指定经度列。', tc);
          continue;
        }
        if (reader.blank(lc) && reader.blank(tc)) continue;
        const a = parseDegrees(value(lc));
        const b = parseDegrees(value(tc));
        if (a === null || b === null) {
          const bad = a === null ? lc : tc;
          reader.error('BAD_COORDINATE', '无法识别坐标。请填写十进制度数（如 28.23）、度分秒（如 28°13′48″）或投影坐标（米）。', bad);
          return;
        }
        candidates.push({ a, b, col: lc });
      }
      if (candidates.length === 0) return;
      // Geographic columns win over projected ones unless the planner chose projected coordinates.
      const wantProjected = option?.system === 'projected';
      const chosen = candidates.find((c) => looksProjected(c.a, c.b) === wantProjected) ?? candidates[0]!;
      if (candidates.length > 1 && !toldProjected) {
        toldProjected = true;
        const other = candidates.find((c) => c !== chosen);
        if (other && looksProjected(other.a, other.b) !== looksProjected(chosen.a, chosen.b)) {
          reader.info('PROJECTED_COLUMNS_IGNORED', wantProjected ? '表中另有经纬度列：按所选投影坐标读取，经纬度列未使用。' : '表中另有投影坐标（米）列：已采用经纬度列，投影坐标列未使用。', other.col);
        }
      }
      const r = readCoordinate(chosen.a, chosen.b, option);
      for (const issue of r.issues) {
        if (issue.level === 'error') reader.error(issue.code, issue.message, chosen.col);
        else if (issue.level === 'warning') reader.warning(issue.code, issue.message, chosen.col);
        else if (issue.code !== 'COORDINATE_CONVERTED' || !toldConverted) {
          toldConverted = true;
          reader.info(issue.code, issue.message, chosen.col);
        }
      }
      if (!r.position) return;
      const far = farFromCounty(r.position, others);
      if (far) reader.warning(far.code, far.message, chosen.col);
      given.lng = r.position[0];
      given.lat = r.position[1];
    },
  };
}

/** Where the project's located schools are. */
export function locatedSchools(schools: readonly School[]): Position[] {
  return schools.flatMap((s) => (s.lng !== null && s.lat !== null ? [[s.lng, s.lat] as Position] : []));
}
