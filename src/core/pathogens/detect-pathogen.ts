/**
 * Which pathogen a dataset is: the reference sharing the most 16-mers with a sample of its
 * sequences (both strands). Cheap: a few thousand look-ups per sequence. The one detector:
 * the app, the HTTP API, the CLI, analysis and training all decide here.
 */
import type { PathogenDetection } from '../../shared/classify-types';

const K = 16;
const MASK = 2 ** (2 * K);
const CODE: Record<string, number> = { A: 0, C: 1, G: 2, T: 3 };
/** Query k-mers are sampled every STRIDE positions. */
const STRIDE = 7;
/** Below this share of shared k-mers the best reference is not trusted. */
export const MIN_SHARED_FRACTION = 0.3;

function kmers(sequence: string, each: (kmer: number) => void, stride = 1): void {
  let value = 0;
  let valid = 0;
  for (let i = 0; i < sequence.length; i += 1) {
    const code = CODE[sequence[i]!];
    if (code === undefined) {
      valid = 0;
      value = 0;
      continue;
    }
    value = (value * 4 + code) % MASK;
    valid += 1;
    if (valid >= K && (i - K + 1) % stride === 0) each(value);
  }
}

function reverseComplement(sequence: string): string {
  const complement: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A' };
  let out = '';
  for (let i = sequence.length - 1; i >= 0; i -= 1) out += complement[sequence[i]!] ?? 'N';
  return out;
}

export interface PathogenMatch {
  pathogenId: string;
  /** Share of sampled query k-mers found in the reference (either strand). */
  sharedFraction: number;
}

/** Every reference, best match first. */
function rankPathogens(
  references: { id: string; sequence: string }[],
  sample: string[],
): PathogenMatch[] {
  return references
    .map(({ id, sequence }) => {
      const index = new Set<number>();
      kmers(sequence, (k) => index.add(k));
      kmers(reverseComplement(sequence), (k) => index.add(k));
      let total = 0;
      let shared = 0;
      for (const query of sample) {
        kmers(
          query,
          (k) => {
            total += 1;
            if (index.has(k)) shared += 1;
          },
          STRIDE,
        );
      }
      return { pathogenId: id, sharedFraction: total ? shared / total : 0 };
    })
    .sort((a, b) => b.sharedFraction - a.sharedFraction);
}

/**
 * The pathogen of `sample`: the best-ranked reference when it shares at least
 * MIN_SHARED_FRACTION of the sampled k-mers, else null (the caller asks the analyst).
 */
export function detectPathogen(
  references: { id: string; sequence: string }[],
  sample: readonly string[],
): PathogenDetection {
  const matches = rankPathogens(references, [...sample]);
  const best = matches[0];
  return {
    pathogenId: best && best.sharedFraction >= MIN_SHARED_FRACTION ? best.pathogenId : null,
    matches,
  };
}

/** ` (best match X: 12.3% shared 16-mers, 30% needed)`, or '' without references. */
export function bestMatchText(detection: PathogenDetection): string {
  const best = detection.matches[0];
  if (!best) return '';
  const shared = (best.sharedFraction * 100).toFixed(1);
  return ` (best match ${best.pathogenId}: ${shared}% shared 16-mers, ${MIN_SHARED_FRACTION * 100}% needed)`;
}
