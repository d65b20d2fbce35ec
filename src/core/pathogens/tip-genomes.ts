/**
 * Genomes rebuilt from labeled tips (reference + the tip's net mutations), optionally made
 * to look like real samples: runs of N as amplicon dropouts leave them, ragged ends, and
 * a few private substitutions. Used to train the default models and to test clustering
 * and classification against the tips' clade labels. Seeded: the same seed and tip give
 * the same genome whatever the order.
 */
import { mulberry32 } from '../cluster/random';
import type { LabeledRow } from './labeled-mutations';

export interface SampleLikeOptions {
  /** Target share of N, in runs of 50–400 nt (default 0: none). */
  nFraction?: number;
  /** Private substitutions added at random positions (default 0). */
  privateMutations?: number;
  seed?: number;
}

const BASES = 'ACGT';
const N = 78; // 'N'
const GAP = 45; // '-'

/** FNV-1a of the seed and the name: one independent stream per tip. */
function streamSeed(seed: number, name: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++)
    hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * The tip's genome: substitutions applied, deleted bases removed (an ungapped genome, as a
 * sequencer would report it).
 * @throws Error when a mutation's reference base does not match the reference
 */
export function tipGenome(
  reference: string,
  row: LabeledRow,
  options: SampleLikeOptions = {},
): string {
  // Bytes, not a string built base by base: 10k genomes of 30 kb as string ropes would take
  // gigabytes.
  const bases = alignedTipBytes(reference, row);
  const deleted = bases.map((base) => (base === GAP ? 1 : 0));
  const random = mulberry32(streamSeed(options.seed ?? 1, row.name));
  for (let m = 0; m < (options.privateMutations ?? 0); m++) {
    const at = Math.floor(random() * bases.length);
    const current = BASES.indexOf(String.fromCharCode(bases[at]!));
    bases[at] = BASES.charCodeAt((current + 1 + Math.floor(random() * 3)) % 4);
  }
  const nFraction = options.nFraction ?? 0;
  if (nFraction > 0) maskRuns(bases, nFraction, random);
  let kept = 0;
  for (let i = 0; i < bases.length; i++) if (!deleted[i]) bases[kept++] = bases[i]!;
  return bases.toString('latin1', 0, kept);
}

/**
 * The tip as it aligns to the reference: substitutions applied, a deleted base written as
 * '-' (as long as the reference).
 * @throws Error when a mutation's reference base does not match the reference
 */
export function alignedTipGenome(reference: string, row: LabeledRow): string {
  return alignedTipBytes(reference, row).toString('latin1');
}

/** `alignedTipGenome` as bytes. */
function alignedTipBytes(reference: string, row: LabeledRow): Buffer {
  const bases = Buffer.from(reference, 'latin1');
  for (const { refNuc, position, alt } of row.mutations) {
    if (reference[position - 1] !== refNuc)
      throw new Error(
        `tip ${row.name}: ${refNuc}${position}${alt} but the reference has ${reference[position - 1] ?? 'nothing'} there`,
      );
    bases[position - 1] = alt.charCodeAt(0);
  }
  return bases;
}

/** Replaces runs of 50–400 bases (and sometimes a ragged end) by N until ~fraction is N. */
function maskRuns(bases: Uint8Array, fraction: number, random: () => number): void {
  const n = bases.length;
  const target = Math.round(n * fraction * (0.5 + random()));
  let masked = 0;
  if (random() < 0.5) {
    const end = Math.min(target, Math.floor(random() * 150));
    for (let i = 0; i < end; i++) bases[i] = N;
    masked += end;
  }
  // Bounded: runs may overlap runs already masked.
  for (let tries = 0; masked < target && tries < 10_000; tries++) {
    const length = Math.min(target - masked, 50 + Math.floor(random() * 351));
    const start = Math.floor(random() * Math.max(1, n - length));
    for (let i = start; i < start + length; i++) {
      if (bases[i] !== N) masked++;
      bases[i] = N;
    }
  }
}
