/**
 * Sequences posted to the HTTP API as `{id, sequence}` records: the zod schemas of the
 * request bodies (residues checked by the core's `normalizeResidues`) and the 400 message
 * that names each field at fault. FASTA text is parsed by the core (`parseFastaText`).
 */
import { z } from 'zod';
import { InvalidInputError } from '../core/errors';
import { listProblems, normalizeResidues } from '../core/sequences/sequence-text';

/** A nucleotide sequence, normalised; the issue says which characters are not nucleotides. */
export const residuesSchema = z
  .string()
  .transform((raw, context) => {
    const result = normalizeResidues(raw);
    if (result.ok) return result.sequence;
    context.addIssue({ code: 'custom', message: result.reason });
    return z.NEVER;
  })
  .meta({
    description:
      'Nucleotides (IUPAC codes, case-insensitive; U is read as T; gaps, blanks and line ends are ignored)',
  });

export const sequenceIdSchema = z
  .string()
  .min(1, 'empty id')
  .regex(/^\S+$/, 'ids have no spaces')
  .meta({ description: 'The sequence name, without spaces' });

/** Other keys of a record (metadata, say) are ignored. */
export const sequenceRecordSchema = z.object({ id: sequenceIdSchema, sequence: residuesSchema });

/** Records with distinct ids (predictions are reported by id). */
export const sequenceRecordsSchema = z
  .array(sequenceRecordSchema)
  .min(1, 'no sequences')
  .superRefine((records, context) => {
    const seen = new Map<string, number>();
    records.forEach((record, index) => {
      const first = seen.get(record.id);
      if (first === undefined) seen.set(record.id, index);
      else
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `'${record.id}' repeats the id of [${first}]`,
        });
    });
  });

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}

/** `sequences[3].sequence: contains characters ...; model: Invalid input: ...` */
export function formatIssues(error: z.ZodError): string {
  return listProblems(
    error.issues.map((issue) =>
      issue.path.length > 0 ? `${pathText(issue.path)}: ${issue.message}` : issue.message,
    ),
  );
}

/** Parses `value` with `schema`, or throws a 400 naming `what` and each field at fault. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new InvalidInputError(`invalid ${what}: ${formatIssues(result.error)}`);
  return result.data;
}
