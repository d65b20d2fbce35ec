import { describe, expect, it } from 'vitest';
import {
  mutationProfileFeaturizerConfigSchema,
  mutationProfileFeatures,
  selectMutations,
} from '../../../src/core/features/mutation-profile';

const config = mutationProfileFeaturizerConfigSchema.parse({
  kind: 'mutation-profile',
  mutations: ['C241T', 'S:N501Y', 'del:21765-21770'],
});

describe('mutation-profile features', () => {
  it('marks the configured mutations each sequence carries, in config order', () => {
    const rows = mutationProfileFeatures(config, [
      ['del:21765-21770', 'C241T', 'G28881A'],
      [],
      ['S:N501Y', 'S:N501Y'],
    ]);
    // prettier-ignore
    expect([...rows]).toEqual([
      1, 0, 1,
      0, 0, 0,
      0, 1, 0,
    ]);
  });

  it('refuses a config with a repeated or blank label', () => {
    const parse = (mutations: string[]) =>
      mutationProfileFeaturizerConfigSchema.safeParse({ kind: 'mutation-profile', mutations });
    expect(parse(['C241T', 'C241T']).error?.issues[0]?.message).toBe(
      'mutation C241T is listed twice',
    );
    expect(parse(['C241T', 'S: N501Y']).success).toBe(false);
    expect(parse([]).success).toBe(false);
  });
});

describe('selectMutations', () => {
  const calls = [
    ['C241T', 'S:N501Y', 'C241T'],
    ['C241T', 'A23403G'],
    ['C241T', 'S:N501Y', 'A23403G'],
    ['T445C'],
  ];

  it('keeps mutations carried by at least minCount sequences, most frequent first', () => {
    expect(selectMutations(calls, { minCount: 2 })).toEqual(['C241T', 'A23403G', 'S:N501Y']);
    expect(selectMutations(calls, { minCount: 1, maxCount: 2 })).toEqual(['C241T', 'A23403G']);
  });

  it('does not depend on the order of sequences or calls', () => {
    const shuffled = [...calls].reverse().map((row) => [...row].reverse());
    expect(selectMutations(shuffled, { minCount: 1 })).toEqual(
      selectMutations(calls, { minCount: 1 }),
    );
  });

  it('refuses a minCount below 1', () => {
    expect(() => selectMutations(calls, { minCount: 0 })).toThrow(RangeError);
  });
});
