/**
 * Validation of the files an analyst gives for a new pathogen: each is read (bounded) and
 * checked against the reference, and every refusal names the file and what is wrong.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileRef } from '../../shared/schemas';
import { InvalidInputError } from '../errors';
import { buildReferenceTree } from '../tree/reference-tree';
import { parseGff3 } from './gff3';
import { parseLabeledRows } from './labeled-mutations';
import { parseReferenceFasta } from './reference-fasta';
import type { Gene, ReferenceSequence } from './types';

/** Larger than any annotation or viral tree; a file beyond it is refused unread. */
export const MAX_PATHOGEN_FILE_BYTES = 256 * 1024 * 1024;
/** Below this a reference cannot be told from others by 16-mers or aligned to. */
export const MIN_REFERENCE_LENGTH = 100;
/** Share of A, C, G, T and N below which a "reference" is not nucleotides (e.g. protein). */
const MIN_NUCLEOTIDE_SHARE = 0.9;

/** A file's text and the name its errors use. */
export interface PathogenFile {
  name: string;
  text: string;
}

/** @throws InvalidInputError naming the file when it cannot be read or is too large */
export function readPathogenFile(ref: FileRef, role: string): PathogenFile {
  const name = ref.name ?? basename(ref.path);
  let size: number;
  try {
    const stat = statSync(ref.path);
    if (!stat.isFile()) throw new InvalidInputError(`${role} ${name}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError(`${role} ${name}: file not found or not readable`);
  }
  if (size > MAX_PATHOGEN_FILE_BYTES)
    throw new InvalidInputError(
      `${role} ${name}: ${size} bytes, more than the ${MAX_PATHOGEN_FILE_BYTES} a pathogen file may have`,
    );
  return { name, text: readFileSync(ref.path, 'utf8') };
}

/** @throws InvalidInputError: not one record, not nucleotides, too short */
export function checkReference(file: PathogenFile): ReferenceSequence {
  const reference = parseReferenceFasta(file.text, file.name);
  const { sequence } = reference;
  if (sequence.length < MIN_REFERENCE_LENGTH)
    throw new InvalidInputError(
      `${file.name}: the reference has ${sequence.length} nt; a reference has at least ${MIN_REFERENCE_LENGTH}`,
    );
  let nucleotides = 0;
  for (const base of sequence) if ('ACGTN'.includes(base)) nucleotides += 1;
  const share = nucleotides / sequence.length;
  if (share < MIN_NUCLEOTIDE_SHARE)
    throw new InvalidInputError(
      `${file.name}: only ${(share * 100).toFixed(1)}% of the reference is A, C, G, T or N; a reference is a nucleotide sequence (is it a protein?)`,
    );
  return reference;
}

/** @throws InvalidInputError: unparsable, no genes, or a gene outside the genome */
export function checkAnnotation(file: PathogenFile, genomeLength: number): Gene[] {
  const genes = parseGff3(file.text, file.name);
  if (genes.length === 0)
    throw new InvalidInputError(`${file.name}: no gene or CDS feature (column 3 gene or CDS)`);
  for (const gene of genes)
    if (gene.end > genomeLength)
      throw new InvalidInputError(
        `${file.name}: gene ${gene.name} (${gene.start}..${gene.end}) extends beyond the reference (${genomeLength} nt)`,
      );
  return genes;
}

/** @throws InvalidInputError naming the node and mutation that does not fit */
export function checkTree(file: PathogenFile, reference: string): void {
  buildReferenceTree(file.text, reference, file.name);
}

/** @throws InvalidInputError naming the row and the mutation whose REF base is wrong */
export function checkLabeled(file: PathogenFile, reference: string): void {
  const rows = parseLabeledRows(file.text, file.name);
  if (rows.length === 0) throw new InvalidInputError(`${file.name}: no labeled rows`);
  rows.forEach((row, index) => {
    for (const { refNuc, position, alt } of row.mutations) {
      const actual = reference[position - 1];
      if (actual === refNuc) continue;
      const where = `${file.name} row ${index + 1} (${row.name})`;
      throw new InvalidInputError(
        actual === undefined
          ? `${where}: mutation ${refNuc}${position}${alt} lies beyond the reference (${reference.length} nt)`
          : `${where}: mutation ${refNuc}${position}${alt} but the reference has ${actual} at ${position}`,
      );
    }
  });
}
