/**
 * Mutation-profile features: 1 where a sequence carries a mutation, else 0, one column per
 * mutation label in the config's order. Labels are opaque strings compared exactly, in the
 * spelling the mutation caller writes (`C241T`, `S:N501Y`, `del:21765-21770`).
 */
import { z } from 'zod';

export const mutationProfileFeaturizerConfigSchema = z
  .object({
    kind: z.literal('mutation-profile'),
    mutations: z.array(z.string().regex(/^\S+$/, 'a mutation label has no spaces')).min(1),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.mutations.forEach((label, i) => {
      if (seen.has(label))
        ctx.addIssue({
          code: 'custom',
          path: ['mutations', i],
          message: `mutation ${label} is listed twice`,
        });
      seen.add(label);
    });
  });

export type MutationProfileFeaturizerConfig = z.output<
  typeof mutationProfileFeaturizerConfigSchema
>;

/** Length of one feature row: one column per mutation. */
export function mutationProfileDimension(config: MutationProfileFeaturizerConfig): number {
  return config.mutations.length;
}

/**
 * Presence of each configured mutation per sequence, as one row-major matrix (row i =
 * sequence i). Calls not in the config are ignored; a call listed twice counts once.
 */
export function mutationProfileFeatures(
  config: MutationProfileFeaturizerConfig,
  callsPerSequence: string[][],
): Float32Array<ArrayBuffer> {
  const column = new Map(config.mutations.map((label, i) => [label, i]));
  const dimension = config.mutations.length;
  const matrix = new Float32Array(callsPerSequence.length * dimension);
  callsPerSequence.forEach((calls, row) => {
    for (const call of calls) {
      const index = column.get(call);
      if (index !== undefined) matrix[row * dimension + index] = 1;
    }
  });
  return matrix;
}

export interface SelectMutationsOptions {
  /** Least number of sequences that must carry a mutation for it to be kept. */
  minCount: number;
  /** Keep at most this many, the most frequent first. */
  maxCount?: number;
}

/**
 * Mutations carried by at least `minCount` sequences, most frequent first (ties in label
 * code-point order, so the result does not depend on the input order).
 * @throws RangeError when an option is not a positive integer
 */
export function selectMutations(
  callsPerSequence: string[][],
  options: SelectMutationsOptions,
): string[] {
  const { minCount, maxCount } = options;
  if (!Number.isInteger(minCount) || minCount < 1)
    throw new RangeError(`minCount must be a positive integer, got ${minCount}`);
  if (maxCount !== undefined && (!Number.isInteger(maxCount) || maxCount < 1))
    throw new RangeError(`maxCount must be a positive integer, got ${maxCount}`);
  const carriers = new Map<string, number>();
  for (const calls of callsPerSequence)
    for (const label of new Set(calls)) carriers.set(label, (carriers.get(label) ?? 0) + 1);
  const kept = [...carriers]
    .filter(([label, count]) => count >= minCount && /^\S+$/.test(label))
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .map(([label]) => label);
  return maxCount === undefined ? kept : kept.slice(0, maxCount);
}
