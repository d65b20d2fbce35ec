/**
 * The pathogen a bundle aligns against, built from the bundle's own `reference.fasta` and
 * `annotation.gff3` (not the installed resources, so a bundle classifies the same anywhere).
 * The indel side is read from the exemplars' deletions, as `loadPathogen` reads it from
 * `labeled.tsv`.
 */
import { inferGapSide } from '../pathogens/gap-side';
import { parseGff3 } from '../pathogens/gff3';
import { toLabeledTips } from '../pathogens/labeled-mutations';
import { parseReferenceFasta } from '../pathogens/reference-fasta';
import type { Pathogen, ReferenceSequence } from '../pathogens/types';
import { InvalidInputError } from '../errors';
import type { ExemplarRow } from './exemplar-table';

/** The reference of a bundle; `source` names the bundle in errors. */
export function bundleReference(fastaText: string, source: string): ReferenceSequence {
  return parseReferenceFasta(fastaText, `${source}: reference.fasta`);
}

/**
 * @param id the pathogen id to report (the manifest's reference id)
 * @throws InvalidInputError naming the bundle entry at fault
 */
export function bundlePathogen(
  id: string,
  reference: ReferenceSequence,
  gffText: string,
  exemplars: readonly ExemplarRow[],
  source: string,
): Pathogen {
  const gffName = `${source}: annotation.gff3`;
  const genes = parseGff3(gffText, gffName);
  for (const gene of genes)
    if (gene.end > reference.sequence.length)
      throw new InvalidInputError(
        `${gffName}: gene ${gene.name} (${gene.start}..${gene.end}) extends beyond the reference (${reference.sequence.length} nt)`,
      );
  const tips = toLabeledTips(
    exemplars.map((row) => ({
      name: row.id,
      clade: row.label,
      pango: '',
      mutations: row.mutations,
    })),
  );
  return { id, reference, genes, gapSide: inferGapSide(reference.sequence, tips) };
}
