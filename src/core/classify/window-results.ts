/**
 * Joins the workers' results for the parts of one window, in order. The feature matrices
 * stay separate (the model runs on each part as it is): joining them copied ~11 MB per
 * window of SARS-CoV-2 one-hot alleles, and allocated as much again for the collector.
 */
import type { ClassifyBatchResult } from './classify-batch';

const INT_FIELDS = ['nearest', 'nearestDistance', 'parentA', 'parentB', 'breakpoint'] as const;

/** A window's per-row worker results, without the features. */
export type WindowResult = Omit<ClassifyBatchResult, 'features'>;

function concatArrays<T extends Int32Array | Float32Array | Float64Array>(
  parts: T[],
  create: (length: number) => T,
): T {
  if (parts.length === 1) return parts[0]!;
  const out = create(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The parts' rows in order, as one result. */
export function joinWindowResults(parts: ClassifyBatchResult[]): WindowResult {
  const ints = Object.fromEntries(
    INT_FIELDS.map((field) => [
      field,
      concatArrays(
        parts.map((p) => p[field]),
        (n) => new Int32Array(n),
      ),
    ]),
  ) as Pick<ClassifyBatchResult, (typeof INT_FIELDS)[number]>;
  return {
    alignmentFailures: parts.flatMap((p) => p.alignmentFailures),
    placements: parts.flatMap((p) => p.placements),
    ...ints,
  };
}

/**
 * The model's probabilities for every part's rows, in order: one run per part.
 * @param run the model on one feature matrix of `rows` rows
 */
export async function windowProbabilities(
  parts: readonly ClassifyBatchResult[],
  run: (features: Float32Array, rows: number) => Promise<Float32Array | Float64Array>,
): Promise<Float32Array | Float64Array> {
  const outputs: (Float32Array | Float64Array)[] = [];
  for (const part of parts) outputs.push(await run(part.features, part.alignmentFailures.length));
  if (outputs.every((o) => o instanceof Float32Array))
    return concatArrays(outputs as Float32Array[], (n) => new Float32Array(n));
  return concatArrays(
    outputs.map((o) => Float64Array.from(o)),
    (n) => new Float64Array(n),
  );
}
