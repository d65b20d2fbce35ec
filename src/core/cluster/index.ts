export type { Matrix } from './matrix';
export * from './pca';
export * from './kmeans';
export * from './metrics';
export * from './choose-k';
export * from './knn';
export * from './umap';
export * from './hdbscan';
export * from './summaries';
