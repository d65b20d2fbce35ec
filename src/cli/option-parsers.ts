/** Option value parsers: a bad value is invalid input (exit 2) with a message naming the option. */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

/** An output file: its folder must exist and it must not be a folder (checked before any work). */
export const outputFileOption =
  (name: string) =>
  (value: string): string => {
    const folder = dirname(resolve(value));
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new InvalidInputError(`${name} ${value}: no such folder ${folder}`);
    if (existsSync(value) && statSync(value).isDirectory())
      throw new InvalidInputError(`${name} ${value}: is a folder, not a file`);
    return value;
  };
