/** Option value parsers: a bad value is invalid input (exit 2) with a message naming the option. */
import { InvalidInputError } from '../core/errors';

export const integerOption =
  (name: string, min: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidInputError(`${name} must be an integer >= ${min} (got '${value}')`);
    return n;
  };

export const oneOfOption =
  <T extends string>(name: string, values: readonly T[]) =>
  (value: string): T => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidInputError(
        `${name} must be ${values.slice(0, -1).join(', ')}${values.length > 1 ? ' or ' : ''}${values.at(-1)} (got '${value}')`,
      );
    return value as T;
  };
