export * from './norms';
export * from './run';
export * from './types';
export * from './qualification';
export * from './retirement';
