// 附件 新建改扩建学校项目表: the plan's building projects by stage, each stage subtotalled,
// with a grand total. Fed by the plan.
import { STAGE_LABEL, STAGES, type Stage } from '../../domain';
import type { ConstructionType } from '../../plan/project-types';
import { yearSpan } from '../catalog';
import type { AnnexContext, Column, Row, TableAnnexContent } from '../model';
import { annexFrame, sumKnown } from './common';

/** 建设性质: the project types the plan registry lists as construction. */
export type BuildNature = ConstructionType;

export interface ProjectRecord {
  name: string;
  nature: BuildNature;
  /** 建设地点: township, village or street. */
  location: string;
  /** The stage whose subtotal counts the project. */
  stage: Stage;
  /** What the 学段 cell prints when not the stage alone (a 九年一贯制 school: "小学、初中"). */
  stageLabel?: string;
  classes: number | null;
  seats: number | null;
  /** 用地面积 the project records, ㎡ (a new school's site, a playground's ground). */
  siteArea?: number | null;
  /** ㎡ */
  floorArea: number | null;
  /** 万元 */
  investment: number | null;
  /** 资金来源 as the planner wrote it. */
  funding?: string;
  startYear: number | null;
  endYear: number | null;
  note?: string;
}

export interface ProjectsInput {
  projects: ProjectRecord[];
  /** "“十五五”" or similar, put between prefix and title when given. */
  planName?: string;
}

export const PROJECT_COLUMNS: Column[] = [
  { header: '序号', kind: 'serial', width: 4 },
  { header: '项目名称', kind: 'text', width: 24 },
  { header: '建设性质', kind: 'text', width: 6, align: 'center' },
  { header: '建设地点', kind: 'text', width: 12 },
  { header: '学段', kind: 'text', width: 6, align: 'center' },
  { header: '班', group: '建设规模', kind: 'integer', width: 5, explain: 'projects.scale' },
  { header: '学位', group: '建设规模', kind: 'integer', width: 6, explain: 'projects.scale' },
  { header: '用地面积\n（㎡）', kind: 'integer', width: 9 },
  { header: '建筑面积\n（㎡）', kind: 'integer', width: 9, explain: 'projects.floorArea' },
  { header: '总投资\n（万元）', kind: 'integer', width: 9, explain: 'projects.investment' },
  { header: '资金来源', kind: 'text', width: 10 },
  { header: '建设年限', kind: 'text', width: 11, align: 'center', explain: 'projects.years' },
  { header: '备注', kind: 'text', width: 12 },
];

function sums(projects: readonly ProjectRecord[]): (number | null)[] {
  return [
    sumKnown(projects.map((p) => p.classes)),
    sumKnown(projects.map((p) => p.seats)),
    sumKnown(projects.map((p) => p.siteArea ?? null)),
    sumKnown(projects.map((p) => p.floorArea)),
  ];
}

function investment(projects: readonly ProjectRecord[]): number | null {
  return sumKnown(projects.map((p) => p.investment));
}

export function projectsAnnex(input: ProjectsInput, ctx: AnnexContext): TableAnnexContent {
  const rows: Row[] = [];
  let serial = 0;
  for (const stage of STAGES) {
    const own = input.projects.filter((p) => p.stage === stage);
    if (own.length === 0) continue;
    for (const p of own) {
      serial += 1;
      rows.push({
        kind: 'data',
        cells: [serial, p.name, p.nature, p.location, p.stageLabel ?? STAGE_LABEL[stage], ...sums([p]), investment([p]), p.funding ?? '', yearSpan(p.startYear, p.endYear), p.note ?? ''],
      });
    }
    rows.push({ kind: 'subtotal', labelSpan: 2, cells: [`${STAGE_LABEL[stage]}小计（${own.length}个）`, null, null, null, null, ...sums(own), investment(own), null, null, null] });
  }
  if (input.projects.length > 0) {
    rows.push({ kind: 'total', labelSpan: 2, cells: [`合计（${input.projects.length}个）`, null, null, null, null, ...sums(input.projects), investment(input.projects), null, null, null] });
  }
  return {
    ...annexFrame('projects', ctx, input.planName ? `${input.planName}新建改扩建学校项目表` : undefined),
    body: 'table',
    unit: '个、平方米、万元',
    notes: ['建设规模中“班”为新增班级数，“学位”为新增学位数；建设年限为开工至竣工年份。'],
    table: { columns: PROJECT_COLUMNS, rows },
  };
}
