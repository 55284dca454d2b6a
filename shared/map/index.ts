export * from './model';
export * from './projection';
export * from './style';
export * from './scene';
export * from './svg';
export * from './paint';
export * from './from-geo';
export * from './proposals';
