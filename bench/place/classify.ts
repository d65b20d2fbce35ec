/**
 * Classification throughput with and without placement on the reference tree: the shipped
 * `sars-cov-2-clade` bundle on 10,000 genomes (the tips repeated with N runs and private
 * mutations, as bench/train builds them), through `openClassifier` -> `classifyChunks` on 2
 * workers, once without the tree and once placing every genome (and testing it for a
 * mosaic) in the workers, as the app does. Prints genomes/s of both and their ratio.
 *
 *   node --import tsx bench/place/classify.ts [--genomes 10000] [--repeats 3]
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReferenceFasta } from '../../src/core/pathogens/reference-fasta';
import { readTips } from '../train/dataset';
import { cachedGenomesFasta, measureClassifier, type ThroughputResult } from '../train/throughput';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const GENOMES = argument('--genomes', 10_000);
const REPEATS = argument('--repeats', 3);
const dir = join(root, 'resources', 'pathogens', 'sars-cov-2');
const reference = parseReferenceFasta(
  readFileSync(join(dir, 'reference.fasta'), 'utf8'),
  'reference.fasta',
).sequence;
const fasta = await cachedGenomesFasta(
  join(root, 'bench', '.cache', 'train', `sars-cov-2-${GENOMES}.fa`),
  reference,
  readTips(dir),
  GENOMES,
);
const bundle = join(root, 'models', 'sars-cov-2-clade.zip');
const load = (): string => loadavg()[0]!.toFixed(2);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${load()}`);

const rate = (r: ThroughputResult): number => {
  const wall = Math.min(...r.timings.wall);
  return r.labels.size / wall;
};
const without = await measureClassifier(fasta, bundle, REPEATS);
const withTree = await measureClassifier(fasta, bundle, REPEATS, join(dir, 'tree.json'));
const a = rate(without);
const b = rate(withTree);
console.log(`${GENOMES} genomes, best of ${REPEATS}, 2 workers, load ${load()}`);
console.log(`  classify without the tree:  ${Math.round(a).toLocaleString('en-US')} genomes/s`);
console.log(`  classify + tree placement:  ${Math.round(b).toLocaleString('en-US')} genomes/s`);
console.log(`  ratio with/without: ${(b / a).toFixed(3)}`);
