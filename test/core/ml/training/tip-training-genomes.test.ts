import { describe, expect, it } from 'vitest';
import { tipTrainingGenomes } from '../../../../src/core/ml/training';
import type { LabeledRow } from '../../../../src/core/pathogens/labeled-mutations';

const reference = 'ACGT'.repeat(250);
const row = (name: string, clade: string, pango = name): LabeledRow => ({
  name,
  clade,
  pango,
  mutations: [{ refNuc: 'A', position: 5, alt: 'G' }],
});

describe('tipTrainingGenomes', () => {
  it('makes sample-like copies of each labeled tip, grouped as asked', () => {
    const rows = [row('BA.2', '21L'), row('BA.2.1', '21L'), row('X', 'unassigned'), row('Y', '')];
    const genomes = tipTrainingGenomes(reference, rows, {
      copies: 3,
      nFraction: 0.05,
      groupOf: (tip) => tip.pango,
    });
    // Unlabeled and unassigned tips are left out; each kept tip has its copies.
    expect(genomes.map((g) => g.id)).toEqual([
      'BA.2#1',
      'BA.2#2',
      'BA.2#3',
      'BA.2.1#1',
      'BA.2.1#2',
      'BA.2.1#3',
    ]);
    expect(new Set(genomes.map((g) => g.group))).toEqual(new Set(['BA.2', 'BA.2.1']));
    expect(genomes.every((g) => g.label === '21L' && g.source === g.id.split('#')[0])).toBe(true);
    // Copies differ (their own N runs and private substitutions) and keep the tip's mutation.
    expect(new Set(genomes.slice(0, 3).map((g) => g.sequence)).size).toBe(3);
    for (const genome of genomes) expect(['G', 'N']).toContain(genome.sequence[4]);
  });

  it('gives every copy the tip itself, aligned, as its exemplar sequence', () => {
    const tip: LabeledRow = {
      ...row('B.1', '20A'),
      mutations: [
        { refNuc: 'A', position: 5, alt: 'G' },
        { refNuc: 'C', position: 6, alt: '-' },
      ],
    };
    const genomes = tipTrainingGenomes(reference, [tip], { copies: 2, nFraction: 0.1 });
    const expected = `ACGTG-GT${reference.slice(8)}`;
    expect(genomes.map((g) => g.exemplarSequence)).toEqual([expected, expected]);
    // The copies are ungapped, with N; the exemplar is neither.
    expect(genomes[0]!.sequence.length).toBe(reference.length - 1);
    expect(genomes.some((g) => g.sequence.includes('N'))).toBe(true);
  });

  it('is seeded, and leaves groups to be derived when no groupOf is given', () => {
    const rows = [row('A.1', '19A')];
    const once = tipTrainingGenomes(reference, rows, { seed: 7 });
    expect(tipTrainingGenomes(reference, rows, { seed: 7 })).toEqual(once);
    expect(tipTrainingGenomes(reference, rows, { seed: 8 })[0]!.sequence).not.toBe(
      once[0]!.sequence,
    );
    expect(once.every((g) => g.group === undefined)).toBe(true);
  });
});
