import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  alignedSequence,
  createAligner,
  formatAaDeletion,
  formatAaSubstitution,
  formatDeletion,
  formatNucSubstitution,
} from '../../../../src/core/analysis/align';
import { loadPathogen } from '../../../../src/core/pathogens';
import type { AlignmentOutcome, SequenceCalls } from '../../../../src/shared/analysis-types';
import { seededRandom, randomGenome } from '../../../helpers/genomes';
import { readFasta } from './truth-compare';

const sars = loadPathogen('resources/pathogens/sars-cov-2');
const aligner = createAligner(sars);
const reference = sars.reference.sequence;
const samples = readFasta('test/fixtures/align/sars-cov-2-sample.fasta.gz');
const alpha = samples.find((r) => r.id === 'B.1.1.7')!.sequence;

function calls(outcome: AlignmentOutcome): SequenceCalls {
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.calls;
}

function reverseComplement(sequence: string): string {
  const complement: Record<string, string> = {
    A: 'T',
    C: 'G',
    G: 'C',
    T: 'A',
    R: 'Y',
    Y: 'R',
    N: 'N',
  };
  return [...sequence]
    .reverse()
    .map((c) => complement[c] ?? 'N')
    .join('');
}

describe('spot checks on SARS-CoV-2', () => {
  const alphaCalls = calls(aligner.align(alpha));
  // The Alpha genome in reference coordinates ('-' where deleted): edits below are made
  // at reference positions, then the gaps are dropped again.
  const alphaRow = alignedSequence(reference, alphaCalls);
  const unaligned = (row: string): string => row.replace(/-/g, '');

  it('an Alpha (B.1.1.7, 20I) genome carries S:N501Y, S:H69-, S:V70- and ORF8:Q27*', () => {
    const aa = alphaCalls.aaSubstitutions.map(formatAaSubstitution);
    expect(aa).toContain('S:N501Y');
    expect(aa).toContain('ORF8:Q27*');
    expect(alphaCalls.stopCodons).toContainEqual({ gene: 'ORF8', codon: 27 });
    expect(alphaCalls.substitutions.map(formatNucSubstitution)).toContain('A23063T');
    expect(alphaCalls.deletions.map(formatDeletion)).toContain('21765-21770');
    expect(alphaCalls.aaDeletions.map(formatAaDeletion)).toEqual(
      expect.arrayContaining([
        'S:H69-',
        'S:V70-',
        'S:Y144-',
        'ORF1a:S3675-',
        'ORF1a:G3676-',
        'ORF1a:F3677-',
      ]),
    );
    expect(alphaCalls).toMatchObject({
      alignmentStart: 1,
      alignmentEnd: 29903,
      reverseComplemented: false,
    });
  });

  it('a reverse-complemented genome is flipped and called identically', () => {
    const flipped = calls(aligner.align(reverseComplement(alpha)));
    expect(flipped.reverseComplemented).toBe(true);
    expect({ ...flipped, reverseComplemented: false }).toEqual(alphaCalls);
  });

  it('junk and an RSV-A genome do not align, with a reason', () => {
    const junk = aligner.align(randomGenome(29903, seededRandom(3)));
    expect(junk).toEqual({
      ok: false,
      reason: expect.stringMatching(/sars-cov-2 reference.*wrong pathogen/),
    });
    const rsv = readFasta('test/fixtures/align/rsv-a-sample.fasta.gz')[0]!.sequence;
    expect(aligner.align(rsv)).toEqual({
      ok: false,
      reason: expect.stringMatching(/wrong pathogen/),
    });
    expect(aligner.align('NNNNNRYNNN')).toEqual({
      ok: false,
      reason: expect.stringMatching(/no A, C, G or T/),
    });
    expect(aligner.align('')).toMatchObject({ ok: false });
  });

  it('calls an insertion with its bases, in frame and without amino-acid noise', () => {
    const inserted = calls(
      aligner.align(reference.slice(0, 22204) + 'GAGCCAGAA' + reference.slice(22204)),
    );
    expect(inserted.insertions).toEqual([{ position: 22204, bases: 'GAGCCAGAA' }]);
    expect(inserted.substitutions).toEqual([]);
    expect(inserted.frameShifts).toEqual([]);
    expect(inserted.aaSubstitutions).toEqual([]);
  });

  it('a partial genome: uncovered ends are missing, not deletions', () => {
    const partial = calls(aligner.align(unaligned(alphaRow.slice(21000, 24000))));
    expect(partial).toMatchObject({
      alignmentStart: 21001,
      alignmentEnd: 24000,
      deletions: [
        { start: 21765, length: 6 },
        { start: 21992, length: 3 },
      ],
    });
    expect(partial.missing).toEqual([
      { start: 1, end: 21000 },
      { start: 24001, end: 29903 },
    ]);
    expect(partial.aaSubstitutions.map(formatAaSubstitution)).toContain('S:N501Y');
  });

  it('N runs are missing; ambiguity codes are listed; codons touching either are not called', () => {
    // N over S:N501 (23063-23065) and an R (A or G) at the first base of S:D614 (23402).
    const masked = `${alphaRow.slice(0, 23050)}${'N'.repeat(20)}${alphaRow.slice(23070, 23401)}R${alphaRow.slice(23402)}`;
    const result = calls(aligner.align(unaligned(masked)));
    expect(result.missing).toEqual([{ start: 23051, end: 23070 }]);
    expect(result.ambiguous).toEqual([{ position: 23402, code: 'R' }]);
    const aa = result.aaSubstitutions.map(formatAaSubstitution);
    expect(aa).not.toContain('S:N501Y');
    expect(aa.some((label) => label.startsWith('S:D614'))).toBe(false);
    expect(result.substitutions.some((s) => s.position >= 23051 && s.position <= 23070)).toBe(
      false,
    );
  });

  it('a cluster of substitutions between exact seeds is called as such, beside an N run too', () => {
    // Four substitutions in a row in S (23100-23103) and three outside genes (29700-29702):
    // the direct path beats any pair of gaps; next to an N run (cheap gaps) as well.
    const swap: Record<string, string> = { A: 'C', C: 'G', G: 'T', T: 'A' };
    const mutate = (sequence: string, from: number, count: number) =>
      sequence.slice(0, from) +
      [...sequence.slice(from, from + count)].map((c) => swap[c]).join('') +
      sequence.slice(from + count);
    const mutated = mutate(mutate(reference, 23099, 4), 29699, 3);
    const positions = (result: SequenceCalls) => result.substitutions.map((s) => s.position);
    expect(positions(calls(aligner.align(mutated)))).toEqual([
      23100, 23101, 23102, 23103, 29700, 29701, 29702,
    ]);
    const besideN = `${mutated.slice(0, 23080)}${'N'.repeat(15)}${mutated.slice(23095)}`;
    const result = calls(aligner.align(besideN));
    expect(positions(result)).toEqual([23100, 23101, 23102, 23103, 29700, 29701, 29702]);
    expect(result.missing).toEqual([{ start: 23081, end: 23095 }]);
    expect(result.deletions).toEqual([]);
    expect(result.insertions).toEqual([]);
  });

  it('gaps in the input are dropped, and the aligner is unaffected by what it aligned before', () => {
    const before = calls(aligner.align(alpha));
    calls(aligner.align(reference.slice(0, 22204) + 'GAGCCAGAA' + reference.slice(22204)));
    calls(aligner.align(unaligned(alphaRow.slice(21000, 24000))));
    expect(calls(aligner.align(alphaRow))).toEqual(before);
    expect(calls(aligner.align(Buffer.from(alphaRow, 'latin1')))).toEqual(before);
  });

  it('a deletion of one base in a gene is a frame shift, and its codons are not translated', () => {
    const shifted = calls(aligner.align(reference.slice(0, 22000) + reference.slice(22001)));
    expect(shifted.deletions).toEqual([{ start: 22001, length: 1 }]);
    expect(shifted.frameShifts).toEqual([
      { gene: 'S', nucStart: 22001, nucEnd: 22001, codonStart: 147, codonEnd: 1274 },
    ]);
    expect(shifted.aaSubstitutions).toEqual([]);
    expect(shifted.stopCodons).toEqual([]);
  });

  it('exports the aligned sequence in reference coordinates', () => {
    const partial = calls(aligner.align(`NNNN${unaligned(alphaRow.slice(21000, 24000))}`));
    const row = alignedSequence(reference, partial);
    expect(row).toHaveLength(29903);
    expect(row.slice(0, 21000)).toMatch(/^-+$/);
    expect(row.slice(21764, 21770)).toBe('------');
    expect(row[23062]).toBe('T');
    expect(row.slice(24000)).toMatch(/^-+$/);
    expect(unaligned(alphaRow)).toBe(alpha);
  });
});

describe('other pathogens', () => {
  it('aligns the RSV-A and flu example inputs (real sequences with their Ns)', () => {
    for (const id of ['rsv-a', 'flu-h3n2-ha']) {
      const pathogenAligner = createAligner(loadPathogen(`resources/pathogens/${id}`));
      const text = readFileSync(`resources/examples/${id}/sequences.fasta`, 'utf8');
      const records = text
        .split('>')
        .slice(1)
        .map((chunk) => chunk.split('\n').slice(1).join('').toUpperCase());
      const outcomes = records.map((sequence) => pathogenAligner.align(sequence));
      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    }
  });
});
