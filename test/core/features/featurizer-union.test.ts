import { describe, expect, it } from 'vitest';
import {
  describeAnyFeaturizer,
  featurizerConfigSchema,
  featurizerDimension,
  parseAnyFeaturizerConfig,
} from '../../../src/core/features/featurizer-union';

const inputs = [
  { kind: 'kmer', k: 5, normalize: 'none' },
  {
    kind: 'aligned-alleles',
    referenceLength: 29903,
    positions: [241, 3037, 23403],
    includeGap: true,
  },
  { kind: 'mutation-profile', mutations: ['C241T', 'S:N501Y', 'del:21765-21770', 'C3037T'] },
] as const;

describe('featurizer union', () => {
  it('parses each kind, filling defaults, and survives a JSON round trip unchanged', () => {
    for (const input of inputs) {
      const config = parseAnyFeaturizerConfig(input);
      expect(config.kind).toBe(input.kind);
      expect(parseAnyFeaturizerConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
    }
    expect(parseAnyFeaturizerConfig(inputs[0])).toMatchObject({ dimension: 1024, canonical: true });
  });

  it('gives the row length of each kind', () => {
    expect(inputs.map((input) => featurizerDimension(parseAnyFeaturizerConfig(input)))).toEqual([
      1024, 15, 4,
    ]);
  });

  it('describes each kind in one line', () => {
    expect(inputs.map((input) => describeAnyFeaturizer(parseAnyFeaturizerConfig(input)))).toEqual([
      '5-mer spectrum, canonical, 1024 exact slots, raw counts',
      'aligned alleles at 3 of 29903 reference positions, one-hot A/C/G/T/gap, 15 columns',
      'presence of 4 mutations (C241T, S:N501Y, del:21765-21770, ...)',
    ]);
  });

  it('refuses an unknown kind naming the known ones, and a bad config of a known kind', () => {
    const unknown = featurizerConfigSchema.safeParse({ kind: 'codon-usage' });
    expect(unknown.error?.issues[0]?.message).toBe(
      "Invalid discriminator value. Expected 'kmer' | 'aligned-alleles' | 'mutation-profile'",
    );
    expect(featurizerConfigSchema.safeParse({ kind: 'kmer', k: 9, dimension: 1000 }).success).toBe(
      false,
    );
  });
});
