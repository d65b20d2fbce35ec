export * from './bundle-error';
export * from './bundle-manifest';
export * from './entry-paths';
export * from './read-bundle';
export * from './write-bundle';
export { MAX_BUNDLE_ENTRIES } from './zip-entries';
