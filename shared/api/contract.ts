// The one API contract: method name → zod input schema → result type. The dispatcher
// validates against it; the IPC and HTTP transports carry it; the renderer's client is
// typed from it. Add a method here first, then its handler in electron/backend/services.
import { z } from 'zod';
import { SCHOOL_SYSTEMS } from '../domain/stages';
import { DATA_KINDS, type DataTable } from '../templates/layouts';
import { ANNEX_KINDS, PAPERS } from '../annex/model';
import { ANNEX_FORMATS, type AnnexExportResult, type AnnexList } from '../annex/api';
import {
  developmentSchema,
  methodSettingsSchema,
  SCENARIO_NAME,
  scenarioParamsSchema,
  type BacktestResult,
  type Development,
  type MethodSettings,
  type ProjectionExport,
  type ProjectionResult,
  type ProjectionSetup,
  type ScenarioEntry,
} from '../projection';
import type {
  BackupEntry,
  HomeState,
  Overview,
  PopulationView,
  ProjectInfo,
  ProjectSummary,
  SchoolDetail,
  SchoolRow,
  TownshipRow,
} from './types';
import { importMethods } from '../import/contract';
import { planMethods } from '../plan/contract';
import { editMethods } from './edit-contract';
import { PLAN_NAME } from '../plan/model';
import { geoMethods } from '../geo/contract';
import { optimiseMethods } from '../optimise/contract';
import { filePath, method } from './method';

const none = z.strictObject({});
const countyCode = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字');
const projectName = z.string().trim().min(1, '请填写县（区）名称').max(60, '名称不超过 60 个字');
// eslint-disable-next-line no-control-regex -- a title prefix is printed; control characters never belong in it
const annexTitlePrefix = z.string().trim().max(40, '标题前缀不超过 40 个字').refine((t) => !/[\u0000-\u001f]/.test(t), '标题前缀含有非法字符');
/** The plan (规划) the plan's annexes come from, by id or name (the first plan when absent), and the projection scenario (the plan's own when absent). */
const annexPlan = {
  plan: z.union([z.number().int().positive('规划编号不正确'), PLAN_NAME]).optional(),
  scenario: SCENARIO_NAME.optional(),
};
/** The chosen annexes in print order, each with its paper and (optionally) its number 附件N. */
const annexRequest = {
  ...annexPlan,
  annexes: z
    .array(
      z.strictObject({
        kind: z.enum(ANNEX_KINDS),
        paper: z.enum(PAPERS).optional(),
        intervals: z.boolean().optional(),
        number: z.number().int().min(1, '附件编号从 1 开始').max(99, '附件编号不超过 99').optional(),
      }),
    )
    .min(1, '请至少选择一个附件')
    .max(ANNEX_KINDS.length)
    .refine((list) => new Set(list.map((a) => a.kind)).size === list.length, '同一个附件只能选择一次'),
  titlePrefix: annexTitlePrefix.optional(),
};
const year = z.number().int().min(1990, '年份应在 1990 年以后').max(2100, '年份应在 2100 年以前');

/** Which projection to run: a stored scenario, optionally with unsaved parameter values. */
const projectionRequest = {
  scenario: SCENARIO_NAME.optional(),
  params: scenarioParamsSchema.optional(),
  baseYear: year.optional(),
  horizon: year.optional(),
};

