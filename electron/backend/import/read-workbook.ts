// Bytes of an untrusted file → plain sheets. Runs inside the parse worker (parse-worker.ts),
// which adds a heap cap and a time limit; everything here also bounds its own work: the
// container is identified from its bytes, a zip is checked before it is opened, a sheet's
// declared range and cell count are checked before its rows are copied.
import path from 'node:path';
import * as XLSX from 'xlsx';
import * as cpexcel from 'xlsx/dist/cpexcel';
import { decideEncoding, MOJIBAKE_MESSAGE, type TextEncoding } from '../../../shared/import/encoding';
import type { CellRange, GridCell } from '../../../shared/import/grid';
import { ImportFileError } from './file-error';
import { LIMITS } from './limits';
import { sniffContainer, zipKind } from './sniff';
import type { FileFormat, ParsedSheet, ParsedWorkbook, WorkerProgress, WorkerRequest } from './workbook';
import { readXlsxSheets, type RawSheet } from './xlsx-reader';
import { readZipDirectory, verifyZipSizes } from './zip-check';

// The package's types describe a default export; at run time (CommonJS or ESM) the module
// itself carries the tables and `utils`.
const cptable = cpexcel as unknown as { utils: { decode(cp: number, data: Uint8Array): string } };
XLSX.set_cptable(cptable);

type Progress = (p: WorkerProgress) => void;

/** SheetJS options of the import: dense rows, no formatted text or formulas (the bench parses with them too). */
export const PARSE_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellFormula: false,
  cellHTML: false,
  cellNF: false,
  cellText: false,
  cellDates: false,
  cellStyles: false,
  bookVBA: false,
  WTF: false,
};

function notSpreadsheet(fileName: string, what: string): ImportFileError {
  return new ImportFileError(
    'NOT_SPREADSHEET',
    `“${fileName}”${what}，不是表格文件。请选择 Excel（.xlsx/.xls）、WPS（.et）或 CSV 文件；如果这是正确的文件，请在 Excel/WPS 中打开后“另存为” .xlsx 再导入。`,
  );
}

function encrypted(fileName: string): ImportFileError {
  return new ImportFileError(
    'ENCRYPTED',
    `“${fileName}”设置了打开密码（已加密），无法读取。请在 Excel/WPS 中用密码打开，通过“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码并保存后，再导入。`,
  );
}

function decodeText(buf: Buffer, encoding: TextEncoding): string {
  const label = encoding === 'utf-8' ? 'utf-8' : 'gb18030';
  try {
    return new TextDecoder(label).decode(buf);
  } catch {
    // A runtime without the GB18030 table: SheetJS's code page 936 (GBK) covers the same text.
    return encoding === 'gbk' ? cptable.utils.decode(936, buf) : buf.toString('utf8');
  }
}

function parseWith(input: string | Buffer, type: 'string' | 'buffer', extra: XLSX.ParsingOptions, fileName: string): XLSX.WorkBook {
  try {
    return XLSX.read(input, { ...PARSE_OPTIONS, ...extra, type });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(message)) throw encrypted(fileName);
    throw new ImportFileError('PARSE_FAILED', `无法读取“${fileName}”：文件格式有误或已损坏（${message.slice(0, 120)}）。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。`);
  }
}

/** Sheets of the common .xlsx read directly (xlsx-reader.ts); any other file parsed by SheetJS. */
type Opened = { format: FileFormat; encoding: TextEncoding | null } & ({ wb: XLSX.WorkBook; raw?: never } | { raw: RawSheet[]; wb?: never });

const MAX_SHEETS = 200;

