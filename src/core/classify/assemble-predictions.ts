/** Turns a window's model output and worker results into one Prediction per sequence. */
import { applyTemperature, topClasses } from './calibration';
import type { Prediction, SequenceInput } from './prediction';
import type { SparseExemplars } from './sparse-exemplars';
import type { WindowResult } from './window-results';

const TOP = 3;

export interface PredictionContext {
  labels: string[];
  temperature: number;
  confidenceThreshold: number;
  /** Whether a sequence that does not align cannot be featurized (aligned alleles). */
  featuresNeedAlignment: boolean;
  exemplars: SparseExemplars | null;
  model: string;
  modelVersion: string;
}

/**
 * One prediction per record: calibrated top labels, assigned at or above the confidence
 * threshold (else unassigned, low-confidence), unassigned not-aligned when aligned-allele
 * features could not be built, and the nearest exemplar and recombinant test either way.
 */
export function assemblePredictions(
  records: readonly SequenceInput[],
  rawProbabilities: ArrayLike<number>,
  worker: WindowResult,
  context: PredictionContext,
): Prediction[] {
  const { labels, exemplars } = context;
  const classes = labels.length;
  const calibrated = applyTemperature(
    rawProbabilities,
    records.length,
    classes,
    context.temperature,
  );
  return records.map(({ id }, row) => {
    const failure = worker.alignmentFailures[row] ?? null;
    const nearest = worker.nearest[row]!;
    const parentA = worker.parentA[row]!;
    const base = {
      id,
      fallbackLabel:
        exemplars && nearest >= 0 ? exemplars.labelNames[exemplars.labels[nearest]!]! : null,
      fallbackExemplar: exemplars && nearest >= 0 ? exemplars.ids[nearest]! : null,
      fallbackDistance: nearest >= 0 ? worker.nearestDistance[row]! : null,
      recombinant:
        exemplars && parentA >= 0
          ? {
              parents: [
                exemplars.labelNames[parentA]!,
                exemplars.labelNames[worker.parentB[row]!]!,
              ] as [string, string],
              breakpoint: worker.breakpoint[row]!,
            }
          : null,
      tree: worker.placements[row] ?? null,
      model: context.model,
      modelVersion: context.modelVersion,
      ...(failure !== null && { detail: failure }),
    };
    if (failure !== null && context.featuresNeedAlignment)
      return {
        ...base,
        label: null,
        confidence: 0,
        status: 'unassigned',
        reason: 'not-aligned',
        top: [],
      } satisfies Prediction;
    const top = topClasses(calibrated, row, classes, TOP).map(({ index, probability }) => ({
      label: labels[index]!,
      probability,
    }));
    const confidence = top[0]!.probability;
    const assigned = confidence >= context.confidenceThreshold;
    return {
      ...base,
      label: assigned ? top[0]!.label : null,
      confidence,
      status: assigned ? 'assigned' : 'unassigned',
      ...(!assigned && { reason: 'low-confidence' as const }),
      top,
    } satisfies Prediction;
  });
}
