import { describe, expect, it } from 'vitest';
import { describeFeaturizer, parseFeaturizerConfig } from '../../../src/core/features';

describe('featurizer config', () => {
  it('fills defaults: k 6, exact 4^k slots, l2, canonical', () => {
    const config = parseFeaturizerConfig({ kind: 'kmer' });
    expect(config).toEqual({
      kind: 'kmer',
      k: 6,
      dimension: 4096,
      normalize: 'l2',
      canonical: true,
    });
    expect(describeFeaturizer(config)).toBe(
      '6-mer spectrum, canonical, 4096 exact slots, l2-normalized',
    );
  });

  it('hashes k > 8 into a power-of-two dimension (65536 by default)', () => {
    const config = parseFeaturizerConfig({
      kind: 'kmer',
      k: 11,
      normalize: 'none',
      canonical: false,
    });
    expect(config.dimension).toBe(65536);
    expect(describeFeaturizer(config)).toBe(
      '11-mer spectrum, forward strand, hashed into 65536 slots, raw counts',
    );
    expect(parseFeaturizerConfig({ kind: 'kmer', k: 9, dimension: 4096 }).dimension).toBe(4096);
  });

  it('refuses k out of 3..12 and dimensions that do not fit k', () => {
    for (const bad of [
      { kind: 'kmer', k: 2 },
      { kind: 'kmer', k: 13 },
      { kind: 'kmer', k: 6, dimension: 1024 },
      { kind: 'kmer', k: 10, dimension: 5000 },
      { kind: 'kmer', k: 10, dimension: 1 << 21 },
      { kind: 'kmer', normalize: 'max' },
      { kind: 'minhash' },
    ])
      expect(() => parseFeaturizerConfig(bad), JSON.stringify(bad)).toThrow();
  });

  it('survives a JSON round trip (as stored in a bundle manifest)', () => {
    const config = parseFeaturizerConfig({ kind: 'kmer', k: 10, dimension: 1 << 12 });
    expect(parseFeaturizerConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
  });
});
