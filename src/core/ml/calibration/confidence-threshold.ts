/** Chooses the confidence below which predictions are reported as unassigned. */
import { InvalidInputError } from '../../errors';

export const DEFAULT_TARGET_ACCURACY = 0.95;

export interface ThresholdChoice {
  /** Predictions with confidence >= threshold are assigned. */
  threshold: number;
  coverage: number;
  accuracyAssigned: number;
  /** Whether accuracyAssigned reaches the target. */
  targetMet: boolean;
  /** Whether coverage reaches the minimum coverage asked for. */
  coverageMet: boolean;
}

export interface ThresholdOptions {
  /** Default 0.95. */
  targetAccuracy?: number;
  /** Coverage below this is flagged (coverageMet false), not refused. Default 0. */
  minCoverage?: number;
}

/**
 * The rule: the candidate thresholds are the observed confidences; a threshold t assigns the
 * rows with confidence >= t. The chosen threshold is the lowest candidate whose assigned rows
 * are at least `targetAccuracy` correct, i.e. the one that assigns the most rows while meeting
 * the target. When no candidate meets it, the candidate with the best accuracy among assigned
 * rows is chosen instead (the lowest of equals) and `targetMet` is false. `coverageMet` tells
 * whether the chosen threshold still assigns at least `minCoverage` of the rows.
 */
export function chooseConfidenceThreshold(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number | boolean>,
  options: ThresholdOptions = {},
): ThresholdChoice {
  const { targetAccuracy = DEFAULT_TARGET_ACCURACY, minCoverage = 0 } = options;
  const n = confidence.length;
  if (correct.length !== n)
    throw new InvalidInputError(`${n} confidences but ${correct.length} correctness flags`);
  if (n === 0) throw new InvalidInputError('no rows to choose a threshold on');
  if (!(targetAccuracy > 0 && targetAccuracy <= 1))
    throw new InvalidInputError(`targetAccuracy must be in (0, 1], got ${targetAccuracy}`);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => confidence[b]! - confidence[a]!,
  );
  let assigned = 0;
  let right = 0;
  let met: { threshold: number; assigned: number; right: number } | null = null;
  let best = { threshold: confidence[order[0]!]!, assigned: 0, right: 0, accuracy: -1 };
  // Walk thresholds from the highest confidence down; a group of equal confidences enters together.
  for (let start = 0; start < n;) {
    const threshold = confidence[order[start]!]!;
    let end = start;
    while (end < n && confidence[order[end]!] === threshold) {
      assigned++;
      if (correct[order[end]!]) right++;
      end++;
    }
    const accuracy = right / assigned;
    // Tolerance for ratios such as 19 / 20 against 0.95 that round below the target.
    if (accuracy >= targetAccuracy - 1e-12) met = { threshold, assigned, right };
    if (accuracy >= best.accuracy) best = { threshold, assigned, right, accuracy };
    start = end;
  }
  const chosen = met ?? best;
  const coverage = chosen.assigned / n;
  return {
    threshold: chosen.threshold,
    coverage,
    accuracyAssigned: chosen.right / chosen.assigned,
    targetMet: met !== null,
    coverageMet: coverage >= minCoverage,
  };
}
