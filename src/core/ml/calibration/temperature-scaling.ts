/** Temperature scaling: one scalar T > 0 divides the logits so that softmax(logits / T) is calibrated. */
import { InvalidInputError } from '../../errors';
import { checkLabels, checkProbabilities } from '../metrics/label-inputs';

export interface TemperatureFitOptions {
  /** The search range of T. Default [0.01, 100]. */
  minTemperature?: number;
  maxTemperature?: number;
  /** Stop when the bracket on ln T is narrower than this. Default 1e-6. */
  tolerance?: number;
}

/** Mean negative log-likelihood of softmax(logits / temperature) for the true labels. */
export function temperatureNll(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  numClasses: number,
  temperature: number,
): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const offset = i * numClasses;
    let max = -Infinity;
    for (let c = 0; c < numClasses; c++) max = Math.max(max, logits[offset + c]! / temperature);
    let total = 0;
    for (let c = 0; c < numClasses; c++) total += Math.exp(logits[offset + c]! / temperature - max);
    sum += max + Math.log(total) - logits[offset + labels[i]!]! / temperature;
  }
  return sum / labels.length;
}

const INVERSE_GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Fits the temperature minimizing the held-out NLL by golden-section search on ln T. The NLL
 * is convex in 1/T, hence unimodal in ln T, so the search finds the minimum in the range;
 * logits that separate the classes perfectly push T to `minTemperature`.
 */
export function fitTemperature(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  numClasses: number,
  options: TemperatureFitOptions = {},
): number {
  checkLabels(labels, numClasses);
  checkProbabilities(logits, labels.length, numClasses);
  if (labels.length === 0) throw new InvalidInputError('no rows to fit a temperature on');
  const { minTemperature = 0.01, maxTemperature = 100, tolerance = 1e-6 } = options;
  if (!(minTemperature > 0 && minTemperature < maxTemperature))
    throw new InvalidInputError(`need 0 < minTemperature < maxTemperature`);
  const nll = (logT: number): number => temperatureNll(logits, labels, numClasses, Math.exp(logT));
  let low = Math.log(minTemperature);
  let high = Math.log(maxTemperature);
  let a = high - INVERSE_GOLDEN * (high - low);
  let b = low + INVERSE_GOLDEN * (high - low);
  let fa = nll(a);
  let fb = nll(b);
  while (high - low > tolerance) {
    if (fa <= fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - INVERSE_GOLDEN * (high - low);
      fa = nll(a);
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + INVERSE_GOLDEN * (high - low);
      fb = nll(b);
    }
  }
  return Math.exp((low + high) / 2);
}

/** softmax(logits / temperature) of every row, as float32 probabilities. */
export function applyTemperature(
  logits: ArrayLike<number>,
  numClasses: number,
  temperature: number,
): Float32Array {
  if (!(temperature > 0))
    throw new InvalidInputError(`temperature must be > 0, got ${temperature}`);
  const rows = Math.floor(logits.length / numClasses);
  const probabilities = new Float32Array(rows * numClasses);
  const scaled = new Float64Array(numClasses);
  for (let i = 0; i < rows; i++) {
    const offset = i * numClasses;
    let max = -Infinity;
    for (let c = 0; c < numClasses; c++) {
      scaled[c] = logits[offset + c]! / temperature;
      max = Math.max(max, scaled[c]!);
    }
    let total = 0;
    for (let c = 0; c < numClasses; c++) {
      scaled[c] = Math.exp(scaled[c]! - max);
      total += scaled[c]!;
    }
    for (let c = 0; c < numClasses; c++) probabilities[offset + c] = scaled[c]! / total;
  }
  return probabilities;
}
