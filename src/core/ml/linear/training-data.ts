/** Validation split, class weights and minibatch assembly for the gradient-trained models. */
import type { Matrix } from '../../cluster/matrix';
import type { Random } from '../../cluster/random';
import { InvalidInputError } from '../../errors';

/** Shuffles `values` in place (Fisher-Yates) with a seeded generator. */
export function shuffleInPlace(values: Int32Array, random: Random): Int32Array {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = values[i]!;
    values[i] = values[j]!;
    values[j] = swap;
  }
  return values;
}

/**
 * Splits row indices into training and validation sets, taking `fraction` of every
 * class (rounded) for validation so that rare classes appear in both when possible.
 */
export function stratifiedSplit(
  labels: Int32Array,
  numClasses: number,
  fraction: number,
  random: Random,
): { train: Int32Array; validation: Int32Array } {
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  labels.forEach((label, row) => byClass[label]!.push(row));
  const train: number[] = [];
  const validation: number[] = [];
  for (const rows of byClass) {
    const shuffled = shuffleInPlace(Int32Array.from(rows), random);
    const take =
      rows.length < 2 ? 0 : Math.min(rows.length - 1, Math.round(rows.length * fraction));
    // Loops, not push(...rows): spreading a large class would overflow the call stack.
    for (let i = 0; i < shuffled.length; i++) (i < take ? validation : train).push(shuffled[i]!);
  }
  const sorted = (rows: number[]) => Int32Array.from(rows).sort();
  return { train: sorted(train), validation: sorted(validation) };
}

/**
 * Weight of each class: all 1, `balanced` (n / (C * n_c) over `rows`, as scikit-learn
 * does), or given values (positive, one per class).
 */
export function classWeightsFor(
  option: 'balanced' | ArrayLike<number> | undefined,
  labels: Int32Array,
  rows: Int32Array,
  numClasses: number,
): Float64Array {
  const weights = new Float64Array(numClasses).fill(1);
  if (option === undefined) return weights;
  if (option === 'balanced') {
    const counts = new Float64Array(numClasses);
    for (const row of rows) counts[labels[row]!]!++;
    for (let c = 0; c < numClasses; c++)
      if (counts[c]! > 0) weights[c] = rows.length / (numClasses * counts[c]!);
    return weights;
  }
  if (option.length !== numClasses)
    throw new InvalidInputError(`expected ${numClasses} class weights, got ${option.length}`);
  for (let c = 0; c < numClasses; c++) {
    const w = option[c]!;
    if (!(w > 0 && Number.isFinite(w)))
      throw new InvalidInputError(`class weight ${c} must be positive`);
    weights[c] = w;
  }
  return weights;
}

/** One minibatch in the layout the step and loss graphs take. */
export interface Batch {
  size: number;
  features: Float32Array;
  targets: Float32Array;
  sampleWeight: Float32Array;
}

/** An empty batch of `capacity` rows, to be filled again and again by `assembleBatch`. */
export function allocateBatch(capacity: number, cols: number, numClasses: number): Batch {
  return {
    size: capacity,
    features: new Float32Array(capacity * cols),
    targets: new Float32Array(capacity * numClasses),
    sampleWeight: new Float32Array(capacity),
  };
}

/**
 * Copies the given rows into a batch: raw features, one-hot targets, row weights. With
 * `scratch` (from `allocateBatch`, at least as many rows) it writes there and returns
 * views, so a training loop does not allocate a batch-sized buffer per step.
 */
export function assembleBatch(
  matrix: Matrix,
  labels: Int32Array,
  numClasses: number,
  classWeights: Float64Array,
  rows: Int32Array,
  scratch?: Batch,
): Batch {
  const { cols, data } = matrix;
  const size = rows.length;
  if (scratch && scratch.size < size) throw new RangeError('batch scratch space is too small');
  const features = scratch?.features.subarray(0, size * cols) ?? new Float32Array(size * cols);
  const targets =
    scratch?.targets.subarray(0, size * numClasses).fill(0) ?? new Float32Array(size * numClasses);
  const sampleWeight = scratch?.sampleWeight.subarray(0, size) ?? new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const row = rows[i]!;
    features.set(data.subarray(row * cols, (row + 1) * cols), i * cols);
    const label = labels[row]!;
    targets[i * numClasses + label] = 1;
    sampleWeight[i] = classWeights[label]!;
  }
  return { size, features, targets, sampleWeight };
}

/** An inverted-dropout mask: each entry is 0 with probability p, else 1 / (1 - p). */
export function dropoutMask(count: number, p: number, random: Random): Float32Array {
  const mask = new Float32Array(count);
  const keep = 1 / (1 - p);
  for (let i = 0; i < count; i++) mask[i] = random() < p ? 0 : keep;
  return mask;
}
