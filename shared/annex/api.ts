// Shapes of the annex API methods (annex.list, annex.preview, annex.export); the zod input
// schemas are in shared/api/contract.ts.
import type { PlanHeader } from '../plan/model';
import type { AnnexCatalogEntry } from './catalog';
import type { AnnexKind, Paper } from './model';

export const ANNEX_FORMATS = ['pdf', 'xlsx', 'docx'] as const;
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];

/** A catalogue entry and whether this project can build it now. */
export interface AnnexListItem extends AnnexCatalogEntry {
  /** Whether its data exist in this project now. */
  available: boolean;
  /** Why it is not available, for the planner. */
  reason: string | null;
}

/** A plan (规划) the plan's annexes can be built from. */
export type AnnexPlanOption = PlanHeader;

export interface AnnexList {
  /** Proposed title prefix: the county's name. */
  titlePrefix: string;
  annexes: AnnexListItem[];
  /** The project's plans, the first one used when none is asked for. */
  plans: AnnexPlanOption[];
  /** The plan the list was made for (the one asked for, else the first); null when there is none. */
  plan: AnnexPlanOption | null;
  /** Projection scenarios (情景) to choose from. */
  scenarios: string[];
}

export interface AnnexSelection {
  kind: AnnexKind;
  paper?: Paper;
  /** 学龄人口与在校生预测表 only: a row of 80 % 预测区间 under each projected students row. */
  intervals?: boolean;
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
  /** Which fonts the file is set in, in one sentence (the PDF's as resolved on this machine). */
  fonts?: string;
}
