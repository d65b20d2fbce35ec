/** Bench inputs: a pathogen's tips rebuilt as FASTA by the shared generator, made once and cached. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared', 'data');

/** Writes `out` with `tips_to_fasta.py <options>` unless it exists; returns `out`. */
export function cachedTipsFasta(out: string, options: string[], pathogen = 'sars-cov-2'): string {
  const data = join(shared, pathogen);
  if (existsSync(out)) return out;
  mkdirSync(dirname(out), { recursive: true });
  const args = [
    join(data, 'tips_to_fasta.py'),
    join(data, 'tree_tips.tsv'),
    join(data, 'reference.fasta'),
    '-o',
    `${out}.tmp`,
    ...options,
  ];
  const result = spawnSync('python3', args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('tips_to_fasta.py failed');
  renameSync(`${out}.tmp`, out);
  return out;
}
