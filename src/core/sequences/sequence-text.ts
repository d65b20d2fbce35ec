/**
 * Sequences given as text rather than as files (posted to the HTTP API): FASTA text read by
 * the reader's parser with the same record limits, and one record's residues checked and
 * normalised with the importer's residue classes (upper case, U read as T, gaps and blanks
 * dropped). Errors name the record (its ordinal, id and line, or its position) and the fault.
 */
import { InvalidInputError } from '../errors';
import { GAP, INVALID, NEWLINE, RESIDUE_CLASS, SKIP } from './byte-classes';
import { recordLimits } from './input-limits';
import { createParser } from './parser';

export interface TextRecord {
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

/** `a; b; c; and 2 more problem(s)` */
export function listProblems(problems: string[]): string {
  const more =
    problems.length > MAX_PROBLEMS ? `; and ${problems.length - MAX_PROBLEMS} more problem(s)` : '';
  return problems.slice(0, MAX_PROBLEMS).join('; ') + more;
}

/** Header lines in FASTA text: a cheap count, to refuse oversized requests before parsing. */
export function countFastaRecords(text: string): number {
  let count = /^\uFEFF?>/.test(text) ? 1 : 0;
  for (let at = text.indexOf('\n>'); at !== -1; at = text.indexOf('\n>', at + 2)) count++;
  return count;
}

export interface FastaTextOptions {
  /** Bases of one record beyond which it is refused (the reader's default otherwise). */
  maxRecordLength?: number | undefined;
  /** Sees the record count before any record is parsed; throws to refuse the text. */
  checkCount?: (records: number) => void;
}

/**
 * Parses FASTA text with the reader's parser. Any bad record refuses the whole text
 * (an InvalidInputError naming the record, its id and line).
 */
export function parseFastaText(text: string, options: FastaTextOptions = {}): TextRecord[] {
  options.checkCount?.(countFastaRecords(text));
  const parser = createParser('fasta', 'request', recordLimits(options.maxRecordLength));
  const events = [...parser.push(Buffer.from(text, 'utf8')), ...parser.end()];
  const records: TextRecord[] = [];
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
