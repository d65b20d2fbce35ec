import { mulberry32 } from '../../cluster/random';
import { InvalidInputError } from '../../errors';
import { shuffleInPlace } from './folds';
import { rowsByClass } from './stratified-k-fold';

export interface TrainValidationSplit {
  /** Row indices, ascending. */
  train: Int32Array;
  validation: Int32Array;
}

/**
 * A stratified, seeded split holding out round(fraction x rows) rows for validation. Each
 * class gives floor(fraction x its count) rows, and the rows still owed go one each to the
 * classes with the largest remainders (ties: lower class index); a class never gives its
 * last row, so every class seen in the data is also seen in training.
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  validationFraction: number,
  seed = 0,
): TrainValidationSplit {
  if (!(validationFraction > 0 && validationFraction < 1))
    throw new InvalidInputError(`validationFraction must be in (0, 1), got ${validationFraction}`);
  const byClass = rowsByClass(labels);
  const quotas = byClass.map((rows) => Math.floor(rows.length * validationFraction));
  let owed = Math.round(labels.length * validationFraction) - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = byClass
    .map((rows, c) => ({ c, remainder: rows.length * validationFraction - quotas[c]! }))
    .filter(({ c }) => quotas[c]! + 1 < byClass[c]!.length)
    .sort((a, b) => b.remainder - a.remainder || a.c - b.c);
  for (const { c } of byRemainder) {
    if (owed <= 0) break;
    quotas[c]! += 1;
    owed--;
  }
  const random = mulberry32(seed);
  const held = new Uint8Array(labels.length);
  byClass.forEach((rows, c) => {
    shuffleInPlace(rows, random);
    for (let j = 0; j < quotas[c]!; j++) held[rows[j]!] = 1;
  });
  const validation: number[] = [];
  const train: number[] = [];
  for (let i = 0; i < labels.length; i++) (held[i] ? validation : train).push(i);
  return { train: Int32Array.from(train), validation: Int32Array.from(validation) };
}
