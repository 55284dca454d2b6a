export * from './stages';
export * from './model';
export * from './collate';
