// The overview's callout: a few plain sentences computed from the data, so the planner
// reads the county's situation (城挤乡空, 大班额, falling births) without studying charts.
import type { Overview } from '@shared/api';
import type { ByStage, UrbanRural } from '@shared/domain';
import { zh } from '../i18n/zh';
import { fmtInt, fmtPct } from './format';

const t = zh.overview;

function sumStages(s: ByStage | undefined): number {
  if (!s) return 0;
  return Object.values(s).reduce((a, b) => a + b, 0);
}

/** Change of compulsory students in townships of one 城乡 class, from first to latest year. */
function compulsoryChange(o: Overview, kind: UrbanRural): number | null {
  const { first, latest } = o.compulsoryByUrbanRural[kind];
  return first > 0 ? ((latest - first) / first) * 100 : null;
}

export function overviewFindings(o: Overview): string[] {
  const out: string[] = [];
  const firstYear = o.firstYear ?? undefined;
  const last = o.latestYear;

  if (last !== null) {
    const total = sumStages(o.studentsByYear[String(last)]);
    let s = t.sStudents(last, fmtInt(total));
    if (firstYear !== undefined && firstYear !== last) {
      const before = sumStages(o.studentsByYear[String(firstYear)]);
      if (before > 0) {
        const pct = ((total - before) / before) * 100;
        s += t.sStudentsChange(firstYear, fmtPct(pct), pct >= 0);
      }
    }
    out.push(s);
  }

  const urbanLarge = o.townships.filter((tw) => tw.urbanRural === '城区').reduce((a, tw) => a + (tw.largeClasses ?? 0), 0);
  if (last !== null) {
    // A county with schools whose classes are unknown never reads as free of 大班额.
    const unknown = o.schoolsWithoutClasses > 0 ? t.sClassesUnknown(o.schoolsWithoutClasses) : '';
    const { compulsory, senior } = o.largeClassesByLevel;
    const seniorText = senior.large > 0 ? t.sSeniorLarge(senior.large, senior.oversized) : '';
    const unknownText = unknown ? `；${unknown}` : '';
    out.push(compulsory.large > 0 ? t.sLargeTotal(compulsory.large, urbanLarge, compulsory.oversized) + seniorText + unknownText : (unknown || t.sNoLarge) + seniorText);
  }

  if (firstYear !== undefined) {
    const urban = compulsoryChange(o, '城区');
    if (urban !== null && Math.abs(urban) >= 0.5) out.push(t.sUrbanChange(firstYear, fmtPct(urban), urban > 0));
    const rural = compulsoryChange(o, '乡村');
    if (rural !== null && Math.abs(rural) >= 0.5) out.push(t.sRuralChange(firstYear, fmtPct(rural), rural > 0));
  }

  const births = [...o.births].sort((a, b) => a.year - b.year);
  const lastBirth = births[births.length - 1];
  if (lastBirth && births.length >= 3) {
    const peak = births.reduce((m, b) => (b.count > m.count ? b : m), births[0] ?? lastBirth);
    const drop = peak.count > 0 ? ((peak.count - lastBirth.count) / peak.count) * 100 : 0;
    if (peak.year < lastBirth.year && drop >= 5) {
      out.push(t.sBirths(peak.year, fmtInt(peak.count), lastBirth.year, fmtInt(lastBirth.count), fmtPct(drop)));
    } else if (births[0]) {
      out.push(t.sBirthsUp(births[0].year, lastBirth.year, fmtInt(lastBirth.count)));
    }
  }
  return out;
}
