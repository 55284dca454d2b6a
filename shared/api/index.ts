export * from './contract';
export * from './types';
