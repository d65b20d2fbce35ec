export { translate, CODON_TO_AA } from './codon-table';
export { inferGapSide } from './gap-side';
export { parseLabeledTips, type LabeledTip } from './labeled-mutations';
export { parseGff3 } from './gff3';
export { loadPathogen } from './load-pathogen';
export { parseReferenceFasta } from './reference-fasta';
export type { GapSide, Gene, Pathogen, ReferenceSequence } from './types';
