export * from './types';
export * from './schemas';
export * from './contract';
export * from './analysis-types';
export * from './analysis-schemas';
export * from './classify-types';
export * from './classify-schemas';
