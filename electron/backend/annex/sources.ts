// Where each annex's data comes from. One entry per annex kind: whether the project has
// the data now, and how to turn it into the provider's input. The plan (issue 5) replaces
// the `pending` entries with real ones; nothing else changes.
import {
  forecastAnnex,
  schoolListAnnex,
  studentsChartAnnex,
  type AnnexContent,
  type AnnexContext,
  type AnnexKind,
  type CurrentSchool,
  type SchoolListInput,
} from '../../../shared/annex';
import { byYearAndStage } from '../../../shared/analysis/enrolment';
import type { ProjectFile } from '../db/project-file';
import { allEnrolment, allSchools, counts, distinctYears } from '../db/queries';
import { listTownships } from '../services/overview';
import { runProjection } from '../services/projection';
import { listSchools } from '../services/schools';
import { forecastInput } from './forecast-source';

export interface AnnexSource {
  availability(file: ProjectFile): { available: boolean; reason: string | null };
  build(file: ProjectFile, ctx: AnnexContext): AnnexContent;
}

const READY = { available: true, reason: null } as const;
const missing = (reason: string) => ({ available: false, reason });

const PENDING_REASON = {
  projection: '需要先完成学龄人口与在校生预测（“预测”功能尚在开发）。',
  plan: '需要先在“规划”中设定指标、建设项目和布局调整（“规划”功能尚在开发）。',
} as const;

/** An annex whose data come with a later issue: listed, never built. */
function pending(needs: keyof typeof PENDING_REASON): AnnexSource {
  return {
    availability: () => missing(PENDING_REASON[needs]),
    build: () => {
      throw new Error(PENDING_REASON[needs]);
    },
  };
}

/** Schools with their latest figures and areas, in the provider's terms. */
export function schoolListInput(file: ProjectFile): SchoolListInput {
  const areas = new Map(allSchools(file.db).map((s) => [s.code, s]));
  const rows = listSchools(file);
  const schools: CurrentSchool[] = rows.map((r) => ({
    name: r.name,
    kind: r.kind,
    ownership: r.ownership,
    township: r.township,
    classes: r.classes,
    students: r.students,
    capacity: r.capacity,
    capacityFromClasses: r.capacitySource === 'classes',
    siteArea: areas.get(r.code)?.siteArea ?? null,
    floorArea: areas.get(r.code)?.floorArea ?? null,
    largeClasses: r.largeClasses,
    status: r.status,
  }));
  const years = rows.map((r) => r.year).filter((y): y is number => y !== null);
  return {
    year: years.length ? Math.max(...years) : null,
    townships: listTownships(file).map((t) => ({ code: t.code, name: t.name, urbanRural: t.urbanRural })),
    schools,
  };
}

export const ANNEX_SOURCES: Record<AnnexKind, AnnexSource> = {
  indicators: pending('plan'),
  forecast: {
    // Grade progression needs at least two recorded years (issue 4's engine refuses fewer).
    availability: (file) =>
      distinctYears(file.db, 'enrolment').length >= 2 ? READY : missing('预测需要至少两年的在校生数据，请先导入历年教育事业统计表。'),
    build: (file, ctx) => forecastAnnex(forecastInput(file, runProjection(file, {})), ctx),
  },
  'seat-balance': pending('plan'),
  projects: pending('plan'),
  adjustments: pending('plan'),
  schools: {
    availability: (file) => (counts(file.db).schools > 0 ? READY : missing('项目中还没有学校数据，请先导入学校统计表。')),
    build: (file, ctx) => schoolListAnnex(schoolListInput(file), ctx),
  },
  'students-chart': {
    availability: (file) => (distinctYears(file.db, 'enrolment').length > 0 ? READY : missing('项目中还没有在校生数据，请先导入教育事业统计表。')),
    build: (file, ctx) => studentsChartAnnex({ studentsByYear: byYearAndStage(allEnrolment(file.db), 'students') }, ctx),
  },
  'demand-chart': pending('plan'),
};
