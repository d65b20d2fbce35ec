/** Bench inputs: each pathogen's tips rebuilt as genomes by the shared generator, made once. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'bench', '.cache', 'place');
const shared = join(root, '..', 'shared', 'data');

/** `tips_to_fasta.py` genomes of the pathogen's tips (deletions dropped), cached. */
export function tipsFasta(id: string, nsFraction: number): string {
  const out = join(cache, `${id}-ns${nsFraction}.fa`);
  if (existsSync(out)) return out;
  mkdirSync(cache, { recursive: true });
  const data = join(shared, id);
  const result = spawnSync(
    'python3',
    [
      join(data, 'tips_to_fasta.py'),
      join(data, 'tree_tips.tsv'),
      join(data, 'reference.fasta'),
      '-o',
      `${out}.tmp`,
      '--ns-fraction',
      String(nsFraction),
      '--seed',
      '1',
      '--drop-deletions',
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('tips_to_fasta.py failed');
  renameSync(`${out}.tmp`, out);
  return out;
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
