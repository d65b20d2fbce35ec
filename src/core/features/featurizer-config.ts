/**
 * The featurizer config stored in model bundles: the same config yields the same vector
 * on any machine, so everything that decides an index is spelled out here.
 *
 * - Bases are 2-bit codes A=0, C=1, G=2, T=3 (U reads as T); a k-mer's code is its bases
 *   most significant first, so `ACG` = 0b00_01_10 = 6. k <= 12 keeps codes below 2^24.
 * - canonical: a k-mer and its reverse complement count in one slot, the smaller code.
 * - k <= 8: exact, dimension = 4^k, index = code (non-canonical slots stay 0).
 * - k > 8: hashed, dimension = 2^bits (256..2^20), index = the top `bits` bits of
 *   `Math.imul(code, 0x9e3779b1) >>> 0` (Fibonacci hashing; 32-bit, no seed).
 */
import { z } from 'zod';

export const MAX_EXACT_K = 8;
export const DEFAULT_HASHED_DIMENSION = 1 << 16;
const MIN_HASHED_DIMENSION = 1 << 8;
const MAX_HASHED_DIMENSION = 1 << 20;
/** 2^32 / golden ratio, odd: the multiplier of the k-mer hash. */
export const KMER_HASH_MULTIPLIER = 0x9e3779b1;

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

export const kmerFeaturizerConfigSchema = z
  .object({
    kind: z.literal('kmer'),
    k: z.number().int().min(3).max(12).default(6),
    /** Omitted: 4^k when k <= 8, else DEFAULT_HASHED_DIMENSION. */
    dimension: z.number().int().positive().optional(),
    normalize: z.enum(['l2', 'l1', 'none']).default('l2'),
    canonical: z.boolean().default(true),
  })
  .superRefine((config, ctx) => {
    if (config.dimension === undefined) return;
    if (config.k <= MAX_EXACT_K) {
      if (config.dimension !== 4 ** config.k)
        ctx.addIssue({
          code: 'custom',
          path: ['dimension'],
          message: `k = ${config.k} counts exactly: dimension must be 4^${config.k} = ${4 ** config.k}`,
        });
    } else if (
      !isPowerOfTwo(config.dimension) ||
      config.dimension < MIN_HASHED_DIMENSION ||
      config.dimension > MAX_HASHED_DIMENSION
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['dimension'],
        message: `k = ${config.k} is hashed: dimension must be a power of two from ${MIN_HASHED_DIMENSION} to ${MAX_HASHED_DIMENSION}`,
      });
    }
  })
  .transform((config) => ({
    ...config,
    dimension:
      config.dimension ?? (config.k <= MAX_EXACT_K ? 4 ** config.k : DEFAULT_HASHED_DIMENSION),
  }));

/** A validated config (dimension always filled in). */
export type KmerFeaturizerConfig = z.output<typeof kmerFeaturizerConfigSchema>;
/** A config as written by a user or a manifest (defaults may be omitted). */
export type KmerFeaturizerConfigInput = z.input<typeof kmerFeaturizerConfigSchema>;

/** Validates and fills defaults; throws a ZodError on a bad config. */
export function parseFeaturizerConfig(input: unknown): KmerFeaturizerConfig {
  return kmerFeaturizerConfigSchema.parse(input);
}

export function isHashed(config: KmerFeaturizerConfig): boolean {
  return config.k > MAX_EXACT_K;
}

/** One line for logs and the UI, e.g. `6-mer spectrum, canonical, 4096 exact slots, l2`. */
export function describeFeaturizer(config: KmerFeaturizerConfig): string {
  const slots = isHashed(config)
    ? `hashed into ${config.dimension} slots`
    : `${config.dimension} exact slots`;
  const strand = config.canonical ? 'canonical' : 'forward strand';
  const norm = config.normalize === 'none' ? 'raw counts' : `${config.normalize}-normalized`;
  return `${config.k}-mer spectrum, ${strand}, ${slots}, ${norm}`;
}
