export * from './stages';
export * from './record';
export * from './names';
export * from './school';
export * from './model';
export * from './collate';
export * from './palette';
export * from './edits';
