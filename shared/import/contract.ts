// The 数据导入 methods of the API contract, spread into shared/api/contract.ts: method name →
// zod input schema → result type, as everywhere else in the contract.
import { coordinateOptionSchema } from '../geo/coords';
import { z } from 'zod';
import type {
  ImportAnalysis,
  ImportCheck,
  ImportFileStatus,
  ImportRecord,
  ImportResult,
  MappingTemplate,
  UndoResult,
} from './api-types';
import type { ImportIssue } from './issues';
import { IMPORT_KINDS } from './kinds';
import { mappingFileSchema } from './mapping';
import { filePath, method } from '../api/method';

const year = z.number().int().min(1949, '年份应在 1949 年以后').max(2100, '年份应在 2100 年以前');
const fileId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, '文件编号不正确');
const kind = z.enum(IMPORT_KINDS);
const sheet = z.string().min(1).max(200);
const encoding = z.enum(['auto', 'utf-8', 'gbk']);
/** Excel row numbers (1-based). */
const headerRows = z
  .strictObject({ first: z.number().int().min(1).max(1000), last: z.number().int().min(1).max(1000) })
  .refine((h) => h.last >= h.first && h.last - h.first <= 2, '表头最多 3 行，且结束行不能在开始行之前');
const columns = z.array(z.strictObject({ index: z.number().int().min(0).max(16383), target: z.string().min(1).max(40) })).max(2000);
/** One chunk of an upload: base64, under the loopback host's 1 MiB request limit. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const checkInput = {
  fileId,
  sheet,
  kind,
  year: year.optional(),
  headerRows: headerRows.optional(),
  columns,
  createTownships: z.boolean().optional(),
  skipInvalidRows: z.boolean().optional(),
  /** The system of the file's coordinates (schools, villages); WGS-84 when absent. */
  coordinates: coordinateOptionSchema.optional(),
};

export const importMethods = {
  /** Browser mode: the file's bytes, in order, in base64 chunks; the first chunk has no uploadId. */
  'import.upload': method<{ uploadId: string; received: number; complete: boolean }>()(
    z.strictObject({
      uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/).optional(),
      fileName: z.string().trim().min(1).max(200).refine((n) => !/[\0/\\]/.test(n), '文件名含有非法字符'),
      size: z.number().int().min(0).max(1024 * 1024 * 1024),
      offset: z.number().int().min(0),
      data: z.string().max(720_000, '上传块过大').regex(BASE64, '上传数据格式不正确'),
    }),
  ),
  /** Starts reading a file (a path, or a finished upload) in the background. */
  'import.open': method<ImportFileStatus>()(
    z.strictObject({
      source: z.union([z.strictObject({ path: filePath }), z.strictObject({ uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) })]),
      encoding: encoding.optional(),
    }),
  ),
  'import.status': method<ImportFileStatus>()(z.strictObject({ fileId })),
  'import.cancel': method<{ cancelled: boolean }>()(z.strictObject({ fileId })),
  /** Finds the header and proposes the column mapping for one sheet. */
  'import.analyse': method<ImportAnalysis>()(z.strictObject({ fileId, sheet, kind, headerRows: headerRows.optional() })),
  /** Checks every row against the mapping; writes nothing. */
  'import.check': method<ImportCheck>()(z.strictObject(checkInput)),
  /** Checks again, backs the project up and writes everything in one transaction. */
  'import.commit': method<ImportResult>()(
    z.strictObject({ ...checkInput, acceptWarnings: z.boolean().optional(), mappingName: z.string().max(60).optional() }),
  ),
  /** The headless import behind `cli import`: read, detect, map, check and (unless a dry run) commit. */
  'import.run': method<ImportResult>()(
    z.strictObject({
      path: filePath,
      kind,
      sheet: sheet.optional(),
      year: year.optional(),
      mapping: mappingFileSchema.optional(),
      encoding: encoding.optional(),
      dryRun: z.boolean().optional(),
      acceptWarnings: z.boolean().optional(),
      createTownships: z.boolean().optional(),
      skipInvalidRows: z.boolean().optional(),
      coordinates: coordinateOptionSchema.optional(),
    }),
  ),
  'import.list': method<ImportRecord[]>()(z.strictObject({})),
  'import.issues': method<ImportIssue[]>()(z.strictObject({ importId: z.number().int().positive() })),
  'import.undo': method<UndoResult>()(z.strictObject({ importId: z.number().int().positive() })),
  'import.templates': method<MappingTemplate[]>()(z.strictObject({ kind: kind.optional() })),
  'import.saveTemplate': method<MappingTemplate>()(
    z.strictObject({ name: z.string().trim().min(1, '请填写模板名称').max(60, '模板名称不超过 60 个字'), mapping: mappingFileSchema }),
  ),
  'import.deleteTemplate': method<{ deleted: boolean }>()(z.strictObject({ name: z.string().min(1).max(60) })),
  /** A blank .xlsx template with the expected headers and an example row (base64). */
  'import.blankTemplate': method<{ fileName: string; base64: string }>()(z.strictObject({ kind })),
} as const;
