/** Declared hyper-parameter spaces: a grid of listed values, or distributions to draw from. */
import { mulberry32 } from '../../cluster/random';
import { InvalidInputError } from '../../errors';

export type ParameterValue = number | string | boolean;
export type ParameterConfiguration = Record<string, ParameterValue>;

/** Every combination of the listed values. */
export type GridSpace = Record<string, readonly ParameterValue[]>;

export type Distribution =
  | { kind: 'choice'; values: readonly ParameterValue[] }
  /** exp of a uniform draw on [ln low, ln high); for rates and penalties. */
  | { kind: 'loguniform'; low: number; high: number }
  | { kind: 'uniform'; low: number; high: number }
  /** An integer in low..high, both included. */
  | { kind: 'int'; low: number; high: number };

/** A list is shorthand for a uniform choice among its values. */
export type RandomSpace = Record<string, Distribution | readonly ParameterValue[]>;

/**
 * All configurations of a grid, in order: the first key varies slowest and the last key
 * fastest, each key's values in the order listed.
 */
export function gridConfigurations(space: GridSpace): ParameterConfiguration[] {
  let configurations: ParameterConfiguration[] = [{}];
  for (const [name, values] of Object.entries(space)) {
    if (values.length === 0) throw new InvalidInputError(`parameter ${name} lists no values`);
    configurations = configurations.flatMap((partial) =>
      values.map((value) => ({ ...partial, [name]: value })),
    );
  }
  return configurations;
}

function checkRange(name: string, low: number, high: number, positive: boolean): void {
  if (!(Number.isFinite(low) && Number.isFinite(high) && low <= high))
    throw new InvalidInputError(`parameter ${name}: need finite low <= high, got ${low}, ${high}`);
  if (positive && low <= 0)
    throw new InvalidInputError(`parameter ${name}: a log-uniform range must be positive`);
}

function draw(
  name: string,
  spec: Distribution | readonly ParameterValue[],
  random: () => number,
): ParameterValue {
  if (Array.isArray(spec)) return draw(name, { kind: 'choice', values: spec }, random);
  const distribution = spec as Distribution;
  switch (distribution.kind) {
    case 'choice': {
      const { values } = distribution;
      if (values.length === 0) throw new InvalidInputError(`parameter ${name} lists no values`);
      return values[Math.floor(random() * values.length)]!;
    }
    case 'uniform':
      checkRange(name, distribution.low, distribution.high, false);
      return distribution.low + random() * (distribution.high - distribution.low);
    case 'loguniform': {
      checkRange(name, distribution.low, distribution.high, true);
      const [a, b] = [Math.log(distribution.low), Math.log(distribution.high)];
      return Math.exp(a + random() * (b - a));
    }
    case 'int': {
      const low = Math.ceil(distribution.low);
      const high = Math.floor(distribution.high);
      checkRange(name, low, high, false);
      return low + Math.floor(random() * (high - low + 1));
    }
  }
}

/** `draws` configurations drawn independently from the space with `seed`, keys in declared order. */
export function sampleConfigurations(
  space: RandomSpace,
  draws: number,
  seed = 0,
): ParameterConfiguration[] {
  if (!Number.isInteger(draws) || draws < 1)
    throw new InvalidInputError(`draws must be a positive integer, got ${draws}`);
  const random = mulberry32(seed);
  return Array.from({ length: draws }, () =>
    Object.fromEntries(
      Object.entries(space).map(([name, spec]) => [name, draw(name, spec, random)]),
    ),
  );
}
