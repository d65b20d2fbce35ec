/** A small, real training set: flu H3N2 HA tips of four clades, rebuilt as sample-like genomes. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LabeledGenome } from '../../../../src/core/ml/training';
import { parseLabeledRows } from '../../../../src/core/pathogens/labeled-mutations';
import { parseReferenceFasta } from '../../../../src/core/pathogens/reference-fasta';
import { tipGenome } from '../../../../src/core/pathogens/tip-genomes';

export const FLU_DIR = resolve(import.meta.dirname, '../../../../resources/pathogens/flu-h3n2-ha');
const CLADES = ['D', 'G.1.3', 'J', 'J.2'];

/** The first `train` tips of each clade for training and the next `test` for a held-out check. */
export function fluTips(
  train: number,
  test: number,
): { train: LabeledGenome[]; test: LabeledGenome[] } {
  const fasta = join(FLU_DIR, 'reference.fasta');
  const reference = parseReferenceFasta(readFileSync(fasta, 'utf8'), fasta).sequence;
  const rows = parseLabeledRows(readFileSync(join(FLU_DIR, 'labeled.tsv'), 'utf8'));
  const out = { train: [] as LabeledGenome[], test: [] as LabeledGenome[] };
  for (const clade of CLADES) {
    const tips = rows.filter((row) => row.clade === clade).slice(0, train + test);
    tips.forEach((row, i) =>
      (i < train ? out.train : out.test).push({
        id: row.name,
        label: clade,
        sequence: tipGenome(reference, row, { nFraction: 0.03, privateMutations: 2, seed: 7 }),
      }),
    );
  }
  return out;
}
