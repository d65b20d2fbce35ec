/** Loads a pathogen folder: `reference.fasta`, `genome_annotation.gff3`, optional `labeled.tsv`. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InvalidInputError } from '../errors';
import { inferGapSide } from './gap-side';
import { parseGff3 } from './gff3';
import { parseLabeledTips } from './labeled-mutations';
import { parseReferenceFasta } from './reference-fasta';
import type { Pathogen } from './types';

function readText(path: string): string {
  if (!existsSync(path)) throw new InvalidInputError(`${path}: file not found`);
  return readFileSync(path, 'utf8');
}

/**
 * The pathogen id is the folder name. The reference is upper-cased; genes come from the
 * GFF3 (checked to lie within the reference); the indel tie-break side is read from the
 * labeled tips when `labeled.tsv` is present (see `inferGapSide`).
 * @throws InvalidInputError naming the file (and line) at fault
 */
export function loadPathogen(dir: string): Pathogen {
  const folder = resolve(dir);
  const fastaPath = join(folder, 'reference.fasta');
  const gffPath = join(folder, 'genome_annotation.gff3');
  const reference = parseReferenceFasta(readText(fastaPath), fastaPath);
  const genes = parseGff3(readText(gffPath), gffPath);
  const length = reference.sequence.length;
  for (const gene of genes)
    if (gene.end > length)
      throw new InvalidInputError(
        `${gffPath}: gene ${gene.name} (${gene.start}..${gene.end}) extends beyond the reference (${length} nt)`,
      );
  const labeledPath = join(folder, 'labeled.tsv');
  const gapSide = existsSync(labeledPath)
    ? inferGapSide(
        reference.sequence,
        parseLabeledTips(readFileSync(labeledPath, 'utf8'), labeledPath),
      )
    : 'left';
  return { id: basename(folder), reference, genes, gapSide };
}
