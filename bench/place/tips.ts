/** Bench inputs of the placement benches: each pathogen's tips as genomes, and a FASTA reader. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedTipsFasta } from '../tips-fasta';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'bench', '.cache', 'place');

/** `tips_to_fasta.py` genomes of the pathogen's tips (deletions dropped), cached. */
export function tipsFasta(id: string, nsFraction: number): string {
  return cachedTipsFasta(
    join(cache, `${id}-ns${nsFraction}.fa`),
    ['--ns-fraction', String(nsFraction), '--seed', '1', '--drop-deletions'],
    id,
  );
}

/** id -> sequence of a FASTA file. */
export function readFasta(path: string): Map<string, string> {
  const records = new Map<string, string>();
  for (const block of readFileSync(path, 'latin1').split('>').slice(1)) {
    const newline = block.indexOf('\n');
    const id = block.slice(0, newline).trim().split(/\s+/)[0]!;
    records.set(id, block.slice(newline + 1).replace(/\s+/g, ''));
  }
  return records;
}
