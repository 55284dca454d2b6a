export * from './norms';
export * from './run';
export * from './types';
