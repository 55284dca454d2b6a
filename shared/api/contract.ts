// The one API contract: method name → zod input schema → result type. The dispatcher
// validates against it; the IPC and HTTP transports carry it; the renderer's client is
// typed from it. Add a method here first, then its handler in electron/backend/services.
import { z } from 'zod';
import { SCHOOL_SYSTEMS } from '../domain/stages';
import { DATA_KINDS, type DataTable } from '../templates/layouts';
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

/** Pairs a zod input schema with a result type that exists only for the compiler. */
function method<R>() {
  return <I extends z.ZodType>(input: I): { input: I; result: R } => ({
    input,
    result: undefined as unknown as R,
  });
}

const none = z.strictObject({});
const filePath = z
  .string()
  .trim()
  .min(1, '请填写文件路径')
  .max(4096, '文件路径过长')
  .refine((p) => !p.includes('\0'), '文件路径含有非法字符');
const countyCode = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字');
const projectName = z.string().trim().min(1, '请填写县（区）名称').max(60, '名称不超过 60 个字');
const year = z.number().int().min(1990, '年份应在 1990 年以后').max(2100, '年份应在 2100 年以前');

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

  'backups.list': method<BackupEntry[]>()(none),
  'backups.create': method<BackupEntry>()(
    z.strictObject({ reason: z.string().trim().min(1).max(40).optional() }),
  ),
  'backups.restore': method<ProjectSummary>()(
    // A bare file name inside the project's backup folder: never a path.
    z.strictObject({ file: z.string().regex(/^[^/\\\0]{1,200}\.csplan$/, '备份文件名不正确') }),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M]['result'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

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
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type ApiResponse<R> = { ok: true; result: R } | { ok: false; error: ApiError };
