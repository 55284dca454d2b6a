export * from './model';
export * from './projection';
export * from './style';
export * from './render';
