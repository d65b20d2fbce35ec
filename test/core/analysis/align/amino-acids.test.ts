import { describe, expect, it } from 'vitest';
import { createAligner } from '../../../../src/core/analysis/align';
import { translate, type Pathogen } from '../../../../src/core/pathogens';
import type { SequenceCalls } from '../../../../src/shared/analysis-types';
import { randomGenome, seededRandom } from '../../../helpers/genomes';

const genome = randomGenome(3000, seededRandom(5));
const complement: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A' };
const reverseComplement = (s: string): string =>
  [...s]
    .reverse()
    .map((c) => complement[c]!)
    .join('');

function callsFor(pathogen: Pathogen, sequence: string): SequenceCalls {
  const outcome = createAligner(pathogen).align(sequence);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.calls;
}

describe('amino-acid calls', () => {
  it('reads minus-strand genes from their 5-prime end (the highest reference position)', () => {
    const pathogen: Pathogen = {
      id: 'minus',
      reference: { id: 'ref', sequence: genome },
      genes: [{ name: 'r', start: 1003, end: 2502, strand: '-' }],
    };
    // Codon 2 of the gene is reference 2497..2499, read as its reverse complement.
    const refCodon = reverseComplement(genome.slice(2496, 2499));
    const queryBase = refCodon[0] === 'A' ? 'C' : 'A';
    const mutated = genome.slice(0, 2498) + complement[queryBase] + genome.slice(2499);
    const calls = callsFor(pathogen, mutated);
    expect(calls.substitutions).toEqual([
      { position: 2499, refNuc: genome[2498], queryNuc: complement[queryBase] },
    ]);
    const queryAa = translate(queryBase + refCodon.slice(1));
    const expected =
      queryAa === translate(refCodon)
        ? []
        : [{ gene: 'r', codon: 2, refAa: translate(refCodon), queryAa }];
    expect(calls.aaSubstitutions).toEqual(expected);
  });

  it('an out-of-phase deletion of whole codons deletes codons, not a frame', () => {
    const pathogen: Pathogen = {
      id: 'plus',
      reference: { id: 'ref', sequence: genome },
      genes: [{ name: 'g', start: 1003, end: 2502, strand: '+' }],
    };
    // Delete 6 bases starting at the second base of codon 10 (1030..1035).
    const calls = callsFor(pathogen, genome.slice(0, 1029) + genome.slice(1035));
    expect(calls.deletions).toEqual([{ start: 1030, length: 6 }]);
    expect(calls.frameShifts).toEqual([]);
    expect(calls.aaDeletions).toHaveLength(2);
    const codons = [
      ...calls.aaDeletions.map((d) => d.codon),
      ...calls.aaSubstitutions.map((s) => s.codon),
    ];
    expect(codons.every((c) => c >= 10 && c <= 12)).toBe(true);
  });
});
