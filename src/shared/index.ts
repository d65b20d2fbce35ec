export * from './types';
export * from './schemas';
export * from './contract';
export * from './analysis-types';
export * from './analysis-schemas';
