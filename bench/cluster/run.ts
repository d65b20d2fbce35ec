/**
 * Clustering benchmark: SARS-CoV-2 tips rebuilt with ~3% N and a few private mutations,
 * repeated to 10,000 and 20,000 genomes. Times our stages (6-mer features on 2 workers,
 * PCA to 30 with ONNX Runtime's GEMM, UMAP, k-means) and scikit-learn PCA + umap-learn UMAP + scikit-learn KMeans
 * on the same feature matrix (Debian python3-sklearn, umap-learn; bench only), prints the
 * ratios, the scaling time(20k)/time(10k), and ARI against the clade labels.
 *
 *   node --import tsx bench/cluster/run.ts [--sizes 10000,20000] [--k 12]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adjustedRandIndex, kmeans } from '../../src/core/cluster';
import { pcaWithOnnx } from '../../src/core/cluster/pca-onnx';
import { runUmap } from '../../src/core/cluster/umap';
import { createFeaturePool } from '../../src/core/features';
import { parseLabeledRows } from '../../src/core/pathogens/labeled-mutations';
import { parseReferenceFasta } from '../../src/core/pathogens/reference-fasta';
import { tipGenome } from '../../src/core/pathogens/tip-genomes';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pathogen = join(root, 'resources', 'pathogens', 'sars-cov-2');
const cache = join(root, 'bench', '.cache', 'cluster');
const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const SIZES = argument('--sizes', '10000,20000').split(',').map(Number);
const K = Number(argument('--k', '12'));
const COMPONENTS = 30;
const SEED = 1;

const seconds = (start: number): number => (performance.now() - start) / 1000;

function genomes(count: number): { sequences: string[]; clades: string[] } {
  const reference = parseReferenceFasta(
    readFileSync(join(pathogen, 'reference.fasta'), 'utf8'),
    'reference.fasta',
  ).sequence;
  const rows = parseLabeledRows(readFileSync(join(pathogen, 'labeled.tsv'), 'utf8'));
  const sequences: string[] = [];
  const clades: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows[i % rows.length]!;
    const copy = Math.floor(i / rows.length);
    sequences.push(
      tipGenome(reference, row, { nFraction: 0.03, privateMutations: 3, seed: 1 + copy }),
    );
    clades.push(row.clade);
  }
  return { sequences, clades };
}

async function ours(sequences: string[], clades: string[]) {
  const pool = createFeaturePool({ kind: 'kmer', k: 6 }, { threads: 2 });
  await pool.featurize(sequences.slice(0, 64)); // warm the workers
  let start = performance.now();
  const features = await pool.featurize(sequences);
  const featureTime = seconds(start);
  await pool.close();
  const matrix = { rows: sequences.length, cols: pool.dimension, data: features };
  start = performance.now();
  const reduced = await pcaWithOnnx(matrix, COMPONENTS, { seed: SEED });
  const pcaTime = seconds(start);
  start = performance.now();
  const embedding = await runUmap(
    { rows: sequences.length, cols: COMPONENTS, data: reduced.coordinates },
    { seed: SEED },
  );
  const umapTime = seconds(start);
  start = performance.now();
  const { assignments } = kmeans({ rows: sequences.length, cols: 2, data: embedding }, K, {
    seed: SEED,
  });
  const kmeansTime = seconds(start);
  return {
    matrix,
    times: { features: featureTime, pca: pcaTime, umap: umapTime, kmeans: kmeansTime },
    ari: adjustedRandIndex(assignments, clades),
  };
}

function reference(matrix: { rows: number; cols: number; data: Float32Array }) {
  mkdirSync(cache, { recursive: true });
  const path = join(cache, `features-${matrix.rows}.f32`);
  writeFileSync(path, matrix.data);
  const script = join(root, 'bench', 'cluster', 'reference.py');
  const args = [
    script,
    path,
    `${matrix.rows}`,
    `${matrix.cols}`,
    `${COMPONENTS}`,
    `${K}`,
    `${SEED}`,
  ];
  const result = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`reference.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as {
    pca: number;
    umap: number | null;
    kmeans: number;
    labels: number[];
  };
}

const fmt = (x: number | null): string => (x === null ? '   n/a' : x.toFixed(2).padStart(6));
console.log(
  `cpus ${cpus().length}, load ${loadavg()[0]!.toFixed(2)}; k = ${K}, PCA to ${COMPONENTS}`,
);
const totals: number[] = [];
for (const size of SIZES) {
  const { sequences, clades } = genomes(size);
  const run = await ours(sequences, clades);
  const ref = reference(run.matrix);
  const t = run.times;
  const total = t.features + t.pca + t.umap + t.kmeans;
  totals.push(total);
  const refEmbed = ref.pca + (ref.umap ?? 0);
  console.log(`\n${size} genomes`);
  console.log(
    `  ours     features ${fmt(t.features)} s  PCA ${fmt(t.pca)} s  UMAP ${fmt(t.umap)} s  k-means ${fmt(t.kmeans)} s  total ${fmt(total)} s`,
  );
  console.log(
    `  sklearn  features    n/a    PCA ${fmt(ref.pca)} s  UMAP ${fmt(ref.umap)} s  k-means ${fmt(ref.kmeans)} s`,
  );
  console.log(
    `  ratio ours/reference: PCA ${(t.pca / ref.pca).toFixed(2)}, UMAP ${ref.umap ? (t.umap / ref.umap).toFixed(2) : 'n/a'}, PCA+UMAP ${((t.pca + t.umap) / refEmbed).toFixed(2)}`,
  );
  console.log(
    `  ARI vs clade: ours ${run.ari.toFixed(3)}, reference ${adjustedRandIndex(Int32Array.from(ref.labels), clades).toFixed(3)}`,
  );
}
if (totals.length >= 2)
  console.log(
    `\nscaling time(${SIZES[1]})/time(${SIZES[0]}): ${(totals[1]! / totals[0]!).toFixed(2)}`,
  );