async function openContainer(req: WorkerRequest, progress: Progress, direct: boolean): Promise<Opened> {
  const buf = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
  const name = req.fileName;
  const ext = path.extname(name).toLowerCase();
  switch (sniffContainer(buf)) {
    case 'empty':
      throw new ImportFileError('FILE_EMPTY', `“${name}”是空文件（0 字节）。请确认选对了文件；如果文件刚从网上或聊天软件下载，请重新下载后再导入。`);
    case 'pdf':
      throw notSpreadsheet(name, '是 PDF 文档');
    case 'binary':
      throw notSpreadsheet(name, '的内容不是表格数据（可能是图片、程序或损坏的文件）');
    case 'html':
      throw new ImportFileError(
        'HTML_AS_SPREADSHEET',
        `“${name}”实际上是网页（HTML）文件，只是扩展名为 ${ext || '表格'}。一些系统导出的“Excel”其实是网页。请用 Excel/WPS 打开它，选择“另存为”Excel 工作簿（.xlsx），再导入另存的文件。`,
      );
    case 'zip': {
      const entries = readZipDirectory(buf);
      const kind = zipKind(entries);
      if (kind === 'docx') throw notSpreadsheet(name, '是 Word 文档');
      if (kind === 'pptx') throw notSpreadsheet(name, '是 PowerPoint 演示文稿');
      if (kind === 'other') {
        throw new ImportFileError('ZIP_NOT_WORKBOOK', `“${name}”是一个压缩包（zip），里面没有 Excel 工作簿。请先解压，再导入其中的 .xlsx、.xls 或 .csv 文件。`);
      }
      const total = entries.reduce((s, e) => s + e.size, 0);
      await verifyZipSizes(buf, entries, (done) => progress({ phase: 'checking', done, total }));
      progress({ phase: 'parsing', done: 0, total: 1 });
      const raw = direct && kind === 'xlsx' ? readXlsxSheets(buf, entries, MAX_SHEETS) : null;
      if (raw) return { raw, format: kind, encoding: null };
      return { wb: parseWith(buf, 'buffer', {}, name), format: kind, encoding: null };
    }
    case 'cfb': {
      let paths: string[] = [];
      try {
        paths = (XLSX.CFB.read(buf, { type: 'buffer' }) as { FullPaths: string[] }).FullPaths;
      } catch {
        throw new ImportFileError('PARSE_FAILED', `“${name}”已损坏，无法读取。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。`);
      }
      const names = new Set(paths.map((p) => p.split('/').filter(Boolean).pop() ?? ''));
      if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) throw encrypted(name);
      if (names.has('WordDocument')) throw notSpreadsheet(name, '是 Word 文档');
      if (names.has('PowerPoint Document')) throw notSpreadsheet(name, '是 PowerPoint 演示文稿');
      progress({ phase: 'parsing', done: 0, total: 1 });
      return { wb: parseWith(buf, 'buffer', {}, name), format: 'xls', encoding: null };
    }
    case 'utf16': {
      const text = new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buf);
      progress({ phase: 'parsing', done: 0, total: 1 });
      return { wb: parseWith(text, 'string', { raw: true }, name), format: 'txt', encoding: 'utf-8' };
    }
    case 'xml-spreadsheet': {
      progress({ phase: 'parsing', done: 0, total: 1 });
      return { wb: parseWith(buf.toString('utf8'), 'string', {}, name), format: 'xml', encoding: null };
    }
    case 'text': {
      const decision = decideEncoding(buf, req.encoding);
      const mismatch = decision.mismatch;
      if (mismatch) throw new ImportFileError('MOJIBAKE', MOJIBAKE_MESSAGE[mismatch as keyof typeof MOJIBAKE_MESSAGE]);
      const text = decodeText(buf, decision.encoding);
      progress({ phase: 'parsing', done: 0, total: 1 });
      // raw: keep every value as the text in the file; the import parses numbers itself and
      // SheetJS would otherwise turn '2024-9' into a date or drop leading zeros of codes.
      return { wb: parseWith(text, 'string', { raw: true }, name), format: ext === '.txt' || ext === '.tsv' ? 'txt' : 'csv', encoding: decision.encoding };
    }
  }
}

function cellValue(cell: XLSX.CellObject | undefined): GridCell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : cell.v === undefined ? null : String(cell.v);
    case 'b':
      return cell.v === true ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
    case 'e':
      return '#错误';
    default:
      return null;
  }
}

function checkDeclaredRange(ref: string | null | undefined, sheet: string): void {
  if (!ref) return;
  const range = XLSX.utils.decode_range(ref);
  const rows = range.e.r + 1;
  const cols = range.e.c + 1;
  if (rows > LIMITS.maxSheetRows || cols > LIMITS.maxSheetCols || range.s.r < 0 || range.s.c < 0) {
    throw new ImportFileError(
      'SHEET_DIMENSION',
      `工作表“${sheet}”声明的范围 ${ref.slice(0, 40)}（${cols} 列 × ${rows} 行）超出 Excel 的上限（${LIMITS.maxSheetCols} 列 × ${LIMITS.maxSheetRows} 行），文件已损坏或被人为篡改。为安全起见不读取此文件；请在 Excel/WPS 中把数据复制到新工作簿后再导入。`,
    );
  }
}

