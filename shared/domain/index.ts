export * from './stages';
export * from './model';
