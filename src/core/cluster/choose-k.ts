/** Picks the number of clusters by mean silhouette of a k-means run at each k. */
import { kmeans, type KmeansOptions, type KmeansResult } from './kmeans';
import type { Matrix } from './matrix';
import { prepareSilhouette, silhouetteOfRows, type SilhouetteOptions } from './metrics';

export interface ChooseKOptions extends KmeansOptions {
  /** Rows above which silhouettes are scored on a seeded sample. Default 5,000. */
  silhouetteSampleSize?: number;
}

export interface KScore {
  k: number;
  /** Mean silhouette; NaN when k-means found fewer than 2 distinct clusters. */
  silhouette: number;
  inertia: number;
}

export interface ChooseKResult {
  /** The k with the highest silhouette (the smallest such k on ties). */
  k: number;
  /** One entry per k of the range, in increasing k. */
  scores: KScore[];
  /** The k-means result at the chosen k. */
  clustering: KmeansResult;
}

/**
 * Runs k-means for each k in `[min, max]` (clamped to at most rows - 1) and keeps the k with
 * the best mean silhouette. Pairwise distances are computed once and shared by every k.
 */
export function chooseK(
  matrix: Matrix,
  [min, max]: [number, number],
  options: ChooseKOptions = {},
): ChooseKResult {
  const upper = Math.min(max, matrix.rows - 1);
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 2 || upper < min)
    throw new RangeError(
      `k range must be integers with 2 <= min <= max <= rows - 1 = ${matrix.rows - 1}, got [${min}, ${max}]`,
    );
  const silhouetteOptions: SilhouetteOptions = {
    sampleSize: options.silhouetteSampleSize,
    seed: options.seed,
  };
  const prepared = prepareSilhouette(matrix, silhouetteOptions);
  const scores: KScore[] = [];
  let best: { k: number; score: number; clustering: KmeansResult } | undefined;
  for (let k = min; k <= upper; k++) {
    const clustering = kmeans(matrix, k, options);
    let score = NaN;
    try {
      score = silhouetteOfRows(prepared, clustering.assignments);
    } catch (error) {
      // Duplicate rows can leave fewer distinct clusters than k: no score for this k.
      if (!(error instanceof RangeError)) throw error;
    }
    scores.push({ k, silhouette: score, inertia: clustering.inertia });
    if (!Number.isNaN(score) && (best === undefined || score > best.score))
      best = { k, score, clustering };
  }
  if (best === undefined) throw new RangeError('no k in range gave 2 or more distinct clusters');
  return { k: best.k, scores, clustering: best.clustering };
}
