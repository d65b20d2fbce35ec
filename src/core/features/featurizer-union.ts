/**
 * Any featurizer a model can be trained on, as stored in a bundle manifest: k-mer spectra,
 * aligned alleles or mutation profiles, told apart by `kind`.
 */
import { z } from 'zod';
import {
  alignedAlleleFeaturizerConfigSchema,
  alleleDimension,
  type AlignedAlleleFeaturizerConfig,
} from './aligned-alleles';
import { describeFeaturizer, kmerFeaturizerConfigSchema } from './featurizer-config';
import {
  mutationProfileDimension,
  mutationProfileFeaturizerConfigSchema,
  type MutationProfileFeaturizerConfig,
} from './mutation-profile';

// zod 4's discriminatedUnion reads the `kind` literal through the k-mer schema's
// refine + transform pipe, so a discriminated union works and reports an unknown kind as
// one clear issue instead of three.
export const featurizerConfigSchema = z.discriminatedUnion('kind', [
  kmerFeaturizerConfigSchema,
  alignedAlleleFeaturizerConfigSchema,
  mutationProfileFeaturizerConfigSchema,
]);

/** A validated featurizer config (defaults filled in). */
export type FeaturizerConfig = z.output<typeof featurizerConfigSchema>;
/** A featurizer config as written by a user or a manifest (defaults may be omitted). */
export type FeaturizerConfigInput = z.input<typeof featurizerConfigSchema>;
export type FeaturizerKind = FeaturizerConfig['kind'];

/** Validates any featurizer config and fills defaults; throws a ZodError on a bad one. */
export function parseAnyFeaturizerConfig(input: unknown): FeaturizerConfig {
  return featurizerConfigSchema.parse(input);
}

/** Length of one feature row under `config`. */
export function featurizerDimension(config: FeaturizerConfig): number {
  switch (config.kind) {
    case 'kmer':
      return config.dimension;
    case 'aligned-alleles':
      return alleleDimension(config);
    case 'mutation-profile':
      return mutationProfileDimension(config);
  }
}

function describeAlignedAlleles(config: AlignedAlleleFeaturizerConfig): string {
  const alleles = config.includeGap ? 'A/C/G/T/gap' : 'A/C/G/T';
  return (
    `aligned alleles at ${config.positions.length} of ${config.referenceLength} reference ` +
    `positions, one-hot ${alleles}, ${alleleDimension(config)} columns`
  );
}

function describeMutationProfile(config: MutationProfileFeaturizerConfig): string {
  const shown = config.mutations.slice(0, 3).join(', ');
  const more = config.mutations.length > 3 ? ', ...' : '';
  const noun = config.mutations.length === 1 ? 'mutation' : 'mutations';
  return `presence of ${config.mutations.length} ${noun} (${shown}${more})`;
}

/**
 * One line for logs and the UI, e.g. `6-mer spectrum, canonical, 4096 exact slots,
 * l2-normalized` or `presence of 57 mutations (C241T, S:N501Y, del:21765-21770, ...)`.
 */
export function describeAnyFeaturizer(config: FeaturizerConfig): string {
  switch (config.kind) {
    case 'kmer':
      return describeFeaturizer(config);
    case 'aligned-alleles':
      return describeAlignedAlleles(config);
    case 'mutation-profile':
      return describeMutationProfile(config);
  }
}
