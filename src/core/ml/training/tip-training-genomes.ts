/**
 * The default models' training recipe for labeled tips: each tip rebuilt as a few
 * sample-like copies (runs of N, a few private substitutions, one seed per copy), the copies
 * of a tip sharing its cross-validation group; the exemplar models store the tip itself.
 * Used by `npm run build:models` and by the held-out bench, so both train exactly alike.
 */
import type { LabeledRow } from '../../pathogens/labeled-mutations';
import { alignedTipGenome, tipGenome } from '../../pathogens/tip-genomes';
import type { LabeledGenome } from './aligned-genomes';

export interface TipTrainingOptions {
  /** Sample-like copies per tip (default 2). */
  copies?: number;
  /** Share of N in runs (default 0.03). */
  nFraction?: number;
  /** Random private substitutions per copy (default 2). */
  privateMutations?: number;
  seed?: number;
  /**
   * The cross-validation group of a tip; absent, groups are derived from the genomes
   * (near-identical tips of one label, see lineage-groups.ts).
   */
  groupOf?: (row: LabeledRow) => string;
}

/** Training genomes of `rows` (tips labeled `unassigned` or with no label are left out). */
export function tipTrainingGenomes(
  reference: string,
  rows: readonly LabeledRow[],
  options: TipTrainingOptions = {},
): LabeledGenome[] {
  const copies = options.copies ?? 2;
  const seed = options.seed ?? 1;
  const genomes: LabeledGenome[] = [];
  for (const row of rows) {
    if (row.clade === '' || row.clade === 'unassigned') continue;
    const group = options.groupOf?.(row);
    // The exemplar models store the tip itself: its copies' N runs would hide sites.
    const exemplarSequence = alignedTipGenome(reference, row);
    for (let copy = 0; copy < copies; copy++)
      genomes.push({
        id: `${row.name}#${copy + 1}`,
        source: row.name,
        label: row.clade,
        ...(group !== undefined && { group }),
        exemplarSequence,
        sequence: tipGenome(reference, row, {
          nFraction: options.nFraction ?? 0.03,
          privateMutations: options.privateMutations ?? 2,
          seed: seed * 1000 + copy,
        }),
      });
  }
  return genomes;
}
