export * from './featurizer-config';
export * from './kmer-spectrum';
export * from './feature-pool';
export * from './aligned-alleles';
export * from './mutation-profile';
export * from './featurizer-union';