interface SheetSource<C> {
  name: string;
  hidden: boolean;
  ref: string | null | undefined;
  data: readonly (readonly C[] | undefined)[];
  merges: readonly CellRange[];
  value: (cell: C | undefined) => GridCell;
}

function fromSheetJs(ws: XLSX.WorkSheet, name: string, hidden: boolean): SheetSource<XLSX.CellObject> {
  return { name, hidden, ref: ws['!ref'], data: (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[], merges: ws['!merges'] ?? [], value: cellValue };
}

function fromRaw(sheet: RawSheet): SheetSource<GridCell> {
  return { ...sheet, data: sheet.rows, value: (v) => v ?? null };
}

function extractSheet<C>(source: SheetSource<C>, budget: { cells: number; slots: number }, progress: Progress): ParsedSheet {
  const { name, hidden, data, value } = source;
  checkDeclaredRange(source.ref, name);
  const rows: GridCell[][] = [];
  let usedRows = 0;
  let usedCols = 0;
  let cells = 0;
  const total = data.length;
  for (let r = 0; r < total; r++) {
    const src = data[r];
    if (!src) continue;
    budget.slots += src.length;
    if (budget.slots > LIMITS.maxGridSlots) {
      throw new ImportFileError('SHEET_TOO_LARGE', `工作表“${name}”过大（行数 × 列数超过 ${LIMITS.maxGridSlots.toLocaleString('zh-CN')}），本程序不读取。若表格右侧或下方有零星的无关内容，请删除后再导入；否则请把数据分成几个文件。`);
    }
    const row: GridCell[] = new Array<GridCell>(src.length);
    let last = -1;
    for (let c = 0; c < src.length; c++) {
      const v = value(src[c]);
      row[c] = v;
      if (v !== null && v !== '') {
        last = c;
        cells++;
      }
    }
    if (last < 0) continue;
    row.length = last + 1;
    rows[r] = row;
    usedRows = r + 1;
    if (last + 1 > usedCols) usedCols = last + 1;
    if (r % 5000 === 0) progress({ phase: 'extracting', done: r, total });
  }
  budget.cells += cells;
  if (budget.cells > LIMITS.maxCells) {
    throw new ImportFileError('TOO_MANY_CELLS', `工作簿中非空单元格超过 ${LIMITS.maxCells.toLocaleString('zh-CN')} 个，超出本程序一次导入的上限。请把数据分成几个文件后分别导入。`);
  }
  const merges = source.merges;
  if (merges.length > LIMITS.maxMerges) {
    throw new ImportFileError('TOO_MANY_MERGES', `工作表“${name}”有 ${merges.length} 个合并单元格，超过上限 ${LIMITS.maxMerges}。请取消合并单元格后再导入。`);
  }
  // Merges are kept as declared but never expanded here; the header code clips them.
  const kept = merges.filter((m) => m.s.r < Math.max(usedRows, 1) && m.s.c < Math.max(usedCols, 1)).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  rows.length = usedRows;
  return { name, hidden, rows, merges: kept, usedRows, usedCols, cells };
}

/** `direct: false` sends an .xlsx to SheetJS too (the test comparing both readers uses it). */
export async function readWorkbook(req: WorkerRequest, progress: Progress = () => undefined, options: { direct?: boolean } = {}): Promise<ParsedWorkbook> {
  if (req.bytes.byteLength > LIMITS.maxFileBytes) {
    throw new ImportFileError('FILE_TOO_BIG', `文件过大（超过 ${LIMITS.maxFileBytes / 1024 / 1024} MB），请把数据分成几个文件后分别导入。`);
  }
  const opened = await openContainer(req, progress, options.direct ?? true);
  const { format, encoding } = opened;
  const budget = { cells: 0, slots: 0 };
  if (opened.raw) return { format, encoding, sheets: opened.raw.map((s) => extractSheet(fromRaw(s), budget, progress)) };
  const wb = opened.wb;
  const names = wb.SheetNames.slice(0, MAX_SHEETS);
  if (names.length === 0) throw new ImportFileError('NO_SHEETS', `“${req.fileName}”中没有工作表。`);
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets = names.map((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = (meta[i]?.Hidden ?? 0) !== 0;
    if (!ws) return { name, hidden, rows: [], merges: [], usedRows: 0, usedCols: 0, cells: 0 };
    return extractSheet(fromSheetJs(ws, name, hidden), budget, progress);
  });
  return { format, encoding, sheets };
}
