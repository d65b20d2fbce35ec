/**
 * Alignment scores (Nextclade's defaults): match +3, mismatch -1, free gap extension, and a
 * gap-open cost that depends on where the gap opens: 6 outside genes, 7 at a codon
 * boundary, 8 inside a codon. So indels in genes land on codon boundaries when the
 * sequence allows it, as the labeled trees have them.
 */
import type { Gene } from '../../pathogens/types';

export const MATCH = 3;
export const MISMATCH = -1;
export const GAP_OPEN = 6;
export const GAP_OPEN_IN_FRAME = 7;
export const GAP_OPEN_OUT_OF_FRAME = 8;
/**
 * Opening a gap beside an N of the query: cheaper than anywhere else, so an indel whose
 * place the data cannot tell goes into the N run (and is then reported as missing), but
 * dearer than half a mismatch, so N runs never attract pairs of gaps.
 */
export const GAP_OPEN_BESIDE_N = 3;

/**
 * Cost of opening a gap at each 0-based reference position: a deletion whose first deleted
 * base is p, or an insertion just before p (index `length` for after the last base).
 * Where genes overlap, the later gene in the annotation decides.
 */
export function gapOpenCosts(referenceLength: number, genes: readonly Gene[]): Int32Array {
  const costs = new Int32Array(referenceLength + 1).fill(GAP_OPEN);
  for (const gene of genes) {
    for (let p = gene.start - 1; p < gene.end; p += 1) {
      // Codon phase counted from the gene's 5' end, on its own strand.
      const phase = gene.strand === '+' ? (p - (gene.start - 1)) % 3 : (gene.end - 1 - p) % 3;
      const boundary = gene.strand === '+' ? phase === 0 : phase === 2;
      costs[p] = boundary ? GAP_OPEN_IN_FRAME : GAP_OPEN_OUT_OF_FRAME;
    }
  }
  return costs;
}
