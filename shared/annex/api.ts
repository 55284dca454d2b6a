// Shapes of the annex API methods (annex.list, annex.preview, annex.export); the zod input
// schemas are in shared/api/contract.ts.
import type { AnnexSourceKind } from './catalog';
import type { AnnexKind, Paper } from './model';

export const ANNEX_FORMATS = ['pdf', 'xlsx', 'docx'] as const;
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];

export interface AnnexListItem {
  kind: AnnexKind;
  /** Customary number (1–7) in issue 6's list. */
  number: number;
  /** Title without the prefix. */
  title: string;
  defaultPaper: Paper;
  figure: boolean;
  source: AnnexSourceKind;
  /** Whether its data exist in this project now. */
  available: boolean;
  /** Why it is not available, for the planner. */
  reason: string | null;
}

export interface AnnexList {
  /** Proposed title prefix: the county's name. */
  titlePrefix: string;
  annexes: AnnexListItem[];
}

export interface AnnexSelection {
  kind: AnnexKind;
  paper?: Paper;
  number?: number;
}

export interface AnnexExportResult {
  format: AnnexFormat;
  /** Proposed file name ("示例县规划附件.pdf"). */
  fileName: string;
  bytes: number;
  /** Where the file was written, when an outPath was given. */
  path: string | null;
  /** The file itself, base64, when no outPath was given (browser download). */
  base64: string | null;
}
