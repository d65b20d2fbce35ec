export * from './featurizer-config';
export * from './kmer-spectrum';
export * from './feature-pool';
