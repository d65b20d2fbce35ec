/**
 * Sequences posted to the HTTP API, as FASTA text or as `{id, sequence}` records, turned
 * into normalised records (upper case, U read as T, gaps and blanks dropped) or refused with
 * a message that names the record (its index, or its ordinal and line) and what is wrong.
 */
import { z } from 'zod';
import { InvalidInputError } from '../core/errors';
import { GAP, INVALID, NEWLINE, RESIDUE_CLASS, SKIP } from '../core/sequences/byte-classes';
import { FastaParser } from '../core/sequences/fasta-parser';
import { checkRecordCount } from './request-limits';

export interface SequenceInput {
  id: string;
  sequence: string;
}

/** Problems listed in one message; the rest are counted. */
const MAX_PROBLEMS = 3;
const MAX_LISTED_CHARACTERS = 5;

function showCharacter(character: string): string {
  if (character === "'") return `"'"`;
  const code = character.codePointAt(0)!;
  if (code >= 0x20 && code < 0x7f) return `'${character}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Normalises one posted sequence with the importer's residue classes (IUPAC codes, U, gaps
 * '-' and '.', blanks and line ends), or says why it is not nucleotides.
 */
export function normalizeResidues(
  raw: string,
): { ok: true; sequence: string } | { ok: false; reason: string } {
  let firstInvalid = -1;
  const invalid: string[] = [];
  let residues = 0;
  let dropped = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    const cls = code < 256 ? RESIDUE_CLASS[code]! : INVALID;
    if (cls === INVALID) {
      if (firstInvalid < 0) firstInvalid = i;
      const character = String.fromCodePoint(raw.codePointAt(i)!);
      if (!invalid.includes(character)) invalid.push(character);
    } else if (cls === GAP || cls === SKIP || cls === NEWLINE) dropped++;
    else residues++;
  }
  if (firstInvalid >= 0) {
    const listed = invalid.slice(0, MAX_LISTED_CHARACTERS).map(showCharacter).join(', ');
    const more =
      invalid.length > MAX_LISTED_CHARACTERS
        ? ` and ${invalid.length - MAX_LISTED_CHARACTERS} more`
        : '';
    const where =
      invalid.length === 1
        ? `at position ${firstInvalid + 1}`
        : `(the first at position ${firstInvalid + 1})`;
    return {
      ok: false,
      reason: `contains characters that are not nucleotides: ${listed}${more} ${where}`,
    };
  }
  if (residues === 0)
    return {
      ok: false,
      reason: raw.length === 0 ? 'empty sequence' : 'empty sequence (only gaps)',
    };
  const compact = dropped > 0 ? raw.replace(/[-.\s]/g, '') : raw;
  return { ok: true, sequence: compact.toUpperCase().replaceAll('U', 'T') };
}

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

function listProblems(problems: string[]): string {
  const more =
    problems.length > MAX_PROBLEMS ? `; and ${problems.length - MAX_PROBLEMS} more problem(s)` : '';
  return problems.slice(0, MAX_PROBLEMS).join('; ') + more;
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

/** Header lines in FASTA text: a cheap count, to refuse oversized requests before parsing. */
export function countFastaRecords(text: string): number {
  let count = /^\uFEFF?>/.test(text) ? 1 : 0;
  for (let at = text.indexOf('\n>'); at !== -1; at = text.indexOf('\n>', at + 2)) count++;
  return count;
}

/**
 * Parses FASTA text with the importer's parser. Any bad record refuses the whole request
 * (a 400 naming the record, its id and line); more than `maxRecords` records is a 413.
 */
export function parseFastaText(text: string, maxRecords: number, route: string): SequenceInput[] {
  checkRecordCount(countFastaRecords(text), maxRecords, route);
  const parser = new FastaParser('request');
  const events = [...parser.push(Buffer.from(text, 'utf8')), ...parser.end()];
  const records: SequenceInput[] = [];
  const problems: string[] = [];
  const firstById = new Map<string, number>();
  let ordinal = 0;
  for (const event of events) {
    if (event.type === 'error' && event.error.code === 'sequence-before-header') {
      problems.push(
        `line ${event.error.line}: ${event.error.reason} (a FASTA record starts with a '>' header line)`,
      );
      continue;
    }
    ordinal++;
    const at = (id: string | null, line: number): string =>
      `record ${ordinal} (${id ? `'${id}', ` : ''}line ${line})`;
    if (event.type === 'error') {
      problems.push(`${at(event.error.recordId, event.error.line)}: ${event.error.reason}`);
      continue;
    }
    const { id, sequence, line } = event.record;
    const first = firstById.get(id);
    if (first !== undefined) {
      problems.push(`${at(id, line)}: the id repeats that of record ${first}`);
      continue;
    }
    firstById.set(id, ordinal);
    records.push({ id, sequence });
  }
  if (problems.length > 0) throw new InvalidInputError(`invalid FASTA: ${listProblems(problems)}`);
  if (records.length === 0)
    throw new InvalidInputError(
      "no sequences: the FASTA text holds no record (a record starts with a '>' header line)",
    );
  return records;
}
