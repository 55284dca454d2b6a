// The enrolment and population projection engine: pure functions over plain data,
// shared by the backend (API and CLI) and anything else that needs the same numbers.
export * from './params';
export * from './types';
export * from './flags';
export * from './data';
export { splitBands, type AgeBand, type SingleAge } from './bands';
export { ProjectionError } from './engine';
export { calibrate, runScenario, buildResult, recompute, countySeries, DEFAULT_HORIZON_YEARS, MAX_HORIZON_YEARS, type Calibration, type ScenarioRun } from './project';
export { backtest, METHOD_LABEL } from './backtest';
export { peakOf, type StagePeak } from './peaks';
export { SIZE_CLASSES, sizeClassOf, sizeClassLabel, type SizeClass } from './size-classes';
export { residentsOf, rampShare, HOUSING_STAGES, developmentsFor } from './developments';
export { MAX_AGE, AGES, SURVIVAL } from './population';
export type { TrustClass, TrustTable } from './trust';
export { withCountySeries, apportion, COUNTY_SERIES_SOURCE } from './county-births';
