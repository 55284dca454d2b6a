// The annex model, its providers (one per annex kind) and the API shapes. Pure: the
// renderers live in electron/backend/annex.
export * from './model';
export * from './format';
export * from './layout';
export * from './catalog';
export * from './document';
export * from './explained';
export * from './api';
export * from './providers/schools';
export * from './providers/students-chart';
export * from './providers/forecast';
export * from './providers/indicators';
export * from './providers/seat-balance';
export * from './providers/projects';
export * from './providers/adjustments';
export * from './providers/demand-chart';
export * from './providers/teachers';
export * from './providers/layout-map';
export * from './providers/planned-schools';
export * from './providers/completed-projects';
export * from './progress';
