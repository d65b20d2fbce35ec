import { describe, expect, it } from 'vitest';
import { isKnown } from '../../../../src/core/ml/exemplar';
import { featurizeAligned } from '../../../../src/core/ml/training/allele-data';
import { exemplarSetOf } from '../../../../src/core/ml/training/fit-candidate';
import { prepareTrainingData } from '../../../../src/core/ml/training/prepare-training-data';
import { tipTrainingGenomes } from '../../../../src/core/ml/training';
import { parseLabeledRows } from '../../../../src/core/pathogens/labeled-mutations';
import { loadPathogen } from '../../../../src/core/pathogens/load-pathogen';
import { alignedTipGenome } from '../../../../src/core/pathogens/tip-genomes';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FLU_DIR } from './flu-tips';

const pathogen = loadPathogen(FLU_DIR);
const reference = pathogen.reference.sequence;
const all = parseLabeledRows(readFileSync(join(FLU_DIR, 'labeled.tsv'), 'utf8'));
const rows = ['J', 'J.2'].flatMap((clade) => all.filter((row) => row.clade === clade).slice(0, 12));

describe('prepareTrainingData', () => {
  it('stores each source as its exemplar sequence, not as its N-masked copy', async () => {
    // Copies with 10% N: every copy is unknown somewhere the tip itself is known.
    const genomes = tipTrainingGenomes(reference, rows, { nFraction: 0.1 });
    const { data, sources } = await prepareTrainingData(genomes, pathogen, {});
    const { positions, config } = data.alleles;
    const set = exemplarSetOf(
      data,
      Array.from({ length: sources.length }, (_, row) => row),
    );
    const tips = rows.filter((row) => sources.includes(row.name));
    expect(set.labels.length).toBe(tips.length);
    const complete = featurizeAligned(
      config,
      tips.map((row) => alignedTipGenome(reference, row)),
    ).codes;
    expect(set.codes).toEqual(complete);
    // The training rows keep their N: the model still learns from sample-like genomes.
    let unknownInCopies = 0;
    for (let i = 0; i < data.alleles.codes.length; i++)
      if (!isKnown(data.alleles.codes[i]!, 4)) unknownInCopies++;
    expect(unknownInCopies).toBeGreaterThan(0);
    expect(positions).toBeGreaterThan(0);
  });

  it('refuses an exemplar sequence that is not as long as the reference, naming the genome', async () => {
    const genomes = tipTrainingGenomes(reference, rows, { copies: 1 });
    genomes[2] = { ...genomes[2]!, exemplarSequence: reference.slice(1) };
    await expect(prepareTrainingData(genomes, pathogen, {})).rejects.toThrow(
      `genome ${genomes[2]!.id}: its exemplar sequence has ${reference.length - 1} columns, the reference ${reference.length}`,
    );
  });
});
