export { alignedSequence } from './aligned-sequence';
export { createAligner, type Aligner } from './aligner';
export {
  formatAaDeletion,
  formatAaSubstitution,
  formatDeletion,
  formatInsertion,
  formatNucSubstitution,
} from './labels';
export { createAlignPool, type AlignPool } from './align-pool';
