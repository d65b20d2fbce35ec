/**
 * Training genomes in reference coordinates: each sequence aligned with the pathogen's own
 * aligner (the one the classifier uses on queries), then written out as the aligned string
 * the allele featurizer reads.
 */
import { alignedSequence, createAlignPool } from '../../analysis/align';
import type { Pathogen } from '../../pathogens/types';

/** One labeled training sequence. */
export interface LabeledGenome {
  id: string;
  /** Raw nucleotide sequence (as read from FASTA; N and IUPAC codes allowed). */
  sequence: string;
  label: string;
  /**
   * Cross-validation group: genomes of one group are never split between training and
   * test folds (a lineage, a subtree). Absent: groups are derived (see lineage-groups.ts).
   */
  group?: string;
  /**
   * The sample this genome is a copy of (augmented copies of one tip share it); the
   * exemplar set keeps one genome per source. Default: the id.
   */
  source?: string;
  /**
   * The source sample itself, complete and aligned to the reference (e.g. the labeled tip
   * a copy was made from, without the added N): the exemplar models store it in place of
   * the representative copy. Absent: they store the copy with the fewest unknown alleles.
   */
  exemplarSequence?: string;
}

export interface AlignGenomesOptions {
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface AlignedGenomes {
  /** Aligned strings of the genomes that aligned, in input order. */
  aligned: string[];
  /** Input index of each aligned string. */
  rows: number[];
  /** Genomes that did not align, with the aligner's reason. */
  failed: { id: string; reason: string }[];
}

const BATCH = 64;

/** Aligns `genomes` to `pathogen` on a small worker pool; keeps the input order. */
export async function alignGenomes(
  genomes: readonly LabeledGenome[],
  pathogen: Pathogen,
  options: AlignGenomesOptions = {},
): Promise<AlignedGenomes> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const pool = createAlignPool(pathogen, options.threads ?? 2);
  const reference = pathogen.reference.sequence;
  const result: AlignedGenomes = { aligned: [], rows: [], failed: [] };
  try {
    const batches: Promise<void>[] = [];
    const outcomes = new Array<string | { reason: string }>(genomes.length);
    let done = 0;
    for (let start = 0; start < genomes.length; start += BATCH) {
      const slice = genomes.slice(start, start + BATCH);
      batches.push(
        pool.align(slice.map((g) => g.sequence)).then((batch) => {
          // Checked per batch: an abort stops the run within one batch per worker.
          signal?.throwIfAborted();
          batch.forEach((outcome, i) => {
            outcomes[start + i] = outcome.ok
              ? alignedSequence(reference, outcome.calls)
              : { reason: outcome.reason };
          });
          done += slice.length;
          onProgress?.(done, genomes.length);
        }),
      );
    }
    await abortable(Promise.all(batches), signal);
    outcomes.forEach((outcome, row) => {
      if (typeof outcome === 'string') {
        result.aligned.push(outcome);
        result.rows.push(row);
      } else result.failed.push({ id: genomes[row]!.id, reason: outcome.reason });
    });
    return result;
  } finally {
    await pool.close();
  }
}

/** Rejects as soon as `signal` aborts, without waiting for `promise`. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
