import { describe, expect, it } from 'vitest';
import {
  kmerSpectra,
  kmerSpectrum,
  parseFeaturizerConfig,
  type KmerFeaturizerConfig,
} from '../../../src/core/features';
import { randomSequences, reverseComplement } from './random-sequences';

// k = 2 is below the schema's range, but the arithmetic is the same and small enough to
// check by hand; the config is built directly for that reason.
const k2 = (canonical: boolean): KmerFeaturizerConfig => ({
  kind: 'kmer',
  k: 2,
  dimension: 16,
  normalize: 'none',
  canonical,
});
const k3 = (overrides: Partial<KmerFeaturizerConfig> = {}): KmerFeaturizerConfig =>
  parseFeaturizerConfig({ kind: 'kmer', k: 3, canonical: false, normalize: 'none', ...overrides });

/** The non-zero slots of a spectrum as {index: value}. */
function nonZero(row: Float32Array): Record<number, number> {
  const slots: Record<number, number> = {};
  row.forEach((value, index) => {
    if (value !== 0) slots[index] = value;
  });
  return slots;
}

describe('kmerSpectrum', () => {
  it('counts 2-mers of ACGT at AC=1, CG=6, GT=11', () => {
    expect(nonZero(kmerSpectrum('ACGT', k2(false)))).toEqual({ 1: 1, 6: 1, 11: 1 });
  });

  it('merges a k-mer with its reverse complement in the smaller code when canonical', () => {
    // AC and GT are each other's reverse complement; CG is its own.
    expect(nonZero(kmerSpectrum('ACGT', k2(true)))).toEqual({ 1: 2, 6: 1 });
    // AAA~TTT (0), AAC~GTT (1)
    expect(nonZero(kmerSpectrum('AAAAC', k3({ canonical: true })))).toEqual({ 0: 2, 1: 1 });
    expect(nonZero(kmerSpectrum('GTTTT', k3({ canonical: true })))).toEqual({ 0: 2, 1: 1 });
  });

  it('skips k-mers touching N or an ambiguity code, restarting the window', () => {
    expect(nonZero(kmerSpectrum('ACGNTTA', k3()))).toEqual({ 6: 1, 60: 1 });
    expect(nonZero(kmerSpectrum('ACGTNAC', k3()))).toEqual({ 6: 1, 27: 1 });
    expect(nonZero(kmerSpectrum('ACRGTA', k3()))).toEqual({ 44: 1 });
    expect(nonZero(kmerSpectrum('AC-GT', k3()))).toEqual({});
    expect(nonZero(kmerSpectrum('ACNN', k3()))).toEqual({});
  });

  it('reads lower case and U like upper-case T', () => {
    expect(kmerSpectrum('acgu', k3())).toEqual(kmerSpectrum('ACGT', k3()));
  });

  it('normalizes to unit l1 or l2 norm, and leaves an empty spectrum at zero', () => {
    const l1 = kmerSpectrum('AAAAC', k3({ normalize: 'l1' }));
    expect(l1[0]).toBeCloseTo(2 / 3, 6);
    expect(l1[1]).toBeCloseTo(1 / 3, 6);
    const l2 = kmerSpectrum('AAAAC', k3({ normalize: 'l2' }));
    expect(l2[0]).toBeCloseTo(2 / Math.sqrt(5), 6);
    expect(l2[1]).toBeCloseTo(1 / Math.sqrt(5), 6);
    expect(nonZero(kmerSpectrum('NNNN', k3({ normalize: 'l2' })))).toEqual({});
  });

  it('gives a strand-independent spectrum when canonical (exact and hashed)', () => {
    for (const k of [6, 11]) {
      const config = parseFeaturizerConfig({ kind: 'kmer', k });
      for (const sequence of randomSequences(5, 500, k)) {
        expect(kmerSpectrum(reverseComplement(sequence), config)).toEqual(
          kmerSpectrum(sequence, config),
        );
      }
    }
  });

  it('puts a hashed k-mer at a fixed index (32-bit Fibonacci hash of the 2-bit code)', () => {
    const forward = parseFeaturizerConfig({
      kind: 'kmer',
      k: 10,
      canonical: false,
      normalize: 'none',
    });
    // ACGTACGTAC = 111025; (111025 * 0x9e3779b1 mod 2^32) >> 16 = 14639
    expect(nonZero(kmerSpectrum('ACGTACGTAC', forward))).toEqual({ 14639: 1 });
    const small = parseFeaturizerConfig({ ...forward, dimension: 1024 });
    expect(nonZero(kmerSpectrum('ACGTACGTAC', small))).toEqual({ 228: 1 });
    // k = 12: TTTTTTTTTTGA (16777208) ~ TCAAAAAAAAAA (13631488), canonical takes the latter
    const k12 = { kind: 'kmer', k: 12, normalize: 'none' } as const;
    expect(nonZero(kmerSpectrum('TTTTTTTTTTGA', parseFeaturizerConfig(k12)))).toEqual({
      57296: 1,
    });
    expect(
      nonZero(kmerSpectrum('TTTTTTTTTTGA', parseFeaturizerConfig({ ...k12, canonical: false }))),
    ).toEqual({ 48964: 1 });
  });

  it('is deterministic and overwrites a reused output row', () => {
    const config = parseFeaturizerConfig({ kind: 'kmer' });
    const [a, b] = randomSequences(2, 2_000, 7) as [string, string];
    const row = kmerSpectrum(a, config);
    expect(kmerSpectrum(a, config)).toEqual(row);
    const reused = kmerSpectrum(b, config, new Float32Array(config.dimension).fill(9));
    expect(kmerSpectrum(a, config, reused)).toEqual(row);
    expect(() => kmerSpectrum(a, config, new Float32Array(10))).toThrow(RangeError);
  });
});

describe('kmerSpectra', () => {
  it('stacks one row per sequence, in input order', () => {
    const config = parseFeaturizerConfig({ kind: 'kmer', k: 4 });
    const sequences = randomSequences(4, 300, 3);
    const matrix = kmerSpectra(sequences, config);
    expect(matrix.length).toBe(4 * 256);
    sequences.forEach((sequence, row) =>
      expect(matrix.subarray(row * 256, (row + 1) * 256)).toEqual(kmerSpectrum(sequence, config)),
    );
    expect(kmerSpectra([], config).length).toBe(0);
  });
});
