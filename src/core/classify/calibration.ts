/**
 * Temperature scaling of a model's probabilities: p_cal = softmax(log(p) / T). The bundle's
 * model outputs uncalibrated probabilities; T comes from the manifest.
 */

/** Floor for log(p): a probability of exactly 0 stays the smallest, not -Infinity. */
const MIN_PROBABILITY = 1e-12;

/**
 * Calibrated probabilities of `rows` rows of `classes` probabilities each (row-major).
 * @throws RangeError when the temperature is not positive
 */
export function applyTemperature(
  probabilities: ArrayLike<number>,
  rows: number,
  classes: number,
  temperature: number,
): Float64Array {
  if (!(temperature > 0) || !Number.isFinite(temperature))
    throw new RangeError(`temperature must be positive, got ${temperature}`);
  const out = new Float64Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    const start = r * classes;
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      const p = probabilities[start + c]!;
      const logit = Math.log(p > MIN_PROBABILITY ? p : MIN_PROBABILITY) / temperature;
      out[start + c] = logit;
      if (logit > max) max = logit;
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(out[start + c]! - max);
      out[start + c] = e;
      sum += e;
    }
    for (let c = 0; c < classes; c++) out[start + c]! /= sum;
  }
  return out;
}

/** The `k` most probable classes of row `row`, most probable first (ties: lower index). */
export function topClasses(
  probabilities: Float64Array,
  row: number,
  classes: number,
  k: number,
): { index: number; probability: number }[] {
  const start = row * classes;
  const order = Array.from({ length: classes }, (_, c) => c);
  order.sort((a, b) => probabilities[start + b]! - probabilities[start + a]! || a - b);
  return order.slice(0, k).map((index) => ({ index, probability: probabilities[start + index]! }));
}
