// The geography methods of the API contract, spread into shared/api/contract.ts: method name →
// zod input schema → result type, as everywhere else in the contract.
import { z } from 'zod';
import { filePath, method } from '../api/method';
import { SCENARIO_NAME } from '../projection';
import { PLAN_NAME, yearSchema } from '../plan/model';
import { COVERAGE_STAGES } from './model';
import { COVERAGE_BY, GEO_LAYERS, type CatchmentResult, type CoverageResult, type GeoImportJob, type GeoImportResult, type GeoMap, type NewSiteSuggestion } from './api';
import { coordinateOptionSchema } from './coords';

const lng = z.number('请填写经度').finite('经度不是有限数').min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间');
const lat = z.number('请填写纬度').finite('纬度不是有限数').min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');
const planId = z.number().int().positive('规划编号不正确');
const schoolRef = z.string().regex(/^([0-9A-Za-z]{1,20}|new:\d{1,9})$/, '学校标识码格式不正确');
const villageId = z.string().min(1, '村（社区）编号不能为空').max(40, '村（社区）编号过长');

const importLayerInput = z
  .strictObject({
    /** A file on this computer (desktop dialog, CLI)… */
    path: filePath.optional(),
    /** …or a finished browser upload (import.upload): a .zip or a GeoJSON. */
    source: z.strictObject({ uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, '上传编号不正确') }).optional(),
    layer: z.enum(GEO_LAYERS),
    coordinates: coordinateOptionSchema.optional(),
    encoding: z.enum(['auto', 'utf-8', 'gbk']).optional(),
    dryRun: z.boolean().optional(),
  })
  .refine((i) => (i.path === undefined) !== (i.source === undefined), '请选择一个要导入的文件（路径或上传，二者选一）');

const importJob = z.strictObject({ job: z.string().regex(/^[0-9a-z]{1,20}$/, '任务编号不正确') });

/**
 * Which plan, scenario and year: the plan by id or name (the first plan when absent, the
 * default plan without stored plans), its own scenario when absent, and its base year when
 * the year is absent.
 */
export const geoQuery = {
  plan: z.union([planId, PLAN_NAME]).optional(),
  scenario: SCENARIO_NAME.optional(),
  year: yearSchema.optional(),
};

export const geoMethods = {
  /** Everything the 布局图 draws for one plan, scenario and year. */
  'geo.map': method<GeoMap>()(z.strictObject(geoQuery)),
  /** 服务半径 coverage per stage, by township and county, with the villages beyond it. */
  'geo.coverage': method<CoverageResult>()(z.strictObject({ ...geoQuery, by: z.enum(COVERAGE_BY).optional() })),
  /** Each village's school per stage: the planner's assignments, the rest nearest with seats. */
  'geo.catchments': method<CatchmentResult>()(z.strictObject(geoQuery)),
  /** The point that would cover the most children now beyond the service distance. */
  'geo.newSite': method<NewSiteSuggestion | null>()(z.strictObject({ ...geoQuery, stage: z.enum(COVERAGE_STAGES) })),
  /** Assigns villages to a school for a stage in a stored plan (school null: back to automatic). */
  'geo.assignVillages': method<CatchmentResult>()(
    z.strictObject({
      plan: planId,
      stage: z.enum(COVERAGE_STAGES),
      villages: z.array(villageId).min(1, '请至少选择一个村（社区）').max(10_000, '一次最多 10000 个村（社区）'),
      school: schoolRef.nullable(),
    }),
  ),
  /** Places (or clears) the site of a 新建 / 迁建 project of a stored plan. */
  'geo.setProjectSite': method<GeoMap>()(
    z.strictObject({ plan: planId, project: z.number().int().positive('项目编号不正确'), position: z.tuple([lng, lat]).nullable() }),
  ),
  /** Places or moves a school: a 经度/纬度 edit of the school in the edit history (edits.undo takes it back). */
  'geo.moveSchool': method<{ code: string; position: [number, number] | null; previous: [number, number] | null; editId: number }>()(
    z.strictObject({ code: z.string().regex(/^[0-9A-Za-z]{1,20}$/, '学校标识码格式不正确'), position: z.tuple([lng, lat]).nullable() }),
  ),
  /**
   * Imports county outline, township boundaries, villages or a reference layer from GeoJSON or
   * Shapefile (.shp with .dbf/.prj/.cpg beside it, or a .zip), replacing that layer; all or nothing.
   */
  'geo.importLayer': method<GeoImportResult>()(importLayerInput),
  /** The same import as a job: geo.importStatus tells its stage and fraction, geo.importCancel stops it. */
  'geo.importStart': method<GeoImportJob>()(importLayerInput),
  'geo.importStatus': method<GeoImportJob>()(importJob),
  /** Stops the import unless its write has begun (then it answers cancellable: false and runs to the end). */
  'geo.importCancel': method<GeoImportJob>()(importJob),
  /** Takes back the latest school edit still in force that only moved a school (through edits.undo). */
  'geo.undoSchoolMove': method<{ code: string; position: [number, number] | null } | null>()(z.strictObject({})),
} as const;
