/** The reference FASTA: exactly one record, upper-cased, IUPAC letters only. */
import { InvalidInputError } from '../errors';
import type { ReferenceSequence } from './types';

// Listed in both cases rather than matched after toUpperCase(), which turns 'ß' into 'SS'
// and 'ſ' into 'S'. U is read as T.
const IUPAC = /^[ACGTURYSWKMBDHVNacgturyswkmbdhvn]*$/;

/** @throws InvalidInputError naming the file and line of the problem */
export function parseReferenceFasta(text: string, fileName: string): ReferenceSequence {
  const lines = text.split(/\r?\n/);
  let id: string | null = null;
  const parts: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    if (line.startsWith('>')) {
      if (id !== null)
        throw new InvalidInputError(
          `${fileName} line ${index + 1}: a reference holds one sequence, found a second record`,
        );
      id = line.slice(1).trim().split(/\s+/)[0] ?? '';
      continue;
    }
    if (id === null)
      throw new InvalidInputError(
        `${fileName} line ${index + 1}: sequence before the first '>' header`,
      );
    if (!IUPAC.test(line)) {
      const characters = [...line]; // by code point, so a column is one character
      const bad = characters.findIndex((c) => !IUPAC.test(c));
      throw new InvalidInputError(
        `${fileName} line ${index + 1}: invalid character "${characters[bad]}" at column ${bad + 1}`,
      );
    }
    parts.push(line.toUpperCase().replace(/U/g, 'T'));
  }
  const sequence = parts.join('');
  if (id === null) throw new InvalidInputError(`${fileName}: no FASTA record`);
  if (sequence.length === 0)
    throw new InvalidInputError(`${fileName}: the reference sequence is empty`);
  return { id, sequence };
}
