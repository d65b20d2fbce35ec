/**
 * The configured record limit, checked where it enters the core (kept out of the reader's
 * modules, which the import thread loads without zod).
 */
import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { DEFAULT_MAX_RECORD_LENGTH, MAX_RECORD_LENGTH_CEILING } from './input-limits';

const maxRecordLengthSchema = z.number().int().positive().max(MAX_RECORD_LENGTH_CEILING);

/** A configured `maxRecordLength` (undefined: the default), or an InvalidInputError naming it. */
export function parseMaxRecordLength(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_RECORD_LENGTH;
  const parsed = maxRecordLengthSchema.safeParse(value);
  if (!parsed.success)
    throw new InvalidInputError(
      `maxRecordLength must be a positive whole number of bases up to ${MAX_RECORD_LENGTH_CEILING.toLocaleString('en-US')} (got ${String(value)})`,
    );
  return parsed.data;
}
