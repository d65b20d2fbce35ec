/** A pathogen as the aligner sees it: one reference sequence and its annotated genes. */
import type { GeneSummary } from '../../shared/analysis-types';

/** A coding region: 1-based inclusive reference positions, as in GFF3. */
export type Gene = GeneSummary;

export interface ReferenceSequence {
  /** The FASTA record id. */
  id: string;
  /** Upper case, no gaps. */
  sequence: string;
}

/**
 * Where an indel goes when several placements score the same: `left` (5'-most) or `right`
 * (3'-most). A codon-boundary placement inside a gene always wins over either.
 */
export type GapSide = 'left' | 'right';

export interface Pathogen {
  /** The folder name, e.g. `sars-cov-2`. */
  id: string;
  reference: ReferenceSequence;
  /** In annotation order (where CDS overlap, codon-aware gap costs follow the later one). */
  genes: Gene[];
  /** Tie-break for indel placement; `left` when absent. */
  gapSide?: GapSide;
}
