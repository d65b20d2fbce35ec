/** Joins the workers' results for the parts of one window, in order. */
import type { ClassifyBatchResult } from './classify-batch';

const INT_FIELDS = ['nearest', 'nearestDistance', 'parentA', 'parentB', 'breakpoint'] as const;

function concatInt32(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The parts' rows in order, as one result (the part itself when there is one). */
export function concatBatchResults(
  parts: ClassifyBatchResult[],
  dimension: number,
): ClassifyBatchResult {
  if (parts.length === 1) return parts[0]!;
  const rows = parts.reduce((n, p) => n + p.alignmentFailures.length, 0);
  const features = new Float32Array(rows * dimension);
  let at = 0;
  for (const part of parts) {
    features.set(part.features, at);
    at += part.features.length;
  }
  const ints = Object.fromEntries(
    INT_FIELDS.map((field) => [field, concatInt32(parts.map((p) => p[field]))]),
  ) as Pick<ClassifyBatchResult, (typeof INT_FIELDS)[number]>;
  return {
    features,
    alignmentFailures: parts.flatMap((p) => p.alignmentFailures),
    ...ints,
  };
}
