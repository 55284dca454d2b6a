// The stage colours and the app's primary blue, shared by the UI's charts and the printed
// annex figures so a stage looks the same on screen and on paper.
import type { Stage } from './stages';

export const STAGE_COLOR: Record<Stage, string> = {
  preschool: '#e39b2d',
  primary: '#2f6fbf',
  junior: '#2e9a6f',
  senior: '#8a5bbf',
  special: '#c2577a',
  vocational: '#6d7c90',
};

export const PRIMARY_COLOR = '#1f5fa8';

/** 学位预警 levels (seat use and class size), the same on every page, chart and map. */
export const LEVEL_COLOR = {
  red: '#cf1322',
  orange: '#d46b08',
  green: '#389e0d',
  blue: '#1d63b8',
  muted: '#8c8c8c',
} as const;
