// Plan evaluation: pure functions over plain data, shared by the backend,
// the renderer and the CLI. Annexes read the result types in types.ts.
export * from './model';
export * from './project-types';
export * from './settings';
export * from './norms';
export * from './context';
export * from './targets';
export * from './types';
export * from './levels';
export * from './balance';
export * from './classes';
export { COUNTY_POOL, COUNTY_STAGES } from './demand';
export { evaluatePlan, newPlan, DEFAULT_PLAN_NAME } from './evaluate';
export { yearsOf } from './run';
export { withUnit } from './text';
export * from './teachers';
export { planMethods, PROJECT_IMPORT_LIMIT, projectImportSchema, type PlanDetail, type PlanSummary, type ProjectImport, type ProjectImportResult } from './contract';
export { planHeadline, type PlanHeadline } from './headline';
export { SMALL_SCHOOL_PUPILS, type LayoutSuggestion } from './layout-suggest';
export { inclusionFacts, type InclusionData, type InclusionFacts } from './inclusion';
export { groupsInYear, type GroupActionProject } from './group-actions';
export { defaultTargetsWith, type InclusionPresence } from './inclusion-targets';
export * from './reservations';