export const contract = {
  'app.home': method<HomeState>()(none),

  'project.open': method<ProjectSummary>()(
    z.strictObject({ path: filePath }),
  ),
  'project.create': method<ProjectSummary>()(
    z.strictObject({
      path: filePath,
      name: projectName,
      countyCode: countyCode.optional(),
      schoolSystem: z.enum(SCHOOL_SYSTEMS).optional(),
      /** Fill the new file with the generated sample county instead of leaving it empty. */
      sample: z.boolean().optional(),
      /** Start with the county's official 乡镇/街道 (names and 9-digit codes) from the national division list. */
      officialTownships: z.boolean().optional(),
    }),
  ),
  /** Opens the built-in sample county, creating its file on first use. */
  'project.openSample': method<ProjectSummary>()(
    z.strictObject({ reset: z.boolean().optional() }),
  ),
  'project.close': method<{ closed: boolean }>()(none),
  'project.info': method<ProjectInfo>()(none),
  'project.updateMeta': method<ProjectSummary>()(
    z.strictObject({
      name: projectName.optional(),
      countyCode: countyCode.optional(),
      schoolSystem: z.enum(SCHOOL_SYSTEMS).optional(),
      baseYear: year.optional(),
    }),
  ),

  'overview.get': method<Overview>()(none),
  'schools.list': method<SchoolRow[]>()(none),
  'schools.detail': method<SchoolDetail>()(
    z.strictObject({ code: z.string().regex(/^[0-9A-Za-z]{1,20}$/, '学校标识码格式不正确') }),
  ),
  'townships.list': method<TownshipRow[]>()(none),
  'population.get': method<PopulationView>()(
    z.strictObject({ township: z.string().regex(/^\d{1,12}$/, '乡镇代码格式不正确').optional() }),
  ),

  /** The stored data in the layout of the import templates (for CSV/XLSX export). */
  'data.export': method<DataTable>()(z.strictObject({ kind: z.enum(DATA_KINDS) })),

  /** The annexes (附件) and whether the project has the data for each (for the plan asked for). */
  'annex.list': method<AnnexList>()(z.strictObject(annexPlan)),
  /** The print HTML of the chosen annexes: what the PDF will look like. */
  'annex.preview': method<{ html: string }>()(z.strictObject(annexRequest)),
  /** The chosen annexes as PDF, XLSX or DOCX: written to outPath, else returned as base64. */
  'annex.export': method<AnnexExportResult>()(
    z.strictObject({ ...annexRequest, format: z.enum(ANNEX_FORMATS), outPath: filePath.optional() }),
  ),

  /** 预测: scenarios, developments and settings, and the years there are data for. */
  'projection.setup': method<ProjectionSetup>()(none),
  /** One scenario's projection (params: unsaved what-if values), every scenario's county figures beside it. */
  'projection.run': method<ProjectionResult>()(z.strictObject(projectionRequest)),
  /** Re-runs the projection as of an earlier year and compares it with what happened. */
  'projection.backtest': method<BacktestResult>()(
    z.strictObject({ baseYear: year.optional(), to: year.optional(), scenario: SCENARIO_NAME.optional() }),
  ),
  'projection.saveScenario': method<ScenarioEntry[]>()(
    z.strictObject({ name: SCENARIO_NAME, params: scenarioParamsSchema, previousName: SCENARIO_NAME.optional() }),
  ),
  'projection.deleteScenario': method<ScenarioEntry[]>()(z.strictObject({ name: SCENARIO_NAME })),
  'projection.saveSettings': method<MethodSettings>()(z.strictObject({ settings: methodSettingsSchema })),
  'projection.saveDevelopment': method<Development[]>()(
    z.strictObject({ id: z.number().int().positive().optional(), development: developmentSchema }),
  ),
  'projection.deleteDevelopment': method<Development[]>()(z.strictObject({ id: z.number().int().positive() })),
  /** The projection as an XLSX workbook (base64). */
  'projection.exportXlsx': method<ProjectionExport>()(z.strictObject(projectionRequest)),

  'backups.list': method<BackupEntry[]>()(none),
  'backups.create': method<BackupEntry>()(
    z.strictObject({ reason: z.string().trim().min(1).max(40).optional() }),
  ),
  'backups.restore': method<ProjectSummary>()(
    // A bare file name inside the project's backup folder: never a path.
    z.strictObject({ file: z.string().regex(/^[^/\\\0]{1,200}\.csplan$/, '备份文件名不正确') }),
  ),

  /** 数据导入: methods in shared/import/contract.ts. */
  ...importMethods,
  /** 规划: methods in shared/plan/contract.ts. */
  ...planMethods,
  /** 学校、乡镇 editors: methods in shared/api/edit-contract.ts. */
  ...editMethods,
  /** 布局图: methods in shared/geo/contract.ts. */
  ...geoMethods,
  /** 布局优化: methods in shared/optimise/contract.ts. */
  ...optimiseMethods,
  /**
   * Builds the chosen annexes and keeps them for the next preview or export of the same data,
   * answering only how many: the 附件 page and `cli annex` call it annex by annex to show
   * progress and to stop between annexes when the planner cancels. With `preview`, their
   * preview sections are drawn too (the 附件 page builds its preview ahead this way).
   */
  'annex.prepare': method<{ prepared: number }>()(z.strictObject({ ...annexRequest, preview: z.boolean().optional() })),
  /**
   * Changes whenever the open project's data may have changed (any write, another file): the
   * renderer asks on each page switch whether a page it keeps must load again.
   */
  'project.version': method<{ version: string }>()(none),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M]['result'];


export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Errors cross every transport as data; messages are for the planner, in Chinese. */
export type ErrorCode =
  | 'UNKNOWN_METHOD'
  | 'INVALID_INPUT'
  | 'NO_PROJECT'
  | 'NOT_FOUND'
  | 'FILE_LOCKED'
  | 'FILE_TOO_NEW'
  | 'NOT_A_PROJECT'
  | 'FILE_EXISTS'
  | 'IO_ERROR'
  | 'FORBIDDEN'
  /** The operation would overwrite later changes (undoing an import whose rows changed since). */
  | 'CONFLICT'
  /** The planner cancelled a long operation before it wrote anything. */
  | 'CANCELLED'
  /** The backend ran past its time limit and was stopped; the open project was closed with it. */
  | 'TIMEOUT'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/**
 * `version`: the open project's data version after the call (what `project.version` answers),
 * on every answer while a project is open, so the renderer knows whether a page it keeps is
 * current without asking (docs/ARCHITECTURE.md, "Kept pages").
 */
export type ApiResponse<R> = { ok: true; result: R; version?: string } | { ok: false; error: ApiError };
