import { describe, expect, it } from 'vitest';
import { createAligner } from '../../../../src/core/analysis/align';
import type { GapSide, Pathogen } from '../../../../src/core/pathogens';
import type { SequenceCalls } from '../../../../src/shared/analysis-types';
import { randomGenome, seededRandom } from '../../../helpers/genomes';

// A random 3 kb genome with a gene at 1003..2502, the repeat TTTTTT at 501..506 (outside
// the gene) and AAGAAGAAG at 1501..1509 (inside it; 1501 starts codon 167), each between
// a G or C that ends the repeat.
const base = randomGenome(3000, seededRandom(11));
const genome = `${base.slice(0, 499)}GTTTTTTC${base.slice(507, 1499)}CAAGAAGAAGC${base.slice(1510)}`;

function pathogen(gapSide: GapSide): Pathogen {
  return {
    id: 'synthetic',
    reference: { id: 'ref', sequence: genome },
    genes: [{ name: 'g', start: 1003, end: 2502, strand: '+' }],
    gapSide,
  };
}

function align(side: GapSide, sequence: string): SequenceCalls {
  const outcome = createAligner(pathogen(side)).align(sequence);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.calls;
}

describe('indel placement', () => {
  const oneT = genome.slice(0, 500) + genome.slice(501);
  it.each([
    ['left', 501],
    ['right', 506],
  ] as const)('outside genes, a deletion in a repeat goes to the %s end', (side, start) => {
    expect(align(side, oneT).deletions).toEqual([{ start, length: 1 }]);
  });

  it.each(['left', 'right'] as const)(
    'inside a gene, a codon boundary wins (%s tie-break)',
    (side) => {
      // AAG AAG AAG -> AAG AAG: the deleted AAG can sit at 1501, 1502, 1503, ... 1507.
      const oneCodon = genome.slice(0, 1503) + genome.slice(1506);
      const calls = align(side, oneCodon);
      expect(calls.deletions).toEqual([{ start: side === 'left' ? 1501 : 1507, length: 3 }]);
      expect(calls.aaDeletions).toEqual([
        { gene: 'g', codon: side === 'left' ? 167 : 169, refAa: 'K' },
      ]);
      expect(calls.frameShifts).toEqual([]);
    },
  );

  it('an insertion in a repeat follows the same tie-break', () => {
    const extraT = genome.slice(0, 503) + 'T' + genome.slice(503);
    expect(align('left', extraT).insertions).toEqual([{ position: 500, bases: 'T' }]);
    expect(align('right', extraT).insertions).toEqual([{ position: 506, bases: 'T' }]);
  });
});
