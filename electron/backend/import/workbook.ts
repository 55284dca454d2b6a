// The parsed workbook the reader hands over: plain rows of values per sheet, ready for the
// pure import code, plus what the wizard shows about the file.
import type { CellRange, GridCell, TextEncoding } from '../../../shared/import';

export type FileFormat = 'xlsx' | 'xlsb' | 'xls' | 'ods' | 'csv' | 'txt' | 'xml';

export interface ParsedSheet {
  name: string;
  /** Hidden or very hidden in the workbook: shown to the planner, still importable. */
  hidden: boolean;
  rows: GridCell[][];
  merges: CellRange[];
  /** Rows and columns actually holding values. */
  usedRows: number;
  usedCols: number;
  cells: number;
}

export interface ParsedWorkbook {
  format: FileFormat;
  /** For text files: the encoding used to read them. */
  encoding: TextEncoding | null;
  sheets: ParsedSheet[];
}

export type WorkerProgress = { phase: 'checking' | 'parsing' | 'extracting'; done: number; total: number };

export type WorkerMessage =
  | { type: 'progress'; progress: WorkerProgress }
  /** The workbook as JSON: one string crosses the thread boundary far faster than a million small arrays. */
  | { type: 'done'; json: string }
  | { type: 'failed'; code: string; message: string };

export interface WorkerRequest {
  bytes: Uint8Array;
  fileName: string;
  encoding: 'auto' | TextEncoding;
}
