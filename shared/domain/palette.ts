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
