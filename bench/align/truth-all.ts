/**
 * F1 of our calls against every labeled tip of each pathogen in ../shared/data (inputs made
 * by tips_to_fasta.py with --drop-deletions, with and without Ns; cached in bench/.cache/).
 *
 *   node --import tsx bench/align/truth-all.ts [pathogen ...] [--verbose]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAligner } from '../../src/core/analysis/align';
import { loadPathogen } from '../../src/core/pathogens';
import {
  addToTally,
  compareCalls,
  emptyTally,
  readFasta,
  readTruth,
  scores,
} from '../../test/core/analysis/align/truth-compare';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'bench', '.cache', 'align');
const shared = join(root, '..', 'shared', 'data');
const verbose = process.argv.includes('--verbose');
const ids = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function tipsFasta(id: string, nsFraction: number): string {
  const out = join(cache, `${id}-all-ns${nsFraction}.fa`);
  if (existsSync(out)) return out;
  mkdirSync(cache, { recursive: true });
  const dir = join(shared, id);
  const args = [
    join(dir, 'tips_to_fasta.py'),
    join(dir, 'tree_tips.tsv'),
    join(dir, 'reference.fasta'),
  ];
  const extra = [
    '--drop-deletions',
    '--seed',
    '1',
    '--ns-fraction',
    String(nsFraction),
    '-o',
    `${out}.tmp`,
  ];
  const result = spawnSync('python3', [...args, ...extra], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('tips_to_fasta.py failed');
  renameSync(`${out}.tmp`, out);
  return out;
}

for (const id of ids.length ? ids : ['sars-cov-2', 'rsv-a', 'flu-h3n2-ha']) {
  const pathogen = loadPathogen(join(root, 'resources', 'pathogens', id));
  const aligner = createAligner(pathogen);
  const truth = readTruth(join(shared, id, 'tree_tips.tsv'));
  for (const ns of [0, 0.03]) {
    const records = readFasta(tipsFasta(id, ns));
    const tally = emptyTally();
    let failed = 0;
    const start = performance.now();
    for (const record of records) {
      const outcome = aligner.align(record.sequence);
      if (!outcome.ok) {
        failed += 1;
        console.log(`  ${record.id}: ${outcome.reason}`);
        continue;
      }
      const labeled = truth.get(record.id)!;
      addToTally(tally, outcome.calls, labeled);
      if (verbose) {
        const { extra, lacking } = compareCalls(outcome.calls, labeled);
        if (extra.length || lacking.length)
          console.log(`  ${record.id}: extra ${extra.join(' ')} | lacking ${lacking.join(' ')}`);
      }
    }
    const ms = performance.now() - start;
    const { precision, recall, f1 } = scores(tally);
    console.log(
      `${id} ns=${ns}: ${records.length} genomes, ${failed} failed, precision ${precision.toFixed(5)} recall ${recall.toFixed(5)} F1 ${f1.toFixed(5)} (${tally.falsePositives} FP, ${tally.falseNegatives} FN) ${(ms / records.length).toFixed(2)} ms/genome`,
    );
  }
}
