/**
 * Clustering quality on the labeled tips of each bundled pathogen (rebuilt with ~3% N):
 * ARI and NMI against the clade labels for each embedding, clustering space and method.
 * The floors asserted in test/core/cluster/quality.test.ts come from this table.
 *
 *   node --import tsx bench/cluster/quality.ts [--every 1] [--mutations | --imputed | --kmer-size 6]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  adjustedRandIndex,
  chooseK,
  kmeans,
  normalizedMutualInformation,
  pca,
  type Matrix,
} from '../../src/core/cluster';
import { hdbscan } from '../../src/core/cluster/hdbscan';
import { runUmap } from '../../src/core/cluster/umap';
import { createAligner } from '../../src/core/analysis/align';
import { kmerSpectra, parseFeaturizerConfig } from '../../src/core/features';
import { loadPathogen } from '../../src/core/pathogens';
import { parseLabeledRows } from '../../src/core/pathogens/labeled-mutations';
import { parseReferenceFasta } from '../../src/core/pathogens/reference-fasta';
import { tipGenome } from '../../src/core/pathogens/tip-genomes';

const at = process.argv.indexOf('--every');
const kAt = process.argv.indexOf('--kmer-size');
const KMER_SIZE = kAt > 0 ? Number(process.argv[kAt + 1]) : 6;
const EVERY = at > 0 ? Number(process.argv[at + 1]) : 1;

function tips(id: string) {
  const dir = join('resources', 'pathogens', id);
  const reference = parseReferenceFasta(
    readFileSync(join(dir, 'reference.fasta'), 'utf8'),
    'reference.fasta',
  ).sequence;
  const rows = parseLabeledRows(readFileSync(join(dir, 'labeled.tsv'), 'utf8')).filter(
    (_, i) => i % EVERY === 0,
  );
  return {
    sequences: rows.map((row) => tipGenome(reference, row, { nFraction: 0.03, seed: 1 })),
    clades: rows.map((row) => row.clade),
  };
}

/** Presence of mutations carried by 2+ sequences; a position the sequence misses gets the column's mean. */
function mutationFeatures(id: string, sequences: string[], imputeMissing: boolean): Matrix {
  const aligner = createAligner(loadPathogen(join('resources', 'pathogens', id)));
  const calls = sequences.map((s) => {
    const outcome = aligner.align(s);
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.calls;
  });
  const labels = calls.map((c) => [
    ...c.substitutions.map((m) => ({ key: `${m.position}${m.queryNuc}`, position: m.position })),
    ...c.deletions.map((d) => ({ key: `del${d.start}-${d.length}`, position: d.start })),
  ]);
  const counts = new Map<string, { n: number; position: number }>();
  for (const row of labels)
    for (const m of row) {
      const e = counts.get(m.key) ?? { n: 0, position: m.position };
      e.n++;
      counts.set(m.key, e);
    }
  const kept = [...counts].filter(([, e]) => e.n >= 2);
  const column = new Map(kept.map(([key], j) => [key, j]));
  const cols = kept.length;
  const data = new Float32Array(sequences.length * cols);
  labels.forEach((row, i) =>
    row.forEach((m) => {
      const j = column.get(m.key);
      if (j !== undefined) data[i * cols + j] = 1;
    }),
  );
  if (imputeMissing) {
    const means = kept.map(([, e]) => e.n / sequences.length);
    calls.forEach((c, i) => {
      const ranges = [
        ...c.missing,
        { start: 0, end: c.alignmentStart - 1 },
        { start: c.alignmentEnd + 1, end: 1e9 },
      ];
      for (const r of ranges)
        kept.forEach(([, e], j) => {
          if (e.position >= r.start && e.position <= r.end) data[i * cols + j] = means[j]!;
        });
    });
  }
  return { rows: sequences.length, cols, data };
}

const which = process.argv.includes('--mutations')
  ? 'mutations'
  : process.argv.includes('--imputed')
    ? 'imputed'
    : 'kmer';
for (const id of ['sars-cov-2', 'rsv-a', 'flu-h3n2-ha']) {
  const { sequences, clades } = tips(id);
  const config = parseFeaturizerConfig({ kind: 'kmer', k: KMER_SIZE });
  const features: Matrix =
    which === 'kmer'
      ? { rows: sequences.length, cols: config.dimension, data: kmerSpectra(sequences, config) }
      : mutationFeatures(id, sequences, which === 'imputed');
  console.log(
    `features: ${which === 'kmer' ? `${KMER_SIZE}-mers` : which}, ${features.cols} columns`,
  );
  const reduced: Matrix = {
    rows: features.rows,
    cols: 30,
    data: pca(features, 30, { seed: 1 }).coordinates,
  };
  const umap: Matrix = { rows: features.rows, cols: 2, data: await runUmap(reduced, { seed: 1 }) };
  const clusterCount = new Set(clades).size;
  console.log(`\n${id}: ${sequences.length} tips, ${clusterCount} clades`);
  for (const [spaceName, space] of [
    ['pca30', reduced],
    ['umap', umap],
  ] as const) {
    const show = (name: string, a: Int32Array) => {
      const noise = a.filter((x) => x < 0).length;
      console.log(
        `  ${spaceName.padEnd(6)} ${name.padEnd(28)} clusters ${String(new Set(a).size).padStart(3)}  noise ${String(noise).padStart(4)}  ARI ${adjustedRandIndex(a, clades).toFixed(3)}  NMI ${normalizedMutualInformation(a, clades).toFixed(3)}`,
      );
    };
    const chosen = chooseK(space, [2, 15], { seed: 1 });
    show(`k-means k=${chosen.k} (silhouette)`, chosen.clustering.assignments);
    show(
      `k-means k=${clusterCount} (clades)`,
      kmeans(space, clusterCount, { seed: 1 }).assignments,
    );
    for (const minClusterSize of [5, 10, 20])
      show(`HDBSCAN min ${minClusterSize}`, (await hdbscan(space, { minClusterSize })).labels);
  }
}
