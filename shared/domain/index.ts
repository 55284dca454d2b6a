export * from './stages';
export * from './model';
export * from './collate';
export * from './palette';
